import { expect, test, type APIResponse } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { shop } from '../../src/lib/server/db/schema';
import {
	clientWith,
	e2eDatabase,
	formPost,
	needsPostgres,
	origin,
	signedInClient
} from './support';

/**
 * The gate, seen from outside: a stranger and a buyer try every kind of request SvelteKit
 * serves under /seller and /admin. Each must be turned away without a byte of the page.
 */

const SELLER_PAGES = ['/seller', '/seller/dashboard'];
const ADMIN_PAGES = [
	'/admin',
	'/admin/users',
	'/admin/shops',
	'/admin/audit',
	'/admin/users?q=seller'
];
const ENDPOINTS = ['/seller/api/shop', '/admin/users/export'];
const DATA_REQUESTS = [
	'/seller/dashboard/__data.json',
	'/admin/users/__data.json',
	'/admin/audit/__data.json'
];
/** Other spellings of the same places: percent-encoding, doubled and trailing slashes. */
const SPELLINGS = [
	'/%73eller/dashboard',
	'/seller/%64ashboard',
	'/%73%65%6c%6c%65%72/dashboard',
	'/seller//dashboard',
	'/seller/dashboard/',
	'/%61dmin/users',
	'/admin/%75sers/export',
	'/admin%2Fusers',
	'/SELLER/dashboard'
];

/** What a page behind the gate would show, which a denied response must never contain. */
const SECRETS = ['Seller dashboard', 'Harbour Lane Goods', 'admin@example.com', 'Audit log'];

async function expectTurnedAway(response: APIResponse, label: string) {
	const status = response.status();
	const body = await response.text();
	const location = response.headers()['location'] ?? '';
	const allowed =
		[303, 307, 308, 403, 404].includes(status) ||
		(status === 200 && body.startsWith('{"type":"redirect"'));
	expect(allowed, `${label} answered ${status}`).toBe(true);
	if (location) expect(new URL(location, origin()).origin, label).toBe(origin());
	for (const secret of SECRETS) expect(body, `${label} leaked "${secret}"`).not.toContain(secret);
}

test.describe('a stranger', () => {
	test('is sent to sign in from seller and admin pages, and back there afterwards', async ({
		playwright
	}) => {
		const client = await clientWith(playwright);
		for (const path of [...SELLER_PAGES, ...ADMIN_PAGES]) {
			const response = await client.get(path, { maxRedirects: 0 });
			await expectTurnedAway(response, path);
			expect(response.status(), path).toBe(303);
			expect(response.headers()['location'], path).toBe(
				`/signin?redirectTo=${encodeURIComponent(path)}`
			);
		}
	});

	test('gets a redirect, not data, from __data.json requests', async ({ playwright }) => {
		const client = await clientWith(playwright);
		for (const path of DATA_REQUESTS) {
			const response = await client.get(path, { maxRedirects: 0 });
			await expectTurnedAway(response, path);
			expect(await response.json(), path).toMatchObject({ type: 'redirect' });
		}
	});

	test('is turned away from endpoints and from every other spelling of the paths', async ({
		playwright
	}) => {
		const client = await clientWith(playwright);
		for (const path of [...ENDPOINTS, ...SPELLINGS]) {
			await expectTurnedAway(await client.get(path, { maxRedirects: 0 }), path);
		}
	});

	test('cannot run seller or admin form actions', async ({ playwright }) => {
		const client = await clientWith(playwright);
		const attempts: [string, Record<string, string>][] = [
			['/seller/dashboard?/updateShop', { shopName: 'Hijacked', description: 'x' }],
			[
				'/admin/users?/changeRole',
				{ userId: '00000000-0000-4000-8000-000000000000', role: 'admin' }
			],
			[
				'/admin/users?/restrict',
				{ userId: '00000000-0000-4000-8000-000000000000', status: 'banned', reason: 'spite' }
			],
			['/admin/shops?/suspend', { shopId: '00000000-0000-4000-8000-000000000000', reason: 'x' }],
			['/become-a-seller', { shopName: 'Stranger Shop', slug: '', description: '' }]
		];
		for (const [path, form] of attempts) {
			const response = await client.post(path, formPost(form));
			await expectTurnedAway(response, `POST ${path}`);
			expect(response.headers()['location'] ?? '', path).toMatch(/^\/signin\?redirectTo=/);
		}
		const home = await (await client.get('/')).text();
		expect(home).toContain('Harbour Lane Goods');
		expect(home).not.toContain('Hijacked');
		expect(home).not.toContain('Stranger Shop');
	});
});

test.describe('a buyer', () => {
	test('is sent to open a shop from seller pages, data, endpoints and actions', async ({
		playwright
	}) => {
		const client = await signedInClient(playwright, 'buyer@example.com');
		for (const path of [...SELLER_PAGES, '/seller/api/shop', '/%73eller/dashboard']) {
			const response = await client.get(path, { maxRedirects: 0 });
			await expectTurnedAway(response, path);
			expect(response.headers()['location'], path).toBe('/become-a-seller');
		}
		const data = await client.get('/seller/dashboard/__data.json', { maxRedirects: 0 });
		expect(await data.json()).toMatchObject({ type: 'redirect', location: '/become-a-seller' });

		const action = await client.post(
			'/seller/dashboard?/updateShop',
			formPost({ shopName: 'Hijacked', description: '' })
		);
		expect(action.headers()['location']).toBe('/become-a-seller');
		expect(await (await client.get('/')).text()).not.toContain('Hijacked');
	});

	test('finds nothing under /admin, and cannot make themselves an admin', async ({
		playwright
	}) => {
		const client = await signedInClient(playwright, 'buyer@example.com');
		for (const path of [
			...ADMIN_PAGES,
			...DATA_REQUESTS.filter((p) => p.startsWith('/admin')),
			'/admin/users/export',
			'/%61dmin/users'
		]) {
			const response = await client.get(path, { maxRedirects: 0 });
			await expectTurnedAway(response, path);
			expect(response.status(), path).toBe(404);
		}

		const account = await (await client.get('/account')).text();
		const userId = /data-user-id="([^"]+)"/.exec(account)?.[1];
		expect(userId).toBeTruthy();
		const attempt = await client.post(
			'/admin/users?/changeRole',
			formPost({ userId: userId ?? '', role: 'admin' })
		);
		expect(attempt.status()).toBe(404);
		await expectTurnedAway(attempt, 'POST /admin/users?/changeRole');

		const after = await (await client.get('/account')).text();
		expect(after).toMatch(/data-testid="account-role"[^>]*>buyer</);
	});
});

test('a seller reaches the dashboard but finds nothing under /admin', async ({ playwright }) => {
	const client = await signedInClient(playwright, 'seller@example.com');
	const dashboard = await client.get('/seller/dashboard', { maxRedirects: 0 });
	expect(dashboard.status()).toBe(200);
	expect(await dashboard.text()).toContain('Harbour Lane Goods');
	const api = await client.get('/seller/api/shop');
	expect(await api.json()).toMatchObject({
		name: 'Harbour Lane Goods',
		slug: 'harbour-lane-goods'
	});

	for (const path of ['/admin/users', '/admin/users/export', '/admin/audit/__data.json']) {
		expect((await client.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
	}
});

test('a buyer who knows a shop id still cannot suspend it, and the shop stays open', async ({
	playwright
}) => {
	needsPostgres();
	const [demo] = await e2eDatabase()
		.db.select()
		.from(shop)
		.where(eq(shop.slug, 'harbour-lane-goods'));
	const client = await signedInClient(playwright, 'buyer@example.com');

	const response = await client.post(
		'/admin/shops?/suspend',
		formPost({ shopId: demo?.id ?? '', reason: 'Buyer says so' })
	);

	expect(response.status()).toBe(404);
	const [after] = await e2eDatabase()
		.db.select()
		.from(shop)
		.where(eq(shop.id, demo?.id ?? ''));
	expect(after?.status).toBe('active');
	expect(after?.updatedAt).toEqual(demo?.updatedAt);
});
