import { error } from '@sveltejs/kit';
import { listUsers } from '$lib/server/accounts';
import type { RequestHandler } from './$types';

function csvCell(value: string): string {
	// Note: a leading =, +, - or @ would run as a formula in a spreadsheet.
	const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
	return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every account as CSV, for an admin's records. */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const rows: string[] = ['email,name,role,status,created_at'];
	for (let page = 1; ; page++) {
		const { users } = await listUsers({ page, pageSize: 500 });
		for (const user of users) {
			rows.push(
				[user.email, user.name ?? '', user.role, user.status, user.createdAt.toISOString()]
					.map(csvCell)
					.join(',')
			);
		}
		if (users.length < 500) break;
	}
	return new Response(`${rows.join('\n')}\n`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="openstall-users.csv"'
		}
	});
};
