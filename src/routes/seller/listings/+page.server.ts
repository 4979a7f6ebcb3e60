import { error } from '@sveltejs/kit';
import { LISTING_STATUSES, archiveOwnListings, listOwnListings } from '$lib/server/listings';
import type { ListingStatus } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

function statusFilter(raw: string | null): ListingStatus | null {
	return LISTING_STATUSES.find((status) => status === raw) ?? null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const status = statusFilter(url.searchParams.get('status'));
	const search = (url.searchParams.get('q') ?? '').slice(0, 100);
	const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1));

	const { listings, total } = await listOwnListings(locals.user.id, {
		status,
		search,
		page,
		pageSize: PAGE_SIZE
	});
	return {
		listings,
		total,
		filters: { status, search, page },
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE))
	};
};

export const actions: Actions = {
	archive: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const ids = (await request.formData())
			.getAll('ids')
			.filter((value): value is string => typeof value === 'string');
		if (ids.length === 0) return { archived: 0, message: 'Tick the listings to archive first.' };
		const archived = await archiveOwnListings(locals.user.id, ids);
		return {
			archived,
			message: `${archived} ${archived === 1 ? 'listing' : 'listings'} archived.`
		};
	}
};
