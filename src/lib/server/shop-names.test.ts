import { describe, expect, it } from 'vitest';
import { cleanShopName, shopNameKey, slugify } from './shop-names';

describe('shop names', () => {
	it('folds case, width and accents into one key', () => {
		const key = shopNameKey('Café Ümit');
		expect(shopNameKey('CAFE UMIT')).toBe(key);
		expect(shopNameKey('\uff23\uff41\uff46\uff45 umit')).toBe(key);
		expect(shopNameKey('  cafe\tumit ')).toBe(key);
	});

	it('cleans the shown name without changing its letters', () => {
		expect(cleanShopName('  Café   Ümit  ')).toBe('Café Ümit');
	});

	it('derives an ASCII slug from a name', () => {
		expect(slugify('Café Ümit & Sons!')).toBe('cafe-umit-sons');
		expect(slugify('---')).toBe('');
	});
});
