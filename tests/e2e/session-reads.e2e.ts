import { expect, test } from '@playwright/test';
import { SESSION_COOKIE, needsPostgres } from './support';
import { sessionTokenFrom, signInAs, type AppServer } from '../helpers/app-server';
import { startInstance } from './instance';

/**
 * The debug log line the jwt callback writes on every session read shows how often a request
 * reads the session: once for a signed-in page, whatever its loads do, and never for a visitor.
 */

let instance: AppServer;

test.beforeAll(async () => {
	needsPostgres();
	instance = await startInstance({ LOG_LEVEL: 'debug' });
});

test.afterAll(async () => {
	await instance?.stop();
});

const readsSoFar = () =>
	instance
		.output()
		.split('\n')
		.filter((line) => line.includes('"msg":"session read"'));

const signIn = (email: string) => signInAs(instance.origin, email, 'openstall-demo');

test('a signed-in page and its data request each read the session exactly once', async () => {
	const cookie = await signIn('seller@example.com');

	for (const path of ['/', '/seller/dashboard', '/seller/dashboard/__data.json', '/account']) {
		const before = readsSoFar().length;
		const response = await fetch(`${instance.origin}${path}`, {
			headers: { cookie },
			redirect: 'manual'
		});
		expect(response.status, path).toBe(200);
		await expect.poll(() => readsSoFar().length - before, { message: path }).toBe(1);
	}
	const last = readsSoFar().at(-1) ?? '';
	expect(JSON.parse(last)).toMatchObject({ role: 'seller', msg: 'session read' });
	expect(last).not.toContain('password');
	expect(last).not.toContain(SESSION_COOKIE);
});

test('an anonymous visit reads no session at all', async () => {
	const cookie = await signIn('buyer@example.com');
	await expect.poll(() => readsSoFar().length).toBeGreaterThan(0);
	const before = readsSoFar().length;

	for (const path of ['/', '/signin', '/signup']) {
		expect((await fetch(`${instance.origin}${path}`)).status, path).toBe(200);
	}
	// Note: one signed-in request afterwards proves the log is flowing when we count.
	await fetch(`${instance.origin}/account`, { headers: { cookie } });
	await expect.poll(() => readsSoFar().length - before).toBe(1);
});

test('a session whose role changed is read once, even as Auth.js issues its new cookie', async () => {
	const email = `reads-${Date.now()}@example.com`;
	const form = (fields: Record<string, string>) => ({
		method: 'POST',
		redirect: 'manual' as const,
		headers: {
			origin: instance.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});
	await fetch(
		`${instance.origin}/signup`,
		form({ name: 'Reader', email, password: 'a long enough password' })
	);
	const cookie = await signInAs(instance.origin, email, 'a long enough password');
	const opened = await fetch(`${instance.origin}/become-a-seller`, {
		...form({ shopName: `Reader Shop ${Date.now()}`, slug: '', description: '' }),
		headers: { ...form({}).headers, cookie }
	});
	expect(opened.status).toBe(303);
	await expect.poll(() => readsSoFar().length).toBeGreaterThan(0);

	// Note: the cookie still says buyer, so this read cannot be the quick one: Auth.js renews it.
	const before = readsSoFar().length;
	const dashboard = await fetch(`${instance.origin}/seller/dashboard`, {
		headers: { cookie },
		redirect: 'manual'
	});
	expect(dashboard.status).toBe(200);
	expect(sessionTokenFrom(dashboard)).toBeTruthy();

	// Note: the log keeps order, so once a later read by another user shows up, every read the
	// dashboard request made is in it.
	await signIn('buyer@example.com');
	const roles = () =>
		readsSoFar()
			.slice(before)
			.map((line) => JSON.parse(line).role as string);
	await expect.poll(() => roles().includes('buyer')).toBe(true);
	expect(roles().slice(0, roles().indexOf('buyer'))).toEqual(['seller']);
});
