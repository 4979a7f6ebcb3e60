import { error, json } from '@sveltejs/kit';
import { getShopByOwner } from '$lib/server/shops';
import type { RequestHandler } from './$types';

/** The signed-in seller's own shop as JSON, for scripts and integrations. */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const shop = await getShopByOwner(locals.user.id);
	if (!shop) error(404, 'You do not have a shop yet.');
	const { name, slug, description, status, createdAt, updatedAt } = shop;
	return json({ name, slug, description, status, createdAt, updatedAt });
};
