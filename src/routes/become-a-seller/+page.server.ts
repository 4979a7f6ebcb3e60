import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors, formStrings } from '$lib/server/forms';
import { log } from '$lib/server/log';
import { createNewSellerAccount } from '$lib/server/shops';
import { newShopSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user?.role === 'seller') redirect(303, '/seller/dashboard');
	return { suspended: locals.user?.status !== 'active', admin: locals.user?.role === 'admin' };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		// Note: the gate guarantees a signed-in user here; this guard keeps the type honest.
		if (!locals.user) error(401, 'Sign in first.');

		const form = formStrings(await request.formData(), [
			'shopName',
			'slug',
			'description'
		] as const);
		const parsed = newShopSchema.safeParse(form);
		if (!parsed.success) return fail(400, { ...form, errors: fieldErrors(parsed.error) });

		const { shopName, slug, description } = parsed.data;
		const result = await createNewSellerAccount(locals.user.id, {
			name: shopName,
			slug,
			description
		});
		if (!result.ok) {
			return fail(result.status, {
				...form,
				errors: { [result.field ?? 'form']: result.message }
			});
		}
		if (result.created) {
			log.info(
				{ event: 'shop.opened', userId: locals.user.id, shopId: result.shop.id },
				'shop opened'
			);
		}
		redirect(303, '/seller/dashboard');
	}
};
