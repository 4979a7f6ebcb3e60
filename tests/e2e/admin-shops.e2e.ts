import { expect, test } from '@playwright/test';
import { fillListingForm, listingFields, pageAs } from './seller-fixtures';
import { clientWith, formPost } from './support';

test('an admin suspends a shop: its listings and page vanish for buyers until it is reinstated', async ({
	browser,
	playwright
}) => {
	// Step 1: a new seller opens a shop and puts one listing up.
	const email = `suspendable-${Date.now()}@example.com`;
	const stamp = Date.now();
	const shopName = `Suspendable Shop ${stamp}`;
	const shopPath = `/shops/suspendable-shop-${stamp}`;
	const signup = await clientWith(playwright);
	await signup.post(
		'/signup',
		formPost({ name: 'Soon Paused', email, password: 'a long enough password' })
	);
	await signup.post(
		'/become-a-seller',
		formPost({ shopName, slug: '', description: 'Odds and ends.' })
	);

	const seller = await pageAs(browser, null);
	await seller.goto('/signin');
	await seller.getByLabel('Email').fill(email);
	await seller.getByLabel('Password').fill('a long enough password');
	await seller.getByRole('button', { name: 'Sign in', exact: true }).click();
	await seller.goto('/seller/listings/new');
	const fields = listingFields({ title: `Suspendable lamp ${Date.now()}` });
	await fillListingForm(seller, fields);
	await seller.getByRole('button', { name: 'Create listing' }).click();
	await expect(seller).toHaveURL(/\/seller\/listings\/[^/]+$/);

	const buyer = await clientWith(playwright);
	const home = await (await buyer.get(`/?q=${encodeURIComponent(fields.title)}`)).text();
	const listingPath = /href="\.?(\/listings\/[^"]+)"/.exec(home)?.[1] ?? '';
	expect(listingPath).not.toBe('');
	expect((await buyer.get(listingPath)).status()).toBe(200);
	expect((await buyer.get(shopPath)).status()).toBe(200);

	// Step 2: an admin suspends the shop with a reason.
	const admin = await pageAs(browser, 'admin@example.com');
	await admin.goto(`/admin/shops?q=${encodeURIComponent(email)}`);
	const row = admin.getByTestId('shop-row').filter({ hasText: shopName });
	await row.getByLabel(`Reason for suspending ${shopName}`).fill('Selling counterfeits');
	await row.getByRole('button', { name: 'Suspend shop' }).click();
	await expect(admin.getByRole('status')).toContainText('Shop suspended');

	// Step 3: buyers no longer find the listing or the shop; the audit log says who and why.
	expect((await buyer.get(listingPath)).status()).toBe(404);
	expect((await buyer.get(shopPath)).status()).toBe(404);
	// Note: the search box echoes the query, so look for the link, not the title.
	expect(await (await buyer.get(`/?q=${encodeURIComponent(fields.title)}`)).text()).not.toContain(
		listingPath
	);
	await admin.goto('/admin/audit');
	await expect(admin.getByRole('table')).toContainText('Selling counterfeits');

	// Step 4: reinstated, it is back on the next request.
	await admin.goto(`/admin/shops?q=${encodeURIComponent(email)}`);
	await admin
		.getByTestId('shop-row')
		.filter({ hasText: shopName })
		.getByRole('button', { name: 'Reinstate shop' })
		.click();
	await expect(admin.getByRole('status')).toContainText('Shop reinstated');
	expect((await buyer.get(listingPath)).status()).toBe(200);
	expect((await buyer.get(shopPath)).status()).toBe(200);
});
