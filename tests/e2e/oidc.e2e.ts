import { expect, test } from '@playwright/test';

test('a first sign-in through an OpenID Connect provider creates a buyer with a linked account', async ({
	page
}) => {
	const login = `person${Date.now()}`;

	await page.goto('/signin?redirectTo=%2Faccount');
	await page.getByRole('button', { name: 'Sign in with Test SSO' }).click();

	// The provider's own pages: any login works there, then consent.
	await page.locator('input[name="login"]').fill(login);
	await page.locator('input[name="password"]').fill('anything');
	await page.getByRole('button', { name: 'Sign-in' }).click();
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByTestId('account-menu')).toContainText(`OIDC ${login}`);
	await expect(page.getByRole('main')).toContainText(`${login}@oidc.example`);
	await expect(page.getByTestId('account-role')).toHaveText('buyer');
	await expect(page.getByTestId('sign-in-methods')).toHaveText('Test SSO');
});
