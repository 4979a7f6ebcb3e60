import { expect, test } from '@playwright/test';
import { formPost, origin, sessionIn, signedInClient } from './support';

/**
 * SvelteKit's origin check, on the production build: form posts from another site, or with no
 * Origin at all, never reach an action, and a signed-in victim's account stays as it was.
 */

const ACCOUNT_ROLE = /data-testid="account-role"[^>]*>buyer</;

test('a cross-origin form post cannot open a shop for a signed-in buyer', async ({
	playwright
}) => {
	const victim = await signedInClient(playwright, 'buyer@example.com');

	const response = await victim.post('/become-a-seller', {
		form: { shopName: 'Cross Site Shop', slug: '', description: '' },
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		maxRedirects: 0
	});

	expect(response.status()).toBe(403);
	expect(await (await victim.get('/account')).text()).toMatch(ACCOUNT_ROLE);
	expect(await (await victim.get('/')).text()).not.toContain('Cross Site Shop');
});

test('a cross-origin text/plain post is refused too', async ({ playwright }) => {
	const victim = await signedInClient(playwright, 'buyer@example.com');

	const response = await victim.post('/become-a-seller', {
		data: 'shopName=Plain Text Shop&slug=&description=',
		headers: { 'content-type': 'text/plain', origin: 'https://evil.example', accept: 'text/html' },
		maxRedirects: 0
	});

	expect(response.status()).toBe(403);
	expect(await (await victim.get('/account')).text()).toMatch(ACCOUNT_ROLE);
});

test('a form post with no Origin header is refused', async ({ playwright }) => {
	const victim = await signedInClient(playwright, 'buyer@example.com');

	const response = await victim.post('/become-a-seller', {
		form: { shopName: 'Originless Shop', slug: '', description: '' },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});

	expect(response.status()).toBe(403);
	expect(await (await victim.get('/account')).text()).toMatch(ACCOUNT_ROLE);
});

test('another site cannot sign a visitor out through Auth.js', async ({ playwright }) => {
	const victim = await signedInClient(playwright, 'buyer@example.com');

	const response = await victim.post('/auth/signout', {
		form: { callbackUrl: '/' },
		headers: { origin: 'https://evil.example' },
		maxRedirects: 0
	});

	expect(response.status()).toBe(403);
	expect(await sessionIn(victim)).toBeTruthy();
	expect(await (await victim.get('/account', { maxRedirects: 0 })).status()).toBe(200);
});

test('an admin action posted from another site changes nothing', async ({ playwright }) => {
	const admin = await signedInClient(playwright, 'admin@example.com');
	const buyer = await signedInClient(playwright, 'buyer@example.com');
	const buyerId =
		/data-user-id="([^"]+)"/.exec(await (await buyer.get('/account')).text())?.[1] ?? '';

	const response = await admin.post('/admin/users?/restrict', {
		form: { userId: buyerId, status: 'banned', reason: 'csrf' },
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		maxRedirects: 0
	});

	expect(response.status()).toBe(403);
	expect((await buyer.get('/account', { maxRedirects: 0 })).status()).toBe(200);
	expect(origin()).toMatch(/^http:\/\/localhost:/);
});

test('the same form posted from our own origin works', async ({ playwright }) => {
	const seller = await signedInClient(playwright, 'seller@example.com');
	const response = await seller.post(
		'/seller/dashboard?/updateShop',
		formPost({ shopName: 'Harbour Lane Goods', description: 'Unchanged in spirit.' })
	);
	expect(response.status()).toBe(200);
});
