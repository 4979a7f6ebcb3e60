import { expect, test, type Page } from '@playwright/test';
import { fillListingForm, imageFile, listingFields, pageAs } from './seller-fixtures';

/** What the first seller's listing looks like to them, to compare before and after an attack. */
async function snapshot(owner: Page, id: string) {
	await owner.goto(`/seller/listings/${id}`);
	return {
		title: await owner.getByLabel('Title').inputValue(),
		price: await owner.getByLabel(/^Price/).inputValue(),
		stock: await owner.getByLabel('Stock', { exact: true }).inputValue(),
		status: await owner.locator('input[name="status"]:checked').inputValue(),
		photos: await owner
			.locator('input[name="photoId"]')
			.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
		alts: await owner
			.locator('input[name="altText"]')
			.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
	};
}

test("a second seller gets 404 from the first seller's listing URLs, actions and photo operations", async ({
	browser,
	baseURL
}) => {
	const owner = await pageAs(browser, 'seller@example.com');
	await owner.goto('/seller/listings?q=Enamel+camping+mug');
	const href = await owner.getByRole('link', { name: 'Enamel camping mug' }).getAttribute('href');
	const id = href!.split('/').pop()!;
	const before = await snapshot(owner, id);
	expect(before.photos).toHaveLength(2);
	const [photoId] = before.photos;

	const rival = await pageAs(browser, 'potter@example.com');
	expect((await rival.goto(`/seller/listings/${id}`))?.status()).toBe(404);
	const data = await (await rival.request.get(`/seller/listings/${id}/__data.json`)).text();
	expect(data).toContain('"status":404');
	expect(data).not.toContain('Enamel camping mug');

	const post = (path: string, form: Record<string, string>) =>
		rival.request.post(path, { form, headers: { origin: baseURL ?? '' }, maxRedirects: 0 });
	const changes = {
		title: 'Taken over',
		description: '',
		price: '0.01',
		stock: '0',
		category: '1',
		status: 'archived'
	};
	expect((await post(`/seller/listings/${id}?/save`, changes)).status()).toBe(404);
	for (const action of ['updatePhoto', 'movePhoto', 'removePhoto']) {
		const form = { photoId: photoId!, altText: 'Taken over', direction: 'later' };
		expect((await post(`/seller/listings/${id}?/${action}`, form)).status()).toBe(404);
	}

	// The rival's own listing URL with the first seller's photo id changes nothing either.
	await rival.goto('/seller/listings');
	const ownHref = await rival.getByRole('link', { name: 'Celadon bowl' }).getAttribute('href');
	for (const action of ['updatePhoto', 'movePhoto', 'removePhoto']) {
		const form = { photoId: photoId!, altText: 'Taken over', direction: 'later' };
		expect((await post(`${ownHref}?/${action}`, form)).status()).toBe(404);
	}

	// Bulk archive with a foreign id archives nothing.
	const archive = await post('/seller/listings?/archive', { ids: id });
	expect(archive.status()).toBe(200);

	expect(await snapshot(owner, id)).toEqual(before);
	await owner.context().close();
	await rival.context().close();
});

test('fields the listing form does not offer are ignored', async ({ browser }) => {
	const owner = await pageAs(browser, 'seller@example.com');
	await owner.goto('/seller/dashboard');
	const rival = await pageAs(browser, 'potter@example.com');
	await rival.goto('/seller/listings/new');
	const title = `Smuggled ${Date.now()}`;
	await fillListingForm(rival, listingFields({ title, status: 'Active' }), [
		await imageFile('bowl.png')
	]);
	await rival.locator('form[enctype="multipart/form-data"]').evaluate((form) => {
		for (const [name, value] of [
			['shop_id', '00000000-0000-0000-0000-000000000000'],
			['shopId', '00000000-0000-0000-0000-000000000000'],
			['role', 'admin'],
			['currency', 'USD'],
			['slug', 'harbour-lane-goods']
		]) {
			const input = document.createElement('input');
			input.type = 'hidden';
			input.name = name!;
			input.value = value!;
			form.appendChild(input);
		}
	});
	await rival.getByRole('button', { name: 'Create listing' }).click();
	await expect(rival.getByRole('status')).toContainText('Listing created.');

	const anonymous = await pageAs(browser, null);
	await anonymous.goto('/shops/fernwood-ceramics');
	await expect(anonymous.getByRole('heading', { name: title })).toBeVisible();
	await anonymous.getByRole('heading', { name: title }).getByRole('link').click();
	await expect(anonymous.getByTestId('price')).toHaveText('€18.40');
	await anonymous.goto('/shops/harbour-lane-goods');
	await expect(anonymous.getByRole('heading', { name: title })).toHaveCount(0);
	await rival.goto('/account');
	await expect(rival.getByRole('link', { name: 'My shop' })).toBeVisible();

	for (const page of [owner, rival, anonymous]) await page.context().close();
});

test('a buyer and a visitor cannot reach seller pages or post to them', async ({ browser }) => {
	const buyer = await pageAs(browser, 'buyer@example.com');
	await buyer.goto('/seller/listings/new');
	await expect(buyer).toHaveURL(/\/become-a-seller$/);
	const anonymous = await pageAs(browser, null);
	await anonymous.goto('/seller/shop');
	await expect(anonymous).toHaveURL(/\/signin\?redirectTo=%2Fseller%2Fshop$/);
	await buyer.context().close();
	await anonymous.context().close();
});
