import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, readConfig } from './config';

const SECRET = 'a-production-secret-of-more-than-32-characters';
const PRODUCTION = { AUTH_SECRET: SECRET, ORIGIN: 'https://shop.example' };

/** The problems readConfig reports for this environment; none when it accepts it. */
function problemsWith(env: Record<string, string>, production = true): string[] {
	try {
		readConfig(env, { production });
		return [];
	} catch (error) {
		if (error instanceof ConfigError) return error.problems;
		throw error;
	}
}

describe('a production server', () => {
	it('starts with a secret and its public URL, and nothing else', () => {
		const config = readConfig(PRODUCTION, { production: true });

		expect(config).toMatchObject({
			production: true,
			databaseUrl: null,
			authSecret: SECRET,
			origin: 'https://shop.example',
			logLevel: 'info',
			providers: { github: null, google: null, oidc: null }
		});
	});

	it('refuses to start without AUTH_SECRET', () => {
		expect(problemsWith({ ORIGIN: 'https://shop.example' })).toEqual([
			expect.stringMatching(/^AUTH_SECRET is missing/)
		]);
	});

	it('refuses an AUTH_SECRET shorter than 32 characters', () => {
		expect(problemsWith({ ...PRODUCTION, AUTH_SECRET: 'short' })).toEqual([
			expect.stringMatching(/^AUTH_SECRET is too short/)
		]);
	});

	it('refuses to start without ORIGIN or AUTH_URL', () => {
		expect(problemsWith({ AUTH_SECRET: SECRET })).toEqual([
			expect.stringMatching(/^ORIGIN \(or AUTH_URL\) is missing/)
		]);
	});

	it('treats an empty line in .env as unset, not as a value', () => {
		expect(problemsWith({ ...PRODUCTION, AUTH_SECRET: '  ' })).toEqual([
			expect.stringMatching(/^AUTH_SECRET is missing/)
		]);
	});

	it('reports every problem at once, so one restart fixes them all', () => {
		const problems = problemsWith({ DATABASE_URL: 'mysql://db', LOG_LEVEL: 'loud' });

		expect(problems).toHaveLength(4);
		expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
			'DATABASE_URL',
			'AUTH_SECRET',
			'ORIGIN',
			'LOG_LEVEL'
		]);
	});
});

describe('a malformed variable is named in its message', () => {
	it('DATABASE_URL that is not a postgres URL', () => {
		expect(problemsWith({ ...PRODUCTION, DATABASE_URL: 'mysql://localhost/shop' })).toEqual([
			'DATABASE_URL must be a postgres:// or postgresql:// URL'
		]);
		expect(problemsWith({ ...PRODUCTION, DATABASE_URL: 'not a url' })).toEqual([
			'DATABASE_URL must be a postgres:// or postgresql:// URL'
		]);
	});

	it('ORIGIN that is not an http URL', () => {
		expect(problemsWith({ ...PRODUCTION, ORIGIN: 'shop.example' })).toEqual([
			'ORIGIN must be an http:// or https:// URL'
		]);
	});

	it('AUTH_URL that is not an http URL, named even when ORIGIN is fine', () => {
		expect(problemsWith({ ...PRODUCTION, AUTH_URL: 'ftp://shop.example' })).toEqual([
			'AUTH_URL must be an http:// or https:// URL'
		]);
	});

	it('LOG_LEVEL outside the levels pino knows', () => {
		expect(problemsWith({ ...PRODUCTION, LOG_LEVEL: 'verbose' })).toEqual([
			expect.stringMatching(/^LOG_LEVEL must be one of fatal, error, warn, info, debug/)
		]);
	});

	it('half a GitHub pair names the half that is missing', () => {
		expect(problemsWith({ ...PRODUCTION, AUTH_GITHUB_ID: 'gh-id' })).toEqual([
			'AUTH_GITHUB_SECRET is missing: AUTH_GITHUB_ID and AUTH_GITHUB_SECRET go together'
		]);
	});

	it('half a Google pair names the half that is missing', () => {
		expect(problemsWith({ ...PRODUCTION, AUTH_GOOGLE_SECRET: 'google-secret' })).toEqual([
			'AUTH_GOOGLE_ID is missing: AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET go together'
		]);
	});

	it('an OIDC issuer without a client', () => {
		expect(problemsWith({ ...PRODUCTION, AUTH_OIDC_ISSUER: 'https://sso.example' })).toEqual([
			'AUTH_OIDC_ID is missing: AUTH_OIDC_ISSUER needs AUTH_OIDC_ID and AUTH_OIDC_SECRET'
		]);
	});

	it('an OIDC client whose issuer is not an http URL', () => {
		const client = { AUTH_OIDC_ID: 'oidc-id', AUTH_OIDC_SECRET: 'oidc-secret' };

		expect(problemsWith({ ...PRODUCTION, ...client, AUTH_OIDC_ISSUER: 'sso.example' })).toEqual([
			'AUTH_OIDC_ISSUER must be an http:// or https:// URL'
		]);
		expect(problemsWith({ ...PRODUCTION, ...client })).toEqual([
			'AUTH_OIDC_ISSUER must be an http:// or https:// URL'
		]);
	});
});

describe('sign-in providers', () => {
	it('are switched on by their variables, with the OIDC button labelled', () => {
		const config = readConfig(
			{
				...PRODUCTION,
				AUTH_GITHUB_ID: 'gh-id',
				AUTH_GITHUB_SECRET: 'gh-secret',
				AUTH_OIDC_ISSUER: 'https://sso.example/realms/shop',
				AUTH_OIDC_ID: 'oidc-id',
				AUTH_OIDC_SECRET: 'oidc-secret'
			},
			{ production: true }
		);

		expect(config.providers).toEqual({
			github: { clientId: 'gh-id', clientSecret: 'gh-secret' },
			google: null,
			oidc: {
				issuer: 'https://sso.example/realms/shop',
				clientId: 'oidc-id',
				clientSecret: 'oidc-secret',
				name: 'Single sign-on'
			}
		});
	});
});

describe('development without AUTH_SECRET', () => {
	let dataDir: string;

	// Note: config.ts reads OPENSTALL_DATA_DIR when it is imported, so each test imports a fresh
	// copy of the module after pointing the variable at its own folder.
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'openstall-config-'));
		vi.stubEnv('OPENSTALL_DATA_DIR', dataDir);
		vi.resetModules();
	});

	afterEach(() => {
		vi.unstubAllEnvs();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('gets a generated secret kept under the data folder, and the same one next time', async () => {
		const fresh = await import('./config');

		const first = fresh.readConfig({}, { production: false });
		const second = fresh.readConfig({}, { production: false });

		expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
		expect(readFileSync(join(dataDir, 'auth-secret'), 'utf8')).toBe(first.authSecret);
		expect(second.authSecret).toBe(first.authSecret);
		expect(first).toMatchObject({
			production: false,
			origin: null,
			logLevel: 'debug',
			pgliteDir: join(dataDir, 'pglite')
		});
	});

	it('keeps a secret that was set, and writes nothing', async () => {
		const fresh = await import('./config');

		const config = fresh.readConfig({ AUTH_SECRET: SECRET }, { production: false });

		expect(config.authSecret).toBe(SECRET);
		expect(() => readFileSync(join(dataDir, 'auth-secret'))).toThrow();
	});
});
