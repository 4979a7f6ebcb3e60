import { expect, test } from '@playwright/test';
import { clientWith, formPost, signedInClient } from './support';

/** Bad input to the admin and dashboard forms: a clear message, and nothing changes. */

async function newBuyer(playwright: Parameters<typeof clientWith>[0]) {
	const client = await clientWith(playwright);
	const email = `input-${Date.now()}@example.com`;
	await client.post(
		'/signup',
		formPost({ name: 'Input Target', email, password: 'a long enough password' })
	);
	const account = await (await client.get('/account')).text();
	return { client, email, userId: /data-user-id="([^"]+)"/.exec(account)?.[1] ?? '' };
}

const roleShown = (html: string) => /data-testid="account-role"[^>]*>([a-z]+)</.exec(html)?.[1];

test('a restriction without a real reason is refused, and the account stays active', async ({
	playwright
}) => {
	const target = await newBuyer(playwright);
	const admin = await signedInClient(playwright, 'admin@example.com');

	const response = await admin.post(
		'/admin/users?/restrict',
		formPost({ userId: target.userId, status: 'banned', reason: ' x ' })
	);

	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('Give a reason of at least 3 characters.');
	expect((await target.client.get('/account', { maxRedirects: 0 })).status()).toBe(200);
});

test('an unknown role or user is refused with a message, and nothing changes', async ({
	playwright
}) => {
	const target = await newBuyer(playwright);
	const admin = await signedInClient(playwright, 'admin@example.com');

	const badRole = await admin.post(
		'/admin/users?/changeRole',
		formPost({ userId: target.userId, role: 'superuser' })
	);
	expect(badRole.status()).toBe(400);
	expect(await badRole.text()).toContain('Choose a role.');

	const badUser = await admin.post(
		'/admin/users?/changeRole',
		formPost({ userId: 'not-a-user', role: 'admin' })
	);
	expect(badUser.status()).toBe(400);
	expect(await badUser.text()).toContain('Choose a user from the list.');

	expect(roleShown(await (await target.client.get('/account')).text())).toBe('buyer');
});

test('a shop suspension without a reason is refused, and the shop stays open', async ({
	playwright
}) => {
	const admin = await signedInClient(playwright, 'admin@example.com');
	const list = await (await admin.get('/admin/shops?q=harbour-lane-goods')).text();
	const shopId = /name="shopId" value="([^"]+)"/.exec(list)?.[1] ?? '';
	expect(shopId).not.toBe('');

	const response = await admin.post('/admin/shops?/suspend', formPost({ shopId, reason: '' }));

	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('Give a reason of at least 3 characters.');
	expect((await (await clientWith(playwright)).get('/shops/harbour-lane-goods')).status()).toBe(
		200
	);
});

test("a seller's dashboard edit with a bad name gets a message and leaves the shop as it was", async ({
	playwright
}) => {
	const seller = await signedInClient(playwright, 'seller@example.com');

	const response = await seller.post(
		'/seller/dashboard?/updateShop',
		formPost({ shopName: 'x', description: 'Renamed for nothing' })
	);

	expect(response.status()).toBe(400);
	const html = await response.text();
	expect(html).toContain('Use at least 2 characters.');
	expect(html).toContain('Renamed for nothing');
	const api = (await (await seller.get('/seller/api/shop')).json()) as Record<string, string>;
	expect(api.name).toBe('Harbour Lane Goods');
	expect(api.description).not.toBe('Renamed for nothing');
});
