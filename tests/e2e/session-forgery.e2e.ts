import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import {
	clientWith,
	forgeSession,
	formPost,
	origin,
	sessionIn,
	signInOverHttp,
	signedInClient,
	userIdIn
} from './support';

/**
 * Cookies an attacker might present. The server must treat each as no session at all (or as
 * exactly the user the database says), clear what it cannot trust, and leak nothing.
 */

async function expectStranger(session: string, playwright: Parameters<typeof clientWith>[0]) {
	const client = await clientWith(playwright, session);
	const dashboard = await client.get('/seller/dashboard', { maxRedirects: 0 });
	expect(dashboard.status()).toBe(303);
	expect(dashboard.headers()['location']).toMatch(/^\/signin\?redirectTo=/);
	expect(await sessionIn(client), 'the untrusted cookie is cleared').toBeNull();

	const admin = await (
		await clientWith(playwright, session)
	).get('/admin/users', { maxRedirects: 0 });
	expect(admin.status()).toBe(303);
}

test('a cookie sealed with another secret is no session', async ({ playwright, request }) => {
	const sellerId = await userIdIn(await signInOverHttp(request, 'seller@example.com'));
	const forged = await forgeSession(
		{ sub: sellerId, role: 'admin', status: 'active' },
		'another-secret-of-the-right-length-0123456789abcdef'
	);
	await expectStranger(forged, playwright);
});

test('a claimed role the database does not hold counts for nothing', async ({
	playwright,
	request
}) => {
	const buyerId = await userIdIn(await signInOverHttp(request, 'buyer@example.com'));
	const forged = await forgeSession({
		sub: buyerId,
		role: 'admin',
		status: 'active',
		email: 'buyer@example.com'
	});
	const client = await clientWith(playwright, forged);

	expect((await client.get('/admin/users', { maxRedirects: 0 })).status()).toBe(404);
	const seller = await client.get('/seller/dashboard', { maxRedirects: 0 });
	expect(seller.headers()['location']).toBe('/become-a-seller');
	const account = await (await client.get('/account')).text();
	expect(account).toMatch(/data-testid="account-role"[^>]*>buyer</);
});

test('a cookie with no subject is no session', async ({ playwright }) => {
	await expectStranger(
		await forgeSession({ name: 'Mallory', email: 'admin@example.com', role: 'admin' }),
		playwright
	);
});

test("a deleted user's cookie is no session", async ({ playwright }) => {
	await expectStranger(
		await forgeSession({ sub: randomUUID(), role: 'admin', status: 'active' }),
		playwright
	);
});

test('a cookie with altered bytes is no session', async ({ playwright, request }) => {
	const real = await signInOverHttp(request, 'seller@example.com');
	const middle = Math.floor(real.length / 2);
	const altered =
		real.slice(0, middle) + (real[middle] === 'A' ? 'B' : 'A') + real.slice(middle + 1);
	await expectStranger(altered, playwright);
});

test('a banned user is signed out on their next request', async ({ playwright }) => {
	const email = `banned-${Date.now()}@example.com`;
	const signup = await clientWith(playwright);
	await signup.post(
		'/signup',
		formPost({ name: 'Soon Banned', email, password: 'a long enough password' })
	);
	const session = await sessionIn(signup);
	expect(session).toBeTruthy();
	const userId = await userIdIn(session ?? '');

	const admin = await signedInClient(playwright, 'admin@example.com');
	const ban = await admin.post(
		'/admin/users?/restrict',
		formPost({ userId, status: 'banned', reason: 'Testing bans' })
	);
	expect(ban.status()).toBe(200);

	const next = await signup.get('/account', { maxRedirects: 0 });
	expect(next.status()).toBe(303);
	expect(next.headers()['location']).toMatch(/^\/signin/);
	expect(await sessionIn(signup)).toBeNull();

	const again = await clientWith(playwright);
	const refused = await again.post(
		'/signin',
		formPost({ email, password: 'a long enough password', redirectTo: '/' })
	);
	expect(refused.status()).toBe(400);
	expect(await sessionIn(again)).toBeNull();
});

test('POST /auth/session with a role in the body changes nothing', async ({ playwright }) => {
	const client = await signedInClient(playwright, 'buyer@example.com');

	const update = await client.post('/auth/session', {
		data: { data: { role: 'admin', user: { role: 'admin', id: 'someone-else' } }, role: 'admin' },
		headers: { 'content-type': 'application/json', origin: origin() }
	});
	expect(update.status()).toBe(200);
	const body = (await update.json()) as { user?: { role?: string; email?: string } } | null;
	expect(body?.user).toMatchObject({ role: 'buyer', email: 'buyer@example.com' });

	expect((await client.get('/admin/users', { maxRedirects: 0 })).status()).toBe(404);
	expect(await (await client.get('/account')).text()).toMatch(
		/data-testid="account-role"[^>]*>buyer</
	);
});
