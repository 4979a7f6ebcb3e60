import { findCategoryBranch, listCategoryTree } from '$lib/server/categories';
import { listPublicListings } from '$lib/server/listings';
import { listOpenShops } from '$lib/server/shops';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 24;

export const load: PageServerLoad = async ({ url }) => {
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const categorySlug = url.searchParams.get('category') ?? '';
	const page = Math.max(1, Math.min(1000, Number(url.searchParams.get('page')) || 1));
	const branch = categorySlug ? await findCategoryBranch(categorySlug) : null;

	const [{ listings, total }, categories, shops] = await Promise.all([
		listPublicListings({
			search,
			categoryIds: branch?.ids,
			limit: PAGE_SIZE,
			offset: (page - 1) * PAGE_SIZE
		}),
		listCategoryTree(),
		listOpenShops(12)
	]);
	return {
		listings,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		search,
		category: branch ? { slug: branch.slug, name: branch.name } : null,
		departments: categories.map(({ slug, name }) => ({ slug, name })),
		shops
	};
};
