import { expect, test, type Locator, type Page } from '@playwright/test';

const PHONE = { width: 375, height: 740 };

async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/signin');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('openstall-demo');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.waitForURL((url) => url.pathname !== '/signin');
}

async function expectWithinWidth(locator: Locator, width: number): Promise<void> {
	const box = await locator.boundingBox();
	expect(box, 'the element is laid out').not.toBeNull();
	expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
	expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
}

test('a visitor finds the shell on the home page: header, navigation, sign-in and footer', async ({
	page
}) => {
	await page.goto('/');

	const header = page.getByRole('banner');
	await expect(page).toHaveTitle(/Openstall/);
	await expect(header.getByRole('link', { name: 'Openstall' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
		'Browse'
	]);
	await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await expect(header.getByRole('link', { name: 'Create account' })).toBeVisible();
	await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('contentinfo')).toContainText('Openstall');
});

test('a visitor sees the demo shop listed on the home page', async ({ page }) => {
	await page.goto('/');

	const shops = page.getByRole('region', { name: 'Shops on Openstall' });
	await expect(shops.getByRole('heading', { name: 'Harbour Lane Goods' })).toBeVisible();
});

test('a signed-in buyer sees their own name in the header, and no sign-in link', async ({
	page
}) => {
	await signIn(page, 'buyer@example.com');
	await page.goto('/');

	const header = page.getByRole('banner');
	await expect(header.getByRole('link', { name: 'Demo Buyer' })).toBeVisible();
	await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Open a shop');
});

test('a page that does not exist answers 404 inside the shell, with a way back', async ({
	page
}) => {
	const response = await page.goto('/no-such-page');

	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Openstall' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the marketplace' }).click();
	await expect(page).toHaveURL('/');
});

test.describe('on a phone', () => {
	test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

	test('the header fits the screen and every link in it can be tapped', async ({ page }) => {
		await page.goto('/');

		const header = page.getByRole('banner');
		const links = [
			header.getByRole('link', { name: 'Openstall' }),
			page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }),
			header.getByRole('link', { name: 'Sign in' }),
			header.getByRole('link', { name: 'Create account' })
		];
		for (const link of links) {
			await expect(link).toBeVisible();
			await expectWithinWidth(link, PHONE.width);
		}
		const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scrollWidth, 'nothing scrolls sideways').toBeLessThanOrEqual(PHONE.width);

		await header.getByRole('link', { name: 'Sign in' }).tap();
		await expect(page).toHaveURL('/signin');
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	});
});
