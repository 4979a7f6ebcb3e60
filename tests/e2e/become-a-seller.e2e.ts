import { expect, test } from '@playwright/test';
import { clientWith, formPost, signInWithForm } from './support';

async function newBuyer(playwright: Parameters<typeof clientWith>[0], tag: string) {
	const client = await clientWith(playwright);
	const email = `${tag}-${Date.now()}@example.com`;
	await client.post(
		'/signup',
		formPost({ name: 'Would Sell', email, password: 'a long enough password' })
	);
	return { client, email };
}

test('bad shop details get a 400, a message by each field, the input kept, and nothing written', async ({
	playwright
}) => {
	const { client } = await newBuyer(playwright, 'bad-shop');
	const tooLong = 'x'.repeat(2001);

	const response = await client.post(
		'/become-a-seller',
		formPost({ shopName: ' a ', slug: 'Not A Slug!', description: tooLong })
	);

	expect(response.status()).toBe(400);
	const html = await response.text();
	expect(html).toContain('Use at least 2 characters.');
	expect(html).toContain('Use lower-case letters, digits and single hyphens');
	expect(html).toContain('Keep it to 2000 characters or fewer.');
	expect(html).toContain('value="Not A Slug!"');
	expect(await (await client.get('/account')).text()).toMatch(
		/data-testid="account-role"[^>]*>buyer</
	);
	expect((await client.get('/seller/dashboard', { maxRedirects: 0 })).headers()['location']).toBe(
		'/become-a-seller'
	);
});

test('a taken shop name, in any case or accent, gets a message and changes nothing', async ({
	page
}) => {
	const email = `taken-${Date.now()}@example.com`;
	await page.goto('/signup');
	await page.getByLabel('Name').fill('Late Comer');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a long enough password');
	await page.getByRole('button', { name: 'Create account' }).click();

	await page.goto('/become-a-seller');
	await page.getByLabel('Shop name').fill('HARBOUR LANE GOODS');
	await page.getByLabel('Description').fill('Mine now?');
	await page.getByRole('button', { name: 'Open my shop' }).click();

	await expect(page.locator('#field-shopName-error')).toHaveText(
		'A shop with this name already exists. Choose another name.'
	);
	await expect(page.getByLabel('Description')).toHaveValue('Mine now?');
	await page.goto('/account');
	await expect(page.getByTestId('account-role')).toHaveText('buyer');
});

test('a shop name with markup is refused, and text is never rendered as HTML', async ({
	playwright
}) => {
	const { client } = await newBuyer(playwright, 'markup');
	const response = await client.post(
		'/become-a-seller',
		formPost({ shopName: '<script>alert(1)</script>', slug: '', description: '' })
	);
	expect(response.status()).toBe(400);
	const html = await response.text();
	expect(html).toContain('Shop names cannot contain &lt; or >.');
	expect(html).not.toContain('<script>alert(1)</script>');
});

test('submitting the form twice opens one shop and lands on the dashboard both times', async ({
	playwright
}) => {
	const { client } = await newBuyer(playwright, 'twice');
	const form = formPost({ shopName: `Twice Shop ${Date.now()}`, slug: '', description: '' });

	const [first, second] = await Promise.all([
		client.post('/become-a-seller', form),
		client.post('/become-a-seller', form)
	]);

	for (const response of [first, second]) {
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/seller/dashboard');
	}
	const dashboard = await client.get('/seller/dashboard', { maxRedirects: 0 });
	expect(dashboard.status()).toBe(200);
});

test('a seller who opens the form is sent to the dashboard', async ({ page }) => {
	await signInWithForm(page, 'seller@example.com');
	await page.goto('/become-a-seller');
	await expect(page).toHaveURL(/\/seller\/dashboard$/);
});
