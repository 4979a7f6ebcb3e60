import { error, fail } from '@sveltejs/kit';
import { fieldErrors, formStrings } from '$lib/server/forms';
import { getShopByOwner, updateOwnShop } from '$lib/server/shops';
import { shopProfileSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const shop = await getShopByOwner(locals.user.id);
	if (!shop) error(404, 'You do not have a shop yet.');
	return {
		shop: { name: shop.name, slug: shop.slug, status: shop.status, description: shop.description }
	};
};

export const actions: Actions = {
	updateShop: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const form = formStrings(await request.formData(), ['shopName', 'description'] as const);
		const parsed = shopProfileSchema.safeParse(form);
		if (!parsed.success) return fail(400, { ...form, errors: fieldErrors(parsed.error) });

		const result = await updateOwnShop(locals.user.id, {
			name: parsed.data.shopName,
			description: parsed.data.description
		});
		if (!result.ok) {
			return fail(result.status, { ...form, errors: { [result.field ?? 'form']: result.message } });
		}
		return { saved: true };
	}
};
