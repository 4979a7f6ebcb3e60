import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import {
	fillListingForm,
	imageFile,
	listingFields,
	signIn,
	type ListingFields,
	type Upload
} from './seller-fixtures';

type BadInput = {
	name: string;
	fields?: Partial<ListingFields>;
	photos?: () => Promise<Upload[]>;
	field: string;
	message: string | RegExp;
};

const cases: BadInput[] = [
	{
		name: 'an empty title',
		fields: { title: '   ' },
		field: 'title',
		message: 'Give the listing a title.'
	},
	{
		name: 'a title that is too long',
		fields: { title: 'x'.repeat(121) },
		field: 'title',
		message: 'Keep the title to 120 characters or fewer.'
	},
	{
		name: 'HTML in the title',
		fields: { title: '<script>alert(1)</script>' },
		field: 'title',
		message: 'Titles are plain text: remove the HTML tags.'
	},
	{
		name: 'HTML in the description',
		fields: { description: 'Lovely <img src=x onerror=alert(1)>' },
		field: 'description',
		message: 'Descriptions are plain text: remove the HTML tags.'
	},
	{
		name: 'a description that is too long',
		fields: { description: 'y'.repeat(5001) },
		field: 'description',
		message: 'Keep the description to 5000 characters or fewer.'
	},
	{ name: 'an empty price', fields: { price: '' }, field: 'price', message: 'Enter a price.' },
	{
		name: 'a negative price',
		fields: { price: '-5.00' },
		field: 'price',
		message: 'The price cannot be negative.'
	},
	{
		name: 'a price that is not a number',
		fields: { price: 'cheap' },
		field: 'price',
		message: 'Enter a price like 12.50.'
	},
	{
		name: 'a negative stock',
		fields: { stock: '-1' },
		field: 'stock',
		message: 'Stock cannot be negative.'
	},
	{
		name: 'a stock that is not a number',
		fields: { stock: 'plenty' },
		field: 'stock',
		message: 'Enter a whole number, like 5.'
	},
	{
		name: 'more than eight photos',
		photos: () =>
			Promise.all(Array.from({ length: 9 }, (_, index) => imageFile(`photo-${index}.png`))),
		field: 'photos',
		message: 'Choose at most 8 photos.'
	},
	{
		name: 'a file that is not an image, whatever its name says',
		photos: () =>
			Promise.resolve([
				{ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('#!/bin/sh\necho hi\n') }
			]),
		field: 'photos',
		message: 'holiday.jpg: This file is not a JPEG, PNG, WebP or AVIF image.'
	},
	{
		name: 'an SVG image',
		photos: () =>
			Promise.resolve([
				{
					name: 'drawing.svg',
					mimeType: 'image/svg+xml',
					buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
				}
			]),
		field: 'photos',
		message: 'drawing.svg: This file is not a JPEG, PNG, WebP or AVIF image.'
	},
	{
		name: 'an image of more than 40 megapixels',
		photos: async () => [
			{
				name: 'huge.png',
				mimeType: 'image/png',
				buffer: await sharp({
					create: { width: 8000, height: 5001, channels: 3, background: '#777' }
				})
					.png({ compressionLevel: 9 })
					.toBuffer()
			}
		],
		field: 'photos',
		message: 'huge.png: This image has more than 40 megapixels. Make it smaller and try again.'
	},
	{
		name: 'a file larger than 10 MB',
		photos: () =>
			Promise.resolve([
				{ name: 'big.jpg', mimeType: 'image/jpeg', buffer: randomBytes(10 * 1024 * 1024 + 1) }
			]),
		field: 'photos',
		message: 'big.jpg: this image is larger than 10 MB.'
	}
];

test.describe('bad input on the new listing form', () => {
	test.beforeEach(async ({ page }) => {
		await signIn(page, 'seller@example.com');
	});

	for (const bad of cases) {
		test(`${bad.name} gets a message next to the field, keeps the rest, and writes nothing`, async ({
			page
		}) => {
			await page.goto('/seller/listings?status=draft');
			const draftsBefore = await page.getByRole('row').count();
			await page.goto('/seller/listings');
			const totalBefore = await page.getByText(/^\d+ listings?$/).textContent();

			await page.goto('/seller/listings/new');
			const fields = listingFields({ status: 'Draft', ...bad.fields });
			await fillListingForm(page, fields, bad.photos ? await bad.photos() : []);
			await page.getByRole('button', { name: 'Create listing' }).click();

			const message = page.locator(`#field-${bad.field}-error`);
			await expect(message).toHaveText(bad.message);
			await expect(page.locator(`[name="${bad.field}"]`).first()).toHaveAttribute(
				'aria-invalid',
				'true'
			);
			for (const name of ['title', 'description', 'price', 'stock'] as const) {
				if (name !== bad.field) {
					await expect(page.locator(`[name="${name}"]`)).toHaveValue(fields[name]);
				}
			}
			await expect(page.getByLabel('Category')).toHaveValue(/^\d+$/);

			await page.goto('/seller/listings');
			await expect(page.getByText(/^\d+ listings?$/)).toHaveText(totalBefore!);
			await page.goto('/seller/listings?status=draft');
			await expect(page.getByRole('row')).toHaveCount(draftsBefore);
		});
	}

	test('text with markup-like characters is stored and shown as text', async ({ page }) => {
		const title = `Fish & chips "deluxe" <3 ${Date.now()}`;
		await page.goto('/seller/listings/new');
		await fillListingForm(page, listingFields({ title, description: 'Salt & vinegar; 2 > 1' }));
		await page.getByRole('button', { name: 'Create listing' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await page.getByRole('link', { name: 'View it as buyers see it' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByText('Salt & vinegar; 2 > 1')).toBeVisible();
		await expect(page).toHaveTitle(`${title} · Openstall`);
	});
});
