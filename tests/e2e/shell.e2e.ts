import { expect, test } from '@playwright/test';

test('the home page shows the shell: header, navigation, sign-in link and footer', async ({
	page
}) => {
	await page.goto('/');

	await expect(page).toHaveTitle(/Openstall/);
	await expect(page.getByRole('banner').getByRole('link', { name: 'Openstall' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
	await expect(page.getByRole('main')).toBeVisible();
	await expect(page.getByRole('contentinfo')).toContainText('Openstall');
});
