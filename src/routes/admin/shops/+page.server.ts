import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { fieldErrors, formStrings } from '$lib/server/forms';
import { log } from '$lib/server/log';
import { listShops, setShopStatus } from '$lib/server/shops';
import { listRequest } from '$lib/server/paging';
import { adminReason } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const request = listRequest(url);
	return { query: request.query, ...(await listShops(request)) };
};

const shopId = z.uuid('Choose a shop from the list.');

const suspension = z.object({
	shopId,
	reason: adminReason
});

export const actions: Actions = {
	suspend: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const form = formStrings(await request.formData(), ['shopId', 'reason']);
		const parsed = suspension.safeParse(form);
		if (!parsed.success)
			return fail(400, { reason: form.reason, errors: fieldErrors(parsed.error) });

		const result = await setShopStatus(
			locals.user.id,
			parsed.data.shopId,
			'suspended',
			parsed.data.reason
		);
		if (!result.ok) return fail(result.status, { errors: { form: result.message } });
		log.info(
			{ event: 'shop.suspended', actorId: locals.user.id, shopId: parsed.data.shopId },
			'shop suspended'
		);
		return { done: 'Shop suspended.' };
	},

	reinstate: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const parsed = z
			.object({ shopId })
			.safeParse(formStrings(await request.formData(), ['shopId']));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });

		const result = await setShopStatus(locals.user.id, parsed.data.shopId, 'active', null);
		if (!result.ok) return fail(result.status, { errors: { form: result.message } });
		log.info(
			{ event: 'shop.reinstated', actorId: locals.user.id, shopId: parsed.data.shopId },
			'shop reinstated'
		);
		return { done: 'Shop reinstated.' };
	}
};
