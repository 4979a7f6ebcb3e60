import { expect, test } from '@playwright/test';
import { clientWith, signedInClient } from './support';

test('a signed-in page is never stored by a shared cache, and carries the safety headers', async ({
	playwright
}) => {
	const client = await signedInClient(playwright, 'buyer@example.com');

	const response = await client.get('/');

	expect(response.headers()['cache-control']).toBe('private, no-store');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(response.headers()['x-frame-options']).toBe('DENY');
});

test('listing photos stay cacheable for everyone, signed in or not', async ({ playwright }) => {
	const anonymous = await clientWith(playwright);
	const home = await (await anonymous.get('/')).text();
	const photo = /src="(\/media\/[^"]+)"/.exec(home)?.[1];
	expect(photo, 'the demo home page shows listing photos').toBeTruthy();

	const signedIn = await signedInClient(playwright, 'buyer@example.com');
	for (const client of [anonymous, signedIn]) {
		const response = await client.get(photo ?? '');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('image/webp');
		expect(response.headers()['cache-control']).toContain('immutable');
	}
});
