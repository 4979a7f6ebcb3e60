import { rmSync } from 'node:fs';
import postgres from 'postgres';

/** Drops the e2e database and folder the run made. */
export default async function globalTeardown(): Promise<void> {
	const dataDir = process.env.E2E_DATA_DIR;
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });

	const databaseUrl = process.env.E2E_DATABASE_URL;
	if (!databaseUrl) return;
	const url = new URL(databaseUrl);
	const name = url.pathname.slice(1);
	url.pathname = '/postgres';
	const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.end();
}
