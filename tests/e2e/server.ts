/**
 * Starts the production build for the e2e tests: makes the database named by the Playwright
 * config, migrates and seeds it, then runs `node build` on E2E_PORT until Playwright stops it.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { connectPglite, connectPostgres, useConnection } from '../../src/lib/server/db/index';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { seedDemoData } from '../../src/lib/server/seed';
import { OIDC_CLIENT, startOidcProvider } from './oidc-provider';
import { E2E_AUTH_SECRET } from './support';

const port = process.env.E2E_PORT;
const databaseUrl = process.env.E2E_DATABASE_URL;
const dataDir = process.env.E2E_DATA_DIR;
if (!port || !dataDir) throw new Error('Run the e2e server through Playwright (npm run test:e2e).');

if (databaseUrl) {
	const url = new URL(databaseUrl);
	const name = url.pathname.slice(1);
	url.pathname = '/postgres';
	const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.unsafe(`create database ${name}`);
	await admin.end();
}

rmSync(dataDir, { recursive: true, force: true });
const connection = databaseUrl ? connectPostgres(databaseUrl) : connectPglite(`${dataDir}/pglite`);
useConnection(connection);
await migrateDatabase(connection);
await seedDemoData();
await connection.close();

// Note: the OIDC provider lives in this process for as long as the app server does.
const appOrigin = `http://localhost:${port}`;
const { issuer } = await startOidcProvider(appOrigin);

const server = spawn('node', ['build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		PORT: port,
		HOST: '127.0.0.1',
		ORIGIN: appOrigin,
		AUTH_OIDC_ISSUER: issuer,
		AUTH_OIDC_ID: OIDC_CLIENT.id,
		AUTH_OIDC_SECRET: OIDC_CLIENT.secret,
		AUTH_OIDC_NAME: 'Test SSO',
		AUTH_SECRET: E2E_AUTH_SECRET,
		DATABASE_URL: databaseUrl ?? '',
		OPENSTALL_DATA_DIR: dataDir,
		LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
		// Note: adapter-node refuses bodies over 512 KB by default; a listing form may carry 8 photos
		// of up to 10 MB each, and the app checks each photo itself.
		BODY_SIZE_LIMIT: '90M',
		NODE_ENV: 'production'
	}
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
