import { listAuditEvents } from '$lib/server/audit';
import { pageFromUrl } from '$lib/server/paging';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const page = pageFromUrl(url);
	return { page, events: await listAuditEvents({ page, pageSize: 50 }) };
};
