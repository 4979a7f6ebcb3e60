import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirects';

const ORIGIN = 'https://openstall.example';

describe('safeRedirectPath', () => {
	it('keeps a path on this origin, with its query', () => {
		expect(safeRedirectPath('/seller/dashboard?tab=orders', ORIGIN)).toBe(
			'/seller/dashboard?tab=orders'
		);
		expect(safeRedirectPath(`${ORIGIN}/account`, ORIGIN)).toBe('/account');
	});

	it.each([
		'https://evil.example/',
		'//evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'javascript:alert(1)',
		'data:text/html,hi',
		'http://openstall.example/account',
		'https://openstall.example.evil.example/'
	])('sends %s home instead', (target) => {
		expect(safeRedirectPath(target, ORIGIN)).toBe('/');
	});

	it('sends a missing target home', () => {
		expect(safeRedirectPath(null, ORIGIN)).toBe('/');
		expect(safeRedirectPath('', ORIGIN)).toBe('/');
	});
});
