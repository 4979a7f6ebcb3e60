import type { LayoutServerLoad } from './$types';

/**
 * The session was read once in hooks; this only passes it on. Reading `url` makes the load run
 * on every navigation, so the header follows a role change made elsewhere (an admin demoting
 * this seller) on the very next page, not just after a reload.
 */
export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user,
	path: url.pathname
});
