import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import {
	createScratchDatabase,
	migrateAndSeed,
	sessionTokenFrom,
	signInAs,
	startAppServer,
	type AppServer,
	type ScratchDatabase
} from '../helpers/app-server';
import { DEMO_PASSWORD } from './support';

/**
 * Freshness across instances: two `node build` processes on one PostgreSQL database, each with
 * the session cache listening. A change made through the second instance, or straight in SQL as
 * an operator would, must show on the first instance's next request, although the first
 * instance has just served that user from its cache.
 *
 * Note: "next" means the next request after PostgreSQL's notification reached the first
 * instance. PostgreSQL sends it at commit, so on one machine that is well under a millisecond,
 * but a request sent the moment the change commits can still win the race; the tests wait for
 * the instance's own log line saying it heard the change, never for a length of time.
 */

const serverUrl = process.env.TEST_DATABASE_URL;

type Page = { status: number; location: string | null; token: string | undefined; body: string };

async function visit(server: AppServer, path: string, cookie: string): Promise<Page> {
	const response = await fetch(`${server.origin}${path}`, {
		redirect: 'manual',
		headers: { cookie, accept: 'text/html' }
	});
	return {
		status: response.status,
		location: response.headers.get('location'),
		token: sessionTokenFrom(response),
		body: await response.text()
	};
}

async function post(server: AppServer, path: string, cookie: string, form: Record<string, string>) {
	const response = await fetch(`${server.origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin: server.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(form)
	});
	await response.arrayBuffer();
	return response;
}

test.describe('session freshness across two server instances', () => {
	test.skip(!serverUrl, 'needs PostgreSQL: set TEST_DATABASE_URL to run the multi-instance tests');
	test.describe.configure({ timeout: 90_000 });

	let database: ScratchDatabase;
	let sql: postgres.Sql;
	let first: AppServer;
	let second: AppServer;
	let admin: string;

	test.beforeAll(async () => {
		database = await createScratchDatabase(serverUrl!, 'openstall_freshness');
		await migrateAndSeed(database.url);
		sql = postgres(database.url, { max: 2, onnotice: () => {} });

		const authSecret = randomBytes(33).toString('base64url');
		const env = { SESSION_CACHE: 'listen', LOG_LEVEL: 'debug' };
		[first, second] = await Promise.all([
			startAppServer({ databaseUrl: database.url, authSecret, env }),
			startAppServer({ databaseUrl: database.url, authSecret, env })
		]);

		// Note: each instance's listening connection shows in pg_stat_activity with the LISTEN
		// as its last statement. Until both are there, reads go straight to the database and the
		// tests below would prove nothing about the cache.
		for (;;) {
			const [row] = await sql<{ listeners: number }[]>`
				select count(*)::int as listeners from pg_stat_activity
				where datname = current_database() and state = 'idle'
					and query ilike 'listen openstall_user_changed%'`;
			if ((row?.listeners ?? 0) >= 2) break;
			await new Promise((done) => setTimeout(done, 50));
		}

		admin = await signInAs(second.origin, 'admin@example.com', DEMO_PASSWORD);
	});

	test.afterAll(async () => {
		await Promise.all([first?.stop(), second?.stop()]);
		await sql?.end();
		await database?.drop();
	});

	/** How many changes to this user the first instance has heard of from PostgreSQL. */
	function changesHeard(userId: string): number {
		return first
			.output()
			.split('\n')
			.filter((line) => line.includes('session cache: user changed') && line.includes(userId))
			.length;
	}

	/** Makes a change, then waits until the first instance has heard of it. */
	async function change(userId: string, make: () => Promise<unknown>): Promise<void> {
		const before = changesHeard(userId);
		await make();
		await expect.poll(() => changesHeard(userId)).toBeGreaterThan(before);
	}

	/** A new buyer, signed up through the second instance; returns the cookie and the id. */
	async function newBuyer(label: string) {
		const email = `${label}.${randomBytes(4).toString('hex')}@example.com`;
		const response = await post(second, '/signup', '', {
			name: `Fresh ${label}`,
			email,
			password: 'a long enough password'
		});
		const token = sessionTokenFrom(response);
		expect(token, `signing up ${email} answered ${response.status}`).toBeTruthy();
		const [row] = await sql<{ id: string }[]>`select id from "user" where email = ${email}`;
		return { cookie: `authjs.session-token=${token}`, id: row!.id, name: `Fresh ${label}` };
	}

	test('a shop opened on the second instance opens the dashboard on the first', async () => {
		const buyer = await newBuyer('opener');
		expect((await visit(first, '/seller/dashboard', buyer.cookie)).location).toBe(
			'/become-a-seller'
		);

		await change(buyer.id, async () => {
			const opened = await post(second, '/become-a-seller', buyer.cookie, {
				shopName: `Opener ${randomBytes(3).toString('hex')}`,
				slug: '',
				description: 'Opened on one instance, used on the other.'
			});
			expect(opened.headers.get('location')).toBe('/seller/dashboard');
		});

		const dashboard = await visit(first, '/seller/dashboard', buyer.cookie);
		expect(dashboard.status).toBe(200);
		expect(dashboard.body).toContain(buyer.name);
	});

	test("a demotion on the second instance shows on the first instance's next request", async () => {
		const seller = await newBuyer('demoted');
		await change(seller.id, () =>
			post(second, '/become-a-seller', seller.cookie, {
				shopName: `Demoted ${randomBytes(3).toString('hex')}`,
				slug: '',
				description: ''
			})
		);
		expect((await visit(first, '/seller/dashboard', seller.cookie)).status).toBe(200);

		await change(seller.id, () =>
			post(second, '/admin/users?/changeRole', admin, { userId: seller.id, role: 'buyer' })
		);
		const [row] = await sql`select role from "user" where id = ${seller.id}`;
		expect(row?.role).toBe('buyer');

		const next = await visit(first, '/seller/dashboard', seller.cookie);
		expect(next.status).toBe(303);
		expect(next.location).toBe('/become-a-seller');
	});

	test("a ban on the second instance signs the user out on the first one's next visit", async () => {
		const buyer = await newBuyer('banned');
		expect((await visit(first, '/', buyer.cookie)).body).toContain(buyer.name);

		await change(buyer.id, () =>
			post(second, '/admin/users?/restrict', admin, {
				userId: buyer.id,
				status: 'banned',
				reason: 'Freshness test'
			})
		);
		const [row] = await sql`select status from "user" where id = ${buyer.id}`;
		expect(row?.status).toBe('banned');

		const next = await visit(first, '/', buyer.cookie);
		expect(next.token).toBe('');
		expect(next.body).not.toContain(buyer.name);
		expect((await visit(first, '/account', buyer.cookie)).location).toMatch(/^\/signin\?/);
	});

	test('a suspension on the second instance stops selling on the first at once', async () => {
		const seller = await newBuyer('suspended');
		await change(seller.id, () =>
			post(second, '/become-a-seller', seller.cookie, {
				shopName: `Suspended ${randomBytes(3).toString('hex')}`,
				slug: '',
				description: ''
			})
		);
		expect((await visit(first, '/seller/dashboard', seller.cookie)).status).toBe(200);

		await change(seller.id, () =>
			post(second, '/admin/users?/restrict', admin, {
				userId: seller.id,
				status: 'suspended',
				reason: 'Freshness test'
			})
		);

		expect((await visit(first, '/seller/dashboard', seller.cookie)).status).not.toBe(200);
	});

	test("a role change made in SQL shows on the first instance's next request", async () => {
		const buyer = await newBuyer('psql');
		expect((await visit(first, '/seller/dashboard', buyer.cookie)).location).toBe(
			'/become-a-seller'
		);
		expect((await visit(first, '/', buyer.cookie)).body).toContain(buyer.name);

		await change(buyer.id, () => sql`update "user" set role = 'admin' where id = ${buyer.id}`);

		expect((await visit(first, '/admin/users', buyer.cookie)).status).toBe(200);
	});

	test("a user deleted in SQL is signed out on the first instance's next request", async () => {
		const buyer = await newBuyer('deleted');
		expect((await visit(first, '/', buyer.cookie)).body).toContain(buyer.name);

		await change(buyer.id, () => sql`delete from "user" where id = ${buyer.id}`);

		const next = await visit(first, '/', buyer.cookie);
		expect(next.token).toBe('');
		expect(next.body).not.toContain(buyer.name);
	});
});
