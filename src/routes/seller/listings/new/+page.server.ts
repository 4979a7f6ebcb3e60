import { error, fail, redirect } from '@sveltejs/kit';
import { listCategoryTree } from '$lib/server/categories';
import { readListingSubmission } from '$lib/server/listing-form';
import { createListing } from '$lib/server/listings';
import { MAX_LISTING_PHOTOS } from '$lib/server/photos';
import { getOwnShop } from '$lib/server/shop-profiles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const own = await getOwnShop(locals.user.id);
	if (!own) error(404, 'You do not have a shop yet.');
	return {
		shopName: own.shop.name,
		currency: own.profile.currency,
		categories: await listCategoryTree(),
		photoRoom: MAX_LISTING_PHOTOS
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const submission = await readListingSubmission(await request.formData());
		if (!submission.ok) return fail(400, { values: submission.values, errors: submission.errors });

		const result = await createListing(locals.user.id, submission.input, submission.photos);
		if (!result.ok) {
			if (result.status === 404) error(404, result.message);
			return fail(result.status, {
				values: submission.values,
				errors: { [result.field ?? 'form']: result.message }
			});
		}
		redirect(303, `/seller/listings/${result.listing.id}?created=1`);
	}
};
