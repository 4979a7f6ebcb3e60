import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** Where development keeps what it makes for itself: the embedded database, a generated secret. */
export const DATA_DIR = resolve(process.env.OPENSTALL_DATA_DIR ?? '.data');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type Config = {
	production: boolean;
	databaseUrl: string | null;
	pgliteDir: string;
	authSecret: string;
	origin: string | null;
	logLevel: (typeof LOG_LEVELS)[number];
	providers: {
		github: { clientId: string; clientSecret: string } | null;
		google: { clientId: string; clientSecret: string } | null;
		oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
	};
};

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Openstall's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

type Env = Record<string, string | undefined>;

const postgresUrl = z
	.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
	.optional();
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** Empty strings count as unset: a `.env` line like `DATABASE_URL=` means "not configured". */
function read(env: Env, name: string): string | undefined {
	const value = env[name]?.trim();
	return value ? value : undefined;
}

/**
 * Reads and validates the environment once. Pure apart from the development secret, which is
 * generated on first use and kept under `.data/` so sessions survive a restart.
 */
export function readConfig(env: Env, options: { production: boolean }): Config {
	const problems: string[] = [];
	const check = <T>(name: string, schema: z.ZodType<T>, value: unknown): T | undefined => {
		const result = schema.safeParse(value);
		if (result.success) return result.data;
		problems.push(`${name} ${result.error.issues[0]?.message ?? 'is not valid'}`);
		return undefined;
	};

	const databaseUrl = check('DATABASE_URL', postgresUrl, read(env, 'DATABASE_URL')) ?? null;

	let authSecret = read(env, 'AUTH_SECRET');
	if (authSecret === undefined) {
		if (options.production) {
			problems.push(
				'AUTH_SECRET is missing: a production server needs a random secret of 32+ characters (`openssl rand -base64 33`)'
			);
		} else {
			authSecret = developmentSecret();
		}
	} else if (authSecret.length < 32) {
		problems.push('AUTH_SECRET is too short: use at least 32 random characters');
	}

	const rawOrigin = read(env, 'AUTH_URL') ?? read(env, 'ORIGIN');
	const originName = read(env, 'AUTH_URL') ? 'AUTH_URL' : 'ORIGIN';
	let origin: string | null = null;
	if (rawOrigin !== undefined) {
		origin = check(originName, httpUrl, rawOrigin) ?? null;
	} else if (options.production) {
		problems.push('ORIGIN (or AUTH_URL) is missing: set the public URL, e.g. https://shop.example');
	}

	const logLevel =
		check(
			'LOG_LEVEL',
			z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }),
			read(env, 'LOG_LEVEL') ?? (options.production ? 'info' : 'debug')
		) ?? 'info';

	const pair = (id: string, secret: string) => {
		const clientId = read(env, id);
		const clientSecret = read(env, secret);
		if (!clientId && !clientSecret) return null;
		if (!clientId || !clientSecret) {
			problems.push(`${clientId ? secret : id} is missing: ${id} and ${secret} go together`);
			return null;
		}
		return { clientId, clientSecret };
	};
	const github = pair('AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET');
	const google = pair('AUTH_GOOGLE_ID', 'AUTH_GOOGLE_SECRET');
	const oidcClient = pair('AUTH_OIDC_ID', 'AUTH_OIDC_SECRET');
	const oidcIssuer = read(env, 'AUTH_OIDC_ISSUER');
	let oidc: Config['providers']['oidc'] = null;
	if (oidcClient || oidcIssuer) {
		const issuer = check('AUTH_OIDC_ISSUER', httpUrl, oidcIssuer);
		if (!oidcClient && oidcIssuer) {
			problems.push(
				'AUTH_OIDC_ID is missing: AUTH_OIDC_ISSUER needs AUTH_OIDC_ID and AUTH_OIDC_SECRET'
			);
		}
		if (issuer && oidcClient) {
			oidc = { issuer, ...oidcClient, name: read(env, 'AUTH_OIDC_NAME') ?? 'Single sign-on' };
		}
	}

	if (problems.length > 0) throw new ConfigError(problems);

	return {
		production: options.production,
		databaseUrl,
		pgliteDir: resolve(DATA_DIR, 'pglite'),
		authSecret: authSecret ?? '',
		origin,
		logLevel,
		providers: { github, google, oidc }
	};
}

function developmentSecret(): string {
	const file = resolve(DATA_DIR, 'auth-secret');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	const secret = randomBytes(33).toString('base64url');
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, secret, { mode: 0o600 });
	return secret;
}

let cached: Config | undefined;

export function isProduction(): boolean {
	// Note: Vite writes `import.meta.env.PROD` into the built server; scripts run by tsx have no
	// `import.meta.env` and rely on NODE_ENV instead.
	return process.env.NODE_ENV === 'production' || import.meta.env?.PROD === true;
}

/**
 * The configuration of this process. Development reads `.env` if there is one; production
 * takes only the real environment, as deploy platforms expect.
 */
export function config(): Config {
	if (cached) return cached;
	const production = isProduction();
	if (!production && existsSync('.env')) process.loadEnvFile('.env');
	cached = readConfig(process.env, { production });
	return cached;
}
