import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { config } from '../config';
import * as schema from './schema';

/** The one database type the app sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Connection = {
	db: Database;
	driver: 'postgres' | 'pglite';
	/** Answers when the database does; throws when it does not. */
	ping: () => Promise<void>;
	close: () => Promise<void>;
};

export function connectPostgres(url: string, options: { max?: number } = {}): Connection {
	const sql = postgres(url, {
		max: options.max ?? 10,
		onnotice: () => {},
		connect_timeout: 5,
		idle_timeout: 60
	});
	return {
		db: drizzlePostgres(sql, { schema }) as unknown as Database,
		driver: 'postgres',
		ping: async () => {
			await sql`select 1`;
		},
		close: () => sql.end({ timeout: 5 })
	};
}

/** An embedded PostgreSQL: in memory when `dataDir` is omitted, else stored in that folder. */
export function connectPglite(dataDir?: string, client?: PGlite): Connection {
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const pglite = client ?? new PGlite(dataDir);
	return {
		db: drizzlePglite(pglite, { schema }) as unknown as Database,
		driver: 'pglite',
		ping: async () => {
			await pglite.query('select 1');
		},
		close: () => pglite.close()
	};
}

/** Connects to what the configuration names: `DATABASE_URL`, else the embedded database. */
export function connectConfigured(): Connection {
	const { databaseUrl, pgliteDir } = config();
	return databaseUrl ? connectPostgres(databaseUrl) : connectPglite(pgliteDir);
}

// Note: kept on globalThis so that Vite's module reloads in development reuse the one
// connection; a file-backed PGlite must not be opened twice by one process.
const holder = globalThis as typeof globalThis & { __openstallConnection?: Connection };

export function connection(): Connection {
	holder.__openstallConnection ??= connectConfigured();
	return holder.__openstallConnection;
}

/** Tests hand in their own fresh database; nothing else should call this. */
export function useConnection(next: Connection): void {
	holder.__openstallConnection = next;
}

/**
 * The app's database. A lazy stand-in, so importing this module opens nothing: scripts and
 * tests choose the connection before the first query.
 */
export const db: Database = new Proxy({} as Database, {
	get(_, property) {
		const target = connection().db;
		const value = Reflect.get(target, property, target);
		if (property === 'constructor' || typeof value !== 'function') return value;
		return value.bind(target);
	},
	// Note: Drizzle's `is()` (used by the Auth.js adapter) checks the prototype chain.
	getPrototypeOf() {
		return Object.getPrototypeOf(connection().db);
	}
});

export { schema };
