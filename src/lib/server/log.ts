import pino from 'pino';
import { isProduction, LOG_LEVELS } from './config';

/**
 * One JSON logger for the server. Development pipes through pino-pretty when it is installed
 * (it is a dev dependency); production writes plain JSON lines for the platform to collect.
 */
function createLogger(): pino.Logger {
	// Note: read straight from the environment so importing the logger never fails; config()
	// validates LOG_LEVEL at server start and refuses a bad one with a clear message.
	const production = isProduction();
	const requested = process.env.LOG_LEVEL?.trim() as (typeof LOG_LEVELS)[number] | undefined;
	const logLevel =
		requested && LOG_LEVELS.includes(requested) ? requested : production ? 'info' : 'debug';
	const redact = ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie'];
	if (!production && !process.env.VITEST) {
		try {
			return pino({
				level: logLevel,
				redact,
				transport: { target: 'pino-pretty', options: { colorize: true } }
			});
		} catch {
			// Note: pino-pretty is missing in a production install; plain JSON is fine.
		}
	}
	return pino({ level: logLevel, redact });
}

export const log = createLogger();
