import { resolve } from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Connection } from './index';

// Note: resolved from the working directory, which is the project root for every script.
export const MIGRATIONS_FOLDER = resolve('drizzle');

/** Applies the committed migrations in `drizzle/` that this database has not seen yet. */
export async function migrateDatabase(
	connection: Connection,
	migrationsFolder = MIGRATIONS_FOLDER
): Promise<void> {
	if (connection.driver === 'pglite') {
		await migratePglite(connection.db as unknown as PgliteDatabase, { migrationsFolder });
	} else {
		await migratePostgres(connection.db as unknown as PostgresJsDatabase, { migrationsFolder });
	}
}
