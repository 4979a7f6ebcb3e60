import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectPostgres, useConnection } from '../src/lib/server/db/index';
import { log } from '../src/lib/server/log';
import { GET as healthz } from '../src/routes/healthz/+server';
import { GET as readyz } from '../src/routes/readyz/+server';
import { createTestDatabase, testDriver, type TestDatabase } from './helpers/database';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
	// Note: a PGlite boots on its first query, which can take longer than the probe's two-second
	// limit while other test files load the machine; the probe is about a running database.
	await database.ping();
});
afterAll(async () => {
	await database.close();
});

// Note: both handlers ignore the request, so an empty event is all they need.
const readyzEvent = {} as Parameters<typeof readyz>[0];
const healthzEvent = {} as Parameters<typeof healthz>[0];

describe(`the probes on ${testDriver()}`, () => {
	it('/healthz answers 200 while the process runs', async () => {
		const response = await healthz(healthzEvent);

		expect(response.status).toBe(200);
		expect(await response.text()).toBe('ok');
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('/readyz answers 200 while the database answers', async () => {
		const response = await readyz(readyzEvent);

		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ready', database: 'ok' });
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('/readyz answers 503 while the database is unreachable, and 200 once it is back', async () => {
		// Note: nothing listens on port 1, so the connection is refused at once.
		const unreachable = connectPostgres('postgres://postgres@127.0.0.1:1/nothing', { max: 1 });
		useConnection(unreachable);
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
		try {
			const started = Date.now();
			const response = await readyz(readyzEvent);

			expect(response.status).toBe(503);
			expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
			expect(Date.now() - started).toBeLessThan(5_000);
			expect(warn).toHaveBeenCalledWith(
				expect.objectContaining({ err: expect.any(Error) }),
				'readiness check: database unreachable'
			);
		} finally {
			warn.mockRestore();
			useConnection(database);
			await unreachable.close();
		}

		expect((await readyz(readyzEvent)).status).toBe(200);
	});
});
