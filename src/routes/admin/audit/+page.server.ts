import { listAuditEvents } from '$lib/server/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	return { page, events: await listAuditEvents({ page, pageSize: 50 }) };
};
