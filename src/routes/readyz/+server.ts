import { json } from '@sveltejs/kit';
import { checkDatabase } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** Readiness: 200 while the database answers, 503 while it does not. */
export const GET: RequestHandler = async () => {
	const database = await checkDatabase();
	return json(
		{ status: database.ok ? 'ready' : 'unavailable', database: database.ok ? 'ok' : 'unreachable' },
		{ status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
