import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import postgres from 'postgres';
import {
	connectPglite,
	connectPostgres,
	useConnection,
	type Connection
} from '../../src/lib/server/db/index';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../src/lib/server/db/migrate';

export type TestDatabase = Connection & { name: string };

/** The driver this Vitest project tests: set per project in vite.config.ts. */
export function testDriver(): 'pglite' | 'postgres' {
	return process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

function migrationsHash(): string {
	const hash = createHash('sha256');
	for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
		if (file.endsWith('.sql') || file.endsWith('.json')) {
			hash.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
		}
	}
	return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated PGlite takes seconds to make; a copy of one takes milliseconds. The first test
 * file to need it migrates one and leaves its data directory as a tarball for the others.
 */
async function pgliteTemplate(): Promise<Blob> {
	const file = join(tmpdir(), `openstall-pglite-template-${migrationsHash()}.tar.gz`);
	if (existsSync(file)) return new Blob([readFileSync(file)]);

	const connection = connectPglite();
	await migrateDatabase(connection);
	const pglite = (connection.db as unknown as { $client: PGlite }).$client;
	const dump = await pglite.dumpDataDir('gzip');
	await connection.close();
	const partial = `${file}.${randomBytes(4).toString('hex')}`;
	writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
	renameSync(partial, file);
	return dump;
}

/**
 * A fresh, migrated database for one test file, made the app's database. PGlite in memory by
 * default; with TEST_DATABASE_URL, a new database on that server, dropped by `close()`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
	let connection: TestDatabase;
	if (testDriver() === 'pglite') {
		const client = new PGlite({ loadDataDir: await pgliteTemplate() });
		connection = { ...connectPglite(undefined, client), name: 'pglite (memory)' };
	} else {
		const serverUrl = process.env.TEST_DATABASE_URL;
		if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
		const name = `openstall_test_${randomBytes(6).toString('hex')}`;
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		const inner = connectPostgres(url.toString(), { max: 10 });
		await migrateDatabase(inner);
		connection = {
			...inner,
			name,
			close: async () => {
				await inner.close();
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			}
		};
	}
	useConnection(connection);
	return connection;
}

/** Tables whose rows come from a migration, not from the app: a reset keeps them. */
const REFERENCE_TABLES = new Set(['category']);

/** Empties every table but the reference data, so each test starts from a fresh install. */
export async function resetDatabase(connection: Connection): Promise<void> {
	const rows = await connection.db.execute<{ tablename: string }>(
		sql`select tablename from pg_tables where schemaname = 'public'`
	);
	const list = (Array.isArray(rows) ? rows : (rows as { rows: { tablename: string }[] }).rows)
		.filter((row) => !REFERENCE_TABLES.has(row.tablename))
		.map((row) => `"${row.tablename}"`)
		.join(', ');
	if (list) await connection.db.execute(sql.raw(`truncate ${list} restart identity cascade`));
}

/**
 * The usual life of a test file's database: made before the first test, emptied before each,
 * dropped after the last. Returns a getter, since the database exists only once tests run.
 */
export function useTestDatabase(): () => TestDatabase {
	let database: TestDatabase | undefined;
	beforeAll(async () => {
		database = await createTestDatabase();
	});
	beforeEach(async () => {
		if (database) await resetDatabase(database);
	});
	afterAll(async () => {
		await database?.close();
	});
	return () => {
		if (!database) throw new Error('the test database is made in beforeAll');
		return database;
	};
}
