import { error, fail } from '@sveltejs/kit';
import { listCategoryTree } from '$lib/server/categories';
import { fieldErrors } from '$lib/server/forms';
import { readListingSubmission } from '$lib/server/listing-form';
import {
	altTextSchema,
	formatPriceInput,
	getOwnListing,
	moveListingPhoto,
	removeListingPhoto,
	updateListing,
	updateListingPhotoAlt
} from '$lib/server/listings';
import { MAX_LISTING_PHOTOS } from '$lib/server/photos';
import type { Actions, PageServerLoad } from './$types';

// Note: a listing of another shop and a listing that does not exist look the same: 404.
const NOT_FOUND = 'We could not find that listing.';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const own = await getOwnListing(locals.user.id, params.id);
	if (!own) error(404, NOT_FOUND);

	const { listing, photos } = own;
	return {
		listing: {
			id: listing.id,
			slug: listing.slug,
			title: listing.title,
			status: listing.status,
			currency: listing.currency,
			updatedAt: listing.updatedAt
		},
		values: {
			title: listing.title,
			description: listing.description,
			price: formatPriceInput(listing.priceMinor),
			stock: String(listing.stock),
			category: String(listing.categoryId),
			status: listing.status
		},
		photos: photos.map((photo) => ({
			id: photo.id,
			smallKey: photo.smallKey,
			altText: photo.altText,
			position: photo.position
		})),
		photoRoom: MAX_LISTING_PHOTOS - photos.length,
		categories: await listCategoryTree(),
		created: url.searchParams.has('created')
	};
};

function photoId(form: FormData): string {
	const value = form.get('photoId');
	return typeof value === 'string' ? value : '';
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const own = await getOwnListing(locals.user.id, params.id);
		if (!own) error(404, NOT_FOUND);

		const submission = await readListingSubmission(
			await request.formData(),
			MAX_LISTING_PHOTOS - own.photos.length
		);
		if (!submission.ok) return fail(400, { values: submission.values, errors: submission.errors });

		const result = await updateListing(
			locals.user.id,
			params.id,
			submission.input,
			submission.photos
		);
		if (!result.ok) {
			if (result.status === 404) error(404, NOT_FOUND);
			return fail(result.status, {
				values: submission.values,
				errors: { [result.field ?? 'form']: result.message }
			});
		}
		return { saved: true };
	},

	updatePhoto: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const form = await request.formData();
		const parsed = altTextSchema.safeParse(form.get('altText') ?? '');
		const id = photoId(form);
		if (!parsed.success) {
			return fail(400, { photoId: id, photoError: fieldErrors(parsed.error).form });
		}
		if (!(await updateListingPhotoAlt(locals.user.id, id, parsed.data))) error(404, NOT_FOUND);
		return { photoSaved: id };
	},

	movePhoto: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const form = await request.formData();
		const direction = form.get('direction') === 'earlier' ? 'earlier' : 'later';
		if (!(await moveListingPhoto(locals.user.id, photoId(form), direction))) error(404, NOT_FOUND);
		return { photoMoved: true };
	},

	removePhoto: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const form = await request.formData();
		if (!(await removeListingPhoto(locals.user.id, photoId(form)))) error(404, NOT_FOUND);
		return { photoRemoved: true };
	}
};
