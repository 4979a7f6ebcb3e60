import { expect, test } from '@playwright/test';
import { SESSION_COOKIE, needsPostgres } from './support';
import type { AppServer } from '../helpers/app-server';
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

async function signIn(email: string): Promise<string> {
	const response = await fetch(`${instance.origin}/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: instance.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password: 'openstall-demo', redirectTo: '/' })
	});
	const cookie = response.headers
		.getSetCookie()
		.find((value) => value.startsWith(`${SESSION_COOKIE}=`));
	return cookie?.split(';')[0] ?? '';
}

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
