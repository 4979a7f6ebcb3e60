import { expect, test } from '@playwright/test';
import { pageAs, signIn } from './seller-fixtures';

test('the home page shows active listings from all three demo shops', async ({ page }) => {
	await page.goto('/');

	const cards = page.getByRole('region', { name: 'Fresh in the shops' }).getByRole('article');
	await expect(cards.first()).toBeVisible();
	for (const shop of ['Harbour Lane Goods', 'Fernwood Ceramics', 'Thistle & Thread']) {
		await expect(cards.getByRole('link', { name: shop }).first()).toBeVisible();
	}
	await expect(cards.getByRole('link', { name: 'Rope doorstop' })).toHaveCount(0);
	await expect(cards.getByRole('link', { name: 'Winter wool scarf' })).toHaveCount(0);
	await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /shops/);
});

test('a shop page renders its banner, logo, description and Open Graph tags', async ({ page }) => {
	const response = await page.goto('/shops/fernwood-ceramics');

	expect(response?.status()).toBe(200);
	await expect(page).toHaveTitle('Fernwood Ceramics · Openstall');
	await expect(page.getByRole('img', { name: 'Fernwood Ceramics logo' })).toBeVisible();
	await expect(page.getByText('Wheel-thrown stoneware')).toBeVisible();
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
		'content',
		'Fernwood Ceramics'
	);
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
		'content',
		/\/media\/[0-9a-f]{40}\.webp$/
	);
	await expect(page.getByRole('heading', { name: 'Celadon bowl' })).toBeVisible();
	expect((await page.goto('/shops/no-such-shop'))?.status()).toBe(404);
});

test('an away shop leaves search but shows a notice on its own page', async ({ page, browser }) => {
	await signIn(page, 'knitter@example.com');
	await page.goto('/seller/shop');
	await page.getByLabel('I am away').check();
	await page.getByLabel('Back on (optional)').fill('2099-01-31');
	await page.getByRole('button', { name: 'Save profile' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');

	const buyer = await pageAs(browser, null);
	await buyer.goto('/?q=beanie');
	await expect(buyer.getByRole('heading', { name: /0 results/ })).toBeVisible();
	await buyer.goto('/shops/thistle-and-thread');
	await expect(buyer.getByRole('status')).toContainText(
		'Thistle & Thread is away until 2099-01-31'
	);

	await page.getByLabel('I am away').uncheck();
	await page.getByRole('button', { name: 'Save profile' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await buyer.goto('/?q=beanie');
	await expect(buyer.getByRole('heading', { name: 'Fisherman beanie' })).toBeVisible();
	await buyer.context().close();
});

test('the shop profile form refuses a bad slug, email, date and image, and keeps the rest', async ({
	page
}) => {
	await signIn(page, 'knitter@example.com');
	await page.goto('/seller/shop');
	await page.getByLabel('Shop address').fill('Not A Slug!');
	await page.getByLabel('Contact email').fill('not an email');
	await page.getByLabel('I am away').check();
	await page.getByLabel('Back on (optional)').fill('2001-01-01');
	await page.getByLabel('Logo', { exact: true }).setInputFiles({
		name: 'logo.png',
		mimeType: 'image/png',
		buffer: Buffer.from('not really a png')
	});
	await page.getByRole('button', { name: 'Save profile' }).click();

	await expect(page.locator('#field-slug-error')).toContainText('lower-case letters');
	await expect(page.locator('#field-contactEmail-error')).toHaveText(
		'Enter a valid email address.'
	);
	await expect(page.locator('#field-awayUntil-error')).toHaveText(
		'Choose a return date from today on.'
	);
	await expect(page.locator('#field-logo-error')).toHaveText(
		'This file is not a JPEG, PNG, WebP or AVIF image.'
	);
	await expect(page.getByLabel('Shop name')).toHaveValue('Thistle & Thread');

	const buyer = await pageAs(page.context().browser()!, null);
	await buyer.goto('/shops/thistle-and-thread');
	await expect(buyer.getByRole('heading', { level: 1 })).toHaveText('Thistle & Thread');
	await expect(buyer.getByRole('status')).toHaveCount(0);
	await buyer.context().close();
});

test("a shop's contact email opens a message to that address and adds nothing to it", async ({
	page,
	browser
}) => {
	// Note: the address rules allow ?, & and = before the @; in a mailto: link they start headers.
	const address = 'orders?bcc=watcher&body=pay-by-wire@example.com';
	await signIn(page, 'potter@example.com');
	await page.goto('/seller/shop');
	const before = await page.getByLabel('Contact email').inputValue();
	await page.getByLabel('Contact email').fill(address);
	await page.getByRole('button', { name: 'Save profile' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');

	const buyer = await pageAs(browser, null);
	await buyer.goto('/shops/fernwood-ceramics');
	const href = await buyer.getByRole('link', { name: address }).getAttribute('href');
	const link = new URL(href ?? '');
	expect(link.protocol).toBe('mailto:');
	expect(link.search).toBe('');
	expect(link.hash).toBe('');
	expect(decodeURIComponent(link.pathname)).toBe(address);
	await buyer.context().close();

	await page.getByLabel('Contact email').fill(before);
	await page.getByRole('button', { name: 'Save profile' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
});
