import { error } from '@sveltejs/kit';
import { listSignInMethods } from '$lib/server/accounts';
import { config } from '$lib/server/config';
import { getShopByOwner } from '$lib/server/shops';
import type { PageServerLoad } from './$types';

const PROVIDER_NAMES: Record<string, string> = { github: 'GitHub', google: 'Google' };

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const [shop, methods] = await Promise.all([
		getShopByOwner(locals.user.id),
		listSignInMethods(locals.user.id)
	]);
	const oidcName = config().providers.oidc?.name ?? 'Single sign-on';
	return {
		shop: shop ? { name: shop.name, slug: shop.slug } : null,
		signInMethods: [
			...(methods.password ? ['Email and password'] : []),
			...methods.providers.map((id) => (id === 'oidc' ? oidcName : (PROVIDER_NAMES[id] ?? id)))
		]
	};
};
