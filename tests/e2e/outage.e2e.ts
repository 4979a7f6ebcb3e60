import { expect, test } from '@playwright/test';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { signInAs, type AppServer } from '../helpers/app-server';
import { freePort, startInstance } from './instance';
import { SESSION_COOKIE, needsPostgres } from './support';

/**
 * A database outage in the middle of a signed-in visit: the request gets a 503 page, the cookie
 * is left alone, and the same cookie works again once the database is back. A second server
 * instance reaches PostgreSQL through a TCP relay that the test can cut.
 */

class Relay {
	private server: Server | undefined;
	private readonly sockets = new Set<Socket>();
	constructor(
		readonly port: number,
		private readonly target: { host: string; port: number }
	) {}

	async open(): Promise<void> {
		this.server = createServer((client) => {
			const upstream = connect(this.target.port, this.target.host);
			for (const socket of [client, upstream]) {
				this.sockets.add(socket);
				socket.on('close', () => this.sockets.delete(socket));
				socket.on('error', () => socket.destroy());
			}
			client.pipe(upstream).pipe(client);
		});
		await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
	}

	async cut(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}
}

let relay: Relay;
let app: AppServer | undefined;
let base = '';

test.beforeAll(async () => {
	needsPostgres();
	const database = new URL(process.env.E2E_DATABASE_URL ?? '');
	relay = new Relay(await freePort(), {
		host: database.hostname,
		port: Number(database.port || 5432)
	});
	await relay.open();
	database.hostname = '127.0.0.1';
	database.port = String(relay.port);

	app = await startInstance({ DATABASE_URL: database.toString() });
	base = app.origin;
});

test.afterAll(async () => {
	await app?.stop();
	await relay?.cut().catch(() => {});
});

test('a signed-in visitor gets a 503 during an outage, keeps the cookie, and is back afterwards', async () => {
	const cookie = {
		cookie: await signInAs(base, 'buyer@example.com', 'openstall-demo'),
		accept: 'text/html'
	};
	expect((await fetch(`${base}/account`, { headers: cookie, redirect: 'manual' })).status).toBe(
		200
	);

	await relay.cut();

	const during = await fetch(`${base}/account`, { headers: cookie, redirect: 'manual' });
	expect(during.status).toBe(503);
	const page = await during.text();
	expect(page).toContain('cannot reach its database');
	expect(page).toContain('You are still signed in');
	expect(during.headers.getSetCookie().filter((value) => value.startsWith(SESSION_COOKIE))).toEqual(
		[]
	);
	expect((await fetch(`${base}/readyz`)).status).toBe(503);

	await relay.open();

	await expect
		.poll(() => fetch(`${base}/readyz`).then((r) => r.status), { timeout: 15_000 })
		.toBe(200);
	const after = await fetch(`${base}/account`, { headers: cookie, redirect: 'manual' });
	expect(after.status).toBe(200);
	expect(await after.text()).toContain('buyer@example.com');
});
