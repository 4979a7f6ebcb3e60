import { expect, test } from '@playwright/test';
import { clientWith, formPost, origin, sessionIn, signInWithForm } from './support';

test.describe('signing up', () => {
	test('normalises the email, so the same person cannot sign up twice by shouting', async ({
		playwright
	}) => {
		const local = `mixed-${Date.now()}`;
		const first = await clientWith(playwright);
		const created = await first.post(
			'/signup',
			formPost({
				name: 'Mixed Case',
				email: `  ${local.toUpperCase()}@Example.COM `,
				password: 'a long enough password'
			})
		);
		expect(created.status()).toBe(302);
		expect(await (await first.get('/account')).text()).toContain(`${local}@example.com`);

		const second = await clientWith(playwright);
		const again = await second.post(
			'/signup',
			formPost({ name: 'Copy', email: `${local}@example.com`, password: 'another long password' })
		);
		expect(again.status()).toBe(400);
		expect(await again.text()).toContain('already exists');
		expect(await sessionIn(second)).toBeNull();
	});

	const refusedEmails: [string, string][] = [
		['a look-alike letter', 'p\u0430ypal-owner@example.com'],
		['a quoted local part', '"quoted person"@example.com']
	];
	for (const [label, email] of refusedEmails) {
		test(`refuses an email with ${label}, with a message, and creates nothing`, async ({
			page,
			playwright
		}) => {
			await page.goto('/signup');
			await page.getByLabel('Name').fill(`Refused ${label}`);
			await page.getByLabel('Email').fill(email);
			await page.getByLabel('Password').fill('a long enough password');
			await page.getByRole('button', { name: 'Create account' }).click();

			await expect(page.locator('#field-email-error')).toBeVisible();
			await expect(page.getByLabel('Name')).toHaveValue(`Refused ${label}`);
			const admin = await clientWith(playwright);
			await admin.post(
				'/signin',
				formPost({ email: 'admin@example.com', password: 'openstall-demo', redirectTo: '/' })
			);
			const list = await (
				await admin.get(`/admin/users?q=${encodeURIComponent(`Refused ${label}`)}`)
			).text();
			expect(list).toContain('No users match');
		});
	}

	test('asks for a longer password and a name, keeping what was typed', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Email').fill('short@example.com');
		await page.getByLabel('Password').fill('short');
		await page.getByRole('button', { name: 'Create account' }).click();

		await expect(page.locator('#field-password-error')).toHaveText('Use at least 10 characters.');
		await expect(page.locator('#field-name-error')).toHaveText('Enter your name.');
		await expect(page.getByLabel('Email')).toHaveValue('short@example.com');
	});
});

test.describe('signing in', () => {
	test('says the same thing for a wrong password and an unknown email', async ({ playwright }) => {
		const client = await clientWith(playwright);
		const wrong = await client.post(
			'/signin',
			formPost({ email: 'buyer@example.com', password: 'not the password', redirectTo: '/' })
		);
		const unknown = await client.post(
			'/signin',
			formPost({ email: 'nobody-here@example.com', password: 'not the password', redirectTo: '/' })
		);

		const message = (html: string) => /role="alert"[^>]*>\s*([^<]*)</.exec(html)?.[1]?.trim();
		expect(wrong.status()).toBe(400);
		expect(unknown.status()).toBe(400);
		expect(message(await wrong.text())).toBe('That email and password do not match an account.');
		expect(message(await unknown.text())).toBe(message(await wrong.text()));
		expect(await sessionIn(client)).toBeNull();
	});

	test('stops guessing after five failures for one email, even with the right password', async ({
		playwright
	}) => {
		const email = `guessed-${Date.now()}@example.com`;
		const owner = await clientWith(playwright);
		await owner.post(
			'/signup',
			formPost({ name: 'Guessed', email, password: 'the real password' })
		);

		const attacker = await clientWith(playwright);
		for (let i = 0; i < 5; i++) {
			await attacker.post(
				'/signin',
				formPost({ email, password: `guess number ${i}`, redirectTo: '/' })
			);
		}
		const blocked = await attacker.post(
			'/signin',
			formPost({ email, password: 'the real password', redirectTo: '/' })
		);

		expect(blocked.status()).toBe(429);
		expect(await blocked.text()).toContain('Too many failed attempts');
		expect(await sessionIn(attacker)).toBeNull();
	});

	test('returns to the page that asked for sign-in', async ({ page }) => {
		await page.goto('/seller/dashboard');
		await expect(page).toHaveURL(/\/signin\?redirectTo=%2Fseller%2Fdashboard$/);
		await page.getByLabel('Email').fill('seller@example.com');
		await page.getByLabel('Password').fill('openstall-demo');
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page).toHaveURL(/\/seller\/dashboard$/);
	});

	for (const target of [
		'https://evil.example/',
		'//evil.example',
		'/\\evil.example',
		'javascript:alert(1)'
	]) {
		test(`never follows redirectTo=${target} off this site`, async ({ playwright }) => {
			const client = await clientWith(playwright);
			const response = await client.post(
				'/signin',
				formPost({ email: 'buyer@example.com', password: 'openstall-demo', redirectTo: target })
			);
			expect(response.status()).toBe(302);
			const location = new URL(response.headers()['location'] ?? '', origin());
			expect(location.origin).toBe(origin());

			const signedIn = await client.get(`/signin?redirectTo=${encodeURIComponent(target)}`, {
				maxRedirects: 0
			});
			expect(new URL(signedIn.headers()['location'] ?? '', origin()).origin).toBe(origin());
		});
	}

	test('never follows a callbackUrl off this site through Auth.js itself', async ({
		playwright
	}) => {
		const client = await clientWith(playwright);
		const response = await client.post('/auth/callback/credentials', {
			form: {
				email: 'buyer@example.com',
				password: 'openstall-demo',
				callbackUrl: 'https://evil.example/'
			},
			headers: { origin: origin() },
			maxRedirects: 0
		});
		expect(response.status()).toBe(302);
		expect(new URL(response.headers()['location'] ?? '', origin()).origin).toBe(origin());
	});

	test('signs out from the header', async ({ page }) => {
		await signInWithForm(page, 'buyer@example.com');
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page.getByTestId('account-menu')).toContainText('Sign in');
		await page.goto('/account');
		await expect(page).toHaveURL(/\/signin\?redirectTo=%2Faccount$/);
	});
});
