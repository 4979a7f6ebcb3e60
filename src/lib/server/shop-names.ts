/** Shop names and slugs: the rules the forms and the database agree on. */

export const SHOP_NAME_MIN = 2;
export const SHOP_NAME_MAX = 60;
export const SHOP_DESCRIPTION_MAX = 2000;
export const SLUG_MAX = 60;

/** The name as shown: NFKC-normalised, inner whitespace collapsed, trimmed. */
export function cleanShopName(raw: string): string {
	return raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * The key two names collide on: case, width (NFKC) and accents folded away, so "Café Ümit",
 * "CAFE UMIT" and "ｃａｆｅ ｕｍｉｔ" are the same shop name.
 */
export function shopNameKey(name: string): string {
	return cleanShopName(name)
		.normalize('NFD')
		.replace(/\p{Mn}/gu, '')
		.normalize('NFKC')
		.toLowerCase();
}

/** A slug made from a name: ASCII letters and digits joined by single hyphens. */
export function slugify(name: string): string {
	return shopNameKey(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX)
		.replace(/-+$/, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
