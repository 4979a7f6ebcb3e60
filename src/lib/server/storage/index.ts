import { createPostgresObjectStore } from './postgres';

export type StoredFile = { key: string; contentType: string; bytes: Buffer };

/**
 * Where uploaded images live. Every server instance and a serverless function must reach the
 * same bytes, so nothing is kept on the local disk. Keys carry a hash of the content, so a key
 * always names the same bytes and a store may keep the first copy of a key it sees twice.
 */
export interface ObjectStore {
	put(file: StoredFile): Promise<void>;
	get(key: string): Promise<StoredFile | null>;
	remove(keys: string[]): Promise<void>;
}

let configured: ObjectStore | null = null;

// TODO: an S3-compatible store (bucket, endpoint and keys from the environment) would be chosen
// here; it needs a client library. A failed save removes what it stored (`saveWithImages`), but a
// process that dies between storing and committing still leaves orphans: a periodic sweep of keys
// no photo, logo or banner uses, older than an hour, would catch those for every store.
export function objectStore(): ObjectStore {
	configured ??= createPostgresObjectStore();
	return configured;
}
