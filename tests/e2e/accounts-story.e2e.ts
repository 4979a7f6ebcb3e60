import { expect, test } from '@playwright/test';
import { signInWithForm } from './support';

test('a buyer who opens a shop reaches the dashboard without signing in again, and loses it when an admin demotes them', async ({
	browser
}) => {
	const email = `story-${Date.now()}@example.com`;
	const seller = await browser.newPage();

	// Step 1: sign up; the new account is a signed-in buyer straight away.
	await seller.goto('/signup');
	await seller.getByLabel('Name').fill('Story Teller');
	await seller.getByLabel('Email').fill(email);
	await seller.getByLabel('Password').fill('a long enough password');
	await seller.getByRole('button', { name: 'Create account' }).click();
	await expect(seller.getByTestId('account-menu')).toContainText('Story Teller');

	// Step 2: open a shop with one form and land on the dashboard.
	await seller.getByRole('link', { name: 'Open a shop' }).first().click();
	await expect(seller).toHaveURL(/\/become-a-seller$/);
	const shopName = `Story Shop ${Date.now()}`;
	await seller.getByLabel('Shop name').fill(shopName);
	await seller.getByLabel('Description').fill('Tales, bound by hand.');
	await seller.getByRole('button', { name: 'Open my shop' }).click();
	await expect(seller).toHaveURL(/\/seller\/dashboard$/);
	await expect(seller.getByTestId('shop-name')).toHaveText(shopName);
	await expect(seller.getByRole('navigation', { name: 'Main' })).toContainText('My shop');

	// Step 3: an admin, in another browser, demotes the seller to buyer.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInWithForm(admin, 'admin@example.com');
	await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
	const row = admin.getByTestId('user-row').filter({ hasText: email });
	await row.getByLabel(`Role for ${email}`).selectOption('buyer');
	await row.getByRole('button', { name: 'Change role' }).click();
	await expect(admin.getByRole('status')).toContainText('Role changed to buyer');

	// Step 4: the seller's very next request finds the door closed, still signed in.
	await seller.reload();
	await expect(seller).toHaveURL(/\/become-a-seller$/);
	await expect(seller.getByTestId('account-menu')).toContainText('Story Teller');
	await expect(seller.getByRole('navigation', { name: 'Main' })).not.toContainText('My shop');

	await adminContext.close();
});

test('a suspended seller can still sign in and see their account, but not their shop', async ({
	browser
}) => {
	const email = `suspended-${Date.now()}@example.com`;
	const seller = await browser.newPage();
	await seller.goto('/signup');
	await seller.getByLabel('Name').fill('Paused Seller');
	await seller.getByLabel('Email').fill(email);
	await seller.getByLabel('Password').fill('a long enough password');
	await seller.getByRole('button', { name: 'Create account' }).click();
	await seller.goto('/become-a-seller');
	await seller.getByLabel('Shop name').fill(`Paused Shop ${Date.now()}`);
	await seller.getByRole('button', { name: 'Open my shop' }).click();
	await expect(seller).toHaveURL(/\/seller\/dashboard$/);

	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInWithForm(admin, 'admin@example.com');
	await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
	const row = admin.getByTestId('user-row').filter({ hasText: email });
	await row.getByLabel(`Reason for restricting ${email}`).fill('Unpaid fees');
	await row.getByRole('button', { name: 'Suspend' }).click();
	await expect(admin.getByRole('status')).toContainText('User suspended');
	await expect(admin.getByTestId('user-row').filter({ hasText: email })).toContainText(
		'Unpaid fees'
	);

	const response = await seller.goto('/seller/dashboard');
	expect(response?.status()).toBe(403);
	await expect(seller.getByRole('heading', { level: 1 })).toContainText('suspended');

	await seller.goto('/account');
	await expect(seller.getByRole('alert')).toContainText('Your account is suspended');

	// Lifting the suspension opens the shop again on the next request.
	await admin
		.getByTestId('user-row')
		.filter({ hasText: email })
		.getByRole('button', { name: 'Lift suspension' })
		.click();
	await expect(admin.getByRole('status')).toContainText('Restriction lifted');
	await seller.goto('/seller/dashboard');
	await expect(seller.getByTestId('shop-name')).toContainText('Paused Shop');

	await adminContext.close();
});
