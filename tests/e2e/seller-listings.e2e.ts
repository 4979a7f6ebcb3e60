import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { fillListingForm, imageFile, listingFields, pageAs, signIn } from './seller-fixtures';

test('a seller lists a product with two photos, edits it, and archiving takes it away from buyers', async ({
	page,
	browser
}) => {
	await signIn(page, 'seller@example.com');
	const title = `Tidal glaze jug ${Date.now()}`;

	// Create the listing with two photos, through the plain multipart form.
	await page.goto('/seller/listings/new');
	await fillListingForm(page, listingFields({ title, price: '18.40', stock: '5' }), [
		await imageFile('front.png', 'png', '#2a6f97'),
		await imageFile('side.jpg', 'jpeg', '#c8553d')
	]);
	await page.getByRole('button', { name: 'Create listing' }).click();
	await expect(page).toHaveURL(/\/seller\/listings\/[0-9a-f-]{36}\?created=1$/);
	await expect(page.getByRole('status')).toContainText('Listing created.');
	await expect(page.getByRole('img', { name: title })).toHaveCount(2);
	const editUrl = page.url().replace(/\?.*$/, '');
	const publicPath = await page
		.getByRole('link', { name: 'View it as buyers see it' })
		.getAttribute('href');
	expect(publicPath).toMatch(/^\/listings\/tidal-glaze-jug-\d+-[a-z0-9]{6}$/);

	// A buyer who is not signed in sees it, with both photos, on a server-rendered page.
	const buyer = await pageAs(browser, null);
	const response = await buyer.goto(publicPath!);
	expect(response?.status()).toBe(200);
	await expect(buyer).toHaveTitle(`${title} · Openstall`);
	await expect(buyer.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(buyer.getByTestId('price')).toHaveText('€18.40');
	await expect(buyer.getByRole('list', { name: 'Photos' }).getByRole('img')).toHaveCount(2);
	await expect(buyer.locator('meta[property="og:title"]')).toHaveAttribute('content', title);
	const ogImage = await buyer.locator('meta[property="og:image"]').getAttribute('content');
	expect(ogImage).toMatch(/\/media\/[0-9a-f]{40}\.webp$/);

	// The photo is WebP, stripped, and cacheable for a year under its hash.
	const media = await buyer.request.get(new URL(ogImage!).pathname);
	expect(media.status()).toBe(200);
	expect(media.headers()['content-type']).toBe('image/webp');
	expect(media.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	const metadata = await sharp(await media.body()).metadata();
	expect(metadata.format).toBe('webp');
	expect(metadata.exif).toBeUndefined();

	// The seller changes the price and the stock; buyers see the new figures.
	await page.goto(editUrl);
	await page.getByLabel(/^Price/).fill('15');
	await page.getByLabel('Stock', { exact: true }).fill('2');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	await buyer.reload();
	await expect(buyer.getByTestId('price')).toHaveText('€15.00');
	await expect(buyer.getByTestId('stock')).toHaveText('Only 2 left');

	// Archived, it is gone for buyers: a 404 and no card on the home page.
	await page.getByRole('radio', { name: /^Archived/ }).check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('h1 + span')).toHaveText('archived');
	expect((await buyer.goto(publicPath!))?.status()).toBe(404);
	await buyer.goto(`/?q=${encodeURIComponent(title)}`);
	await expect(buyer.getByRole('heading', { name: /0 results/ })).toBeVisible();

	// The seller still reaches it, with a preview banner.
	await page.goto(publicPath!);
	await expect(page.getByRole('status')).toContainText('Preview: This listing is archived.');
	await buyer.context().close();
});

test('a draft is a 404 for buyers and a preview for its own seller', async ({ page, browser }) => {
	const anonymous = await pageAs(browser, null);
	expect((await anonymous.goto('/listings/rope-doorstop-demo'))?.status()).toBe(404);
	const buyer = await pageAs(browser, 'buyer@example.com');
	expect((await buyer.goto('/listings/rope-doorstop-demo'))?.status()).toBe(404);

	await signIn(page, 'seller@example.com');
	expect((await page.goto('/listings/rope-doorstop-demo'))?.status()).toBe(200);
	await expect(page.getByRole('status')).toContainText('Preview: This listing is draft.');
	await anonymous.context().close();
	await buyer.context().close();
});

test('the listings table filters by status, searches by title and archives in bulk', async ({
	page
}) => {
	await signIn(page, 'seller@example.com');
	await page.goto('/seller/listings?status=draft');
	await expect(page.getByRole('row')).toHaveCount(2);
	await expect(page.getByRole('link', { name: 'Rope doorstop' })).toBeVisible();

	await page.goto('/seller/listings');
	await page.getByLabel('Search by title').fill('sea salt');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('link', { name: 'Smoked sea salt' })).toBeVisible();
	await expect(page.getByRole('row')).toHaveCount(2);

	await page.getByLabel('Select Smoked sea salt').check();
	await page.getByRole('button', { name: 'Archive selected' }).click();
	await expect(page.getByRole('status')).toHaveText('1 listing archived.');
	await page.goto('/seller/listings?status=archived&q=sea+salt');
	await expect(page.getByRole('link', { name: 'Smoked sea salt' })).toBeVisible();
});

test('a new seller’s next steps disappear as they are done', async ({ page }) => {
	const email = `new-seller-${Date.now()}@example.com`;
	await page.goto('/signup');
	await page.getByLabel('Name').fill('New Seller');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a long enough password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.goto('/become-a-seller');
	await page.getByLabel('Shop name').fill(`Fresh Start ${Date.now()}`);
	await page.getByRole('button', { name: 'Open my shop' }).click();
	await expect(page).toHaveURL(/\/seller\/dashboard$/);

	const steps = page.getByRole('region', { name: 'Next steps' });
	await expect(steps.getByRole('link')).toHaveText([
		'Add a logo to your shop',
		'Add your first listing'
	]);

	await page.goto('/seller/listings/new');
	await fillListingForm(page, listingFields({ status: 'Draft' }));
	await page.getByRole('button', { name: 'Create listing' }).click();
	await page.goto('/seller/dashboard');
	await expect(steps.getByRole('link')).toHaveText([
		'Add a logo to your shop',
		'Publish a listing so buyers can find it'
	]);
	await expect(page.getByTestId('count-drafts')).toHaveText('1');

	await page.goto('/seller/shop');
	await page.getByLabel('Logo').setInputFiles(await imageFile('logo.png'));
	await page.getByRole('button', { name: 'Save profile' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await page.goto('/seller/listings?status=draft');
	await page.getByRole('link', { name: /Test listing/ }).click();
	await page.getByRole('radio', { name: /^Active/ }).check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

	await page.goto('/seller/dashboard');
	await expect(steps).toHaveCount(0);
	await expect(page.getByTestId('count-active')).toHaveText('1');
});

test('stock alerts list active listings at or below the threshold the seller sets', async ({
	page
}) => {
	await signIn(page, 'seller@example.com');
	await page.goto('/seller/dashboard');
	const alerts = page.getByRole('region', { name: 'Stock alerts' });
	await expect(alerts.getByRole('link', { name: 'Brass desk bell' })).toBeVisible();
	await expect(alerts.getByRole('link', { name: 'Oak serving board' })).toHaveCount(0);

	await alerts.getByLabel('Alert at or below').fill('6');
	await alerts.getByRole('button', { name: 'Save' }).click();
	await expect(alerts.getByRole('link', { name: 'Oak serving board' })).toBeVisible();

	await alerts.getByLabel('Alert at or below').fill('-1');
	await alerts.getByRole('button', { name: 'Save' }).click();
	await expect(alerts.getByText('Enter a whole number from 0 to 100000.')).toBeVisible();
	await alerts.getByLabel('Alert at or below').fill('3');
	await alerts.getByRole('button', { name: 'Save' }).click();
	await expect(alerts.getByRole('link', { name: 'Oak serving board' })).toHaveCount(0);
});
