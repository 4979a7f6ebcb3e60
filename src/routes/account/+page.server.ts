import { error } from '@sveltejs/kit';
import { getShopByOwner } from '$lib/server/shops';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const shop = await getShopByOwner(locals.user.id);
	return { shop: shop ? { name: shop.name, slug: shop.slug } : null };
};
