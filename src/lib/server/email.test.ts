import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email';

describe('normaliseEmail', () => {
	it('trims and lower-cases', () => {
		expect(normaliseEmail('  Ada.Lovelace@Example.COM ')).toEqual({
			ok: true,
			email: 'ada.lovelace@example.com'
		});
	});

	it.each([
		['a Cyrillic look-alike letter', 'p\u0430ypal@example.com'],
		['a Greek look-alike in the domain', 'ada@ex\u03bfmple.com'],
		['full-width letters', '\uff41da@example.com'],
		['a zero-width space', 'ada\u200b@example.com'],
		['a quoted local part', '"ada lovelace"@example.com'],
		['a quoted local part with an @', '"ada@home"@example.com'],
		['no domain dot', 'ada@localhost'],
		['two @ signs', 'ada@@example.com'],
		['a trailing dot in the local part', 'ada.@example.com'],
		['nothing at all', '   ']
	])('refuses %s', (_, raw) => {
		expect(normaliseEmail(raw).ok).toBe(false);
	});
});
