import { expect, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';

/** Shared steps for the seller e2e stories: signing in, making images, reading the listing form. */

export const DEMO_PASSWORD = 'openstall-demo';

export async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/signin');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByTestId('account-menu')).toContainText(/Demo|@/);
}

/** A page in its own browser context, signed in as `email`, or anonymous when email is null. */
export async function pageAs(browser: Browser, email: string | null): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	if (email) await signIn(page, email);
	return page;
}

export type Upload = { name: string; mimeType: string; buffer: Buffer };

export async function imageFile(
	name: string,
	format: 'png' | 'jpeg' | 'webp' = 'png',
	colour = '#2a6f97',
	width = 640,
	height = 480
): Promise<Upload> {
	const buffer = await sharp({ create: { width, height, channels: 3, background: colour } })
		.toFormat(format)
		.toBuffer();
	return { name, mimeType: `image/${format}`, buffer };
}

export type ListingFields = {
	title: string;
	description: string;
	price: string;
	stock: string;
	category: string;
	status: 'Draft' | 'Active' | 'Archived';
};

export function listingFields(overrides: Partial<ListingFields> = {}): ListingFields {
	return {
		title: `Test listing ${Date.now()}`,
		description: 'A sturdy thing, made by hand.',
		price: '18.40',
		stock: '5',
		category: 'Ceramics',
		status: 'Active',
		...overrides
	};
}

/** Fills the listing form; `maxlength` is lifted so over-long input reaches the server. */
export async function fillListingForm(
	page: Page,
	fields: ListingFields,
	photos: Upload[] = []
): Promise<void> {
	// Note: typing before hydration ends can be overwritten by it; wait for the page to settle.
	await page.waitForLoadState('networkidle');
	await page.locator('[maxlength]').evaluateAll((nodes) => {
		for (const node of nodes) node.removeAttribute('maxlength');
	});
	await page.getByLabel('Title').fill(fields.title);
	await page.getByLabel('Description', { exact: true }).fill(fields.description);
	await page.getByLabel(/^Price/).fill(fields.price);
	await page.getByLabel('Stock', { exact: true }).fill(fields.stock);
	await page.getByLabel('Category').selectOption({ label: fields.category });
	await page.getByRole('radio', { name: new RegExp(`^${fields.status}`) }).check();
	if (photos.length > 0) await page.getByLabel('Photos').setInputFiles(photos);
}
