import { error } from '@sveltejs/kit';
import { listPublicListings } from '$lib/server/listings';
import { getShopForViewer } from '$lib/server/shop-profiles';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 24;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const page = await getShopForViewer(params.slug, locals.user?.id ?? null);
	if (!page) error(404, 'Not found');

	const pageNumber = Math.max(1, Math.min(1000, Number(url.searchParams.get('page')) || 1));
	const { listings, total } = await listPublicListings({
		shopId: page.shop.id,
		includeAway: true,
		limit: PAGE_SIZE,
		offset: (pageNumber - 1) * PAGE_SIZE
	});
	return {
		...page,
		listings,
		total,
		page: pageNumber,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE))
	};
};
