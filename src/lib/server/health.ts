import { connection } from './db';
import { log } from './log';

const TIMEOUT_MS = 2000;

/** Asks the database for `select 1`, giving up after two seconds. */
export async function checkDatabase(): Promise<{ ok: boolean }> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('database ping timed out')), TIMEOUT_MS);
	});
	try {
		await Promise.race([connection().ping(), timeout]);
		return { ok: true };
	} catch (error) {
		log.warn({ err: error }, 'readiness check: database unreachable');
		return { ok: false };
	} finally {
		clearTimeout(timer);
	}
}
