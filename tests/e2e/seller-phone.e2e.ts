import { expect, test } from '@playwright/test';
import { signIn } from './seller-fixtures';

test('the seller tabs fit a 390 px phone screen without scrolling sideways', async ({
	browser
}, testInfo) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, 'seller@example.com');

	for (const path of ['/seller/dashboard', '/seller/listings/new']) {
		await page.goto(path);
		const tabs = page.getByRole('navigation', { name: 'Seller' }).getByRole('list');
		expect(await tabs.evaluate((list) => list.scrollWidth - list.clientWidth)).toBe(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		for (const tab of await tabs.getByRole('link').all()) {
			const box = await tab.boundingBox();
			expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
		}
		await page.screenshot({ path: testInfo.outputPath(`tabs${path.replaceAll('/', '-')}.png`) });
	}
	await context.close();
});
