import { expect, test } from '@playwright/test';
import { signIn } from './seller-fixtures';

test('text typed into the listing form before the page hydrates is kept and saved', async ({
	page
}) => {
	await signIn(page, 'seller@example.com');

	// Hold the page's JavaScript back, as a slow phone network does, while the seller types.
	let releaseScripts = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
	const isScript = (url: URL) => url.pathname.startsWith('/_app/') && url.pathname.endsWith('.js');
	await page.route(isScript, async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/seller/listings/new', { waitUntil: 'commit' });
	await page.getByLabel('Title').fill('Early bird teapot');
	await page.getByLabel('Description', { exact: true }).fill('Typed while the page was loading.');
	await page.getByLabel(/^Price/).fill('31.00');
	await page.getByLabel('Stock', { exact: true }).fill('4');
	await page.getByLabel('Category').selectOption({ label: 'Ceramics' });
	await page.getByRole('radio', { name: /^Active/ }).check();

	releaseScripts();
	await page.waitForLoadState('networkidle');

	await expect(page.getByLabel('Title')).toHaveValue('Early bird teapot');
	await expect(page.getByLabel('Description', { exact: true })).toHaveValue(
		'Typed while the page was loading.'
	);
	await expect(page.getByLabel(/^Price/)).toHaveValue('31.00');
	await expect(page.getByLabel('Stock', { exact: true })).toHaveValue('4');
	await expect(page.getByRole('radio', { name: /^Active/ })).toBeChecked();

	await page.getByRole('button', { name: 'Create listing' }).click();
	await expect(page.getByRole('status')).toHaveText('Listing created.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Early bird teapot');
	await expect(page.getByLabel('Description', { exact: true })).toHaveValue(
		'Typed while the page was loading.'
	);
});

test('a seller without JavaScript who gets a price wrong keeps every other field', async ({
	page,
	browser
}) => {
	await signIn(page, 'seller@example.com');
	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await page.context().storageState()
	});
	const noScript = await context.newPage();

	await noScript.goto('/seller/listings/new');
	await noScript.getByLabel('Title').fill('Plain HTML jug');
	await noScript.getByLabel('Description', { exact: true }).fill('Line one.\nLine two.');
	await noScript.getByLabel(/^Price/).fill('twelve');
	await noScript.getByLabel('Category').selectOption({ label: 'Ceramics' });
	await noScript.getByRole('radio', { name: /^Archived/ }).check();
	await noScript.getByRole('button', { name: 'Create listing' }).click();

	await expect(noScript.locator('#field-price-error')).toHaveText('Enter a price like 12.50.');
	await expect(noScript.getByLabel('Title')).toHaveValue('Plain HTML jug');
	await expect(noScript.getByLabel('Description', { exact: true })).toHaveValue(
		'Line one.\nLine two.'
	);
	await expect(noScript.getByLabel(/^Price/)).toHaveValue('twelve');
	await expect(noScript.getByRole('radio', { name: /^Archived/ })).toBeChecked();
	await context.close();
});
