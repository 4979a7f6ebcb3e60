import { error } from '@sveltejs/kit';
import { getListingForViewer, listPublicListings } from '$lib/server/listings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await getListingForViewer(params.slug, locals.user?.id ?? null);
	if (!page) error(404, 'Not found');

	const related = await listPublicListings({
		shopId: page.shop.id,
		excludeListingId: page.listing.id,
		includeAway: true,
		limit: 4
	});
	return { ...page, related: related.listings };
};
