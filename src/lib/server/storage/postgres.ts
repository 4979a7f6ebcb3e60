import { inArray, eq } from 'drizzle-orm';
import { db as appDatabase, type Database } from '../db';
import { storedObject } from '../db/schema';
import type { ObjectStore, StoredFile } from './index';

/** Keeps the bytes in the `stored_object` table: the default, with nothing else to run. */
export function createPostgresObjectStore(database: Database = appDatabase): ObjectStore {
	return {
		async put(file: StoredFile): Promise<void> {
			await database
				.insert(storedObject)
				.values({
					key: file.key,
					contentType: file.contentType,
					byteSize: file.bytes.byteLength,
					bytes: file.bytes
				})
				.onConflictDoNothing({ target: storedObject.key });
		},

		async get(key: string): Promise<StoredFile | null> {
			const [row] = await database
				.select({
					key: storedObject.key,
					contentType: storedObject.contentType,
					bytes: storedObject.bytes
				})
				.from(storedObject)
				.where(eq(storedObject.key, key));
			return row ?? null;
		},

		async remove(keys: string[]): Promise<void> {
			if (keys.length === 0) return;
			await database.delete(storedObject).where(inArray(storedObject.key, keys));
		}
	};
}
