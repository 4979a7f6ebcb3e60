import type { SessionUser } from './accounts';

/**
 * Who may reach each route. Keyed by SvelteKit's route id (`event.route.id`), which names the
 * route the decoded path matched, so no spelling of a URL can slip past a string test.
 *
 * - public: anyone
 * - signed-in: any signed-in user, suspended ones included
 * - seller: an active seller
 * - admin: an active admin
 *
 * A route that is not in this table is denied, wherever it is. A test walks `src/routes` and
 * fails when a route is missing here.
 */
export type Requirement = 'public' | 'signed-in' | 'seller' | 'admin';

export const ROUTE_POLICY: Record<string, Requirement> = {
	'/': 'public',
	'/signin': 'public',
	'/signup': 'public',
	'/signout': 'public',
	'/healthz': 'public',
	'/readyz': 'public',
	'/become-a-seller': 'signed-in',
	'/account': 'signed-in',
	'/seller': 'seller',
	'/seller/dashboard': 'seller',
	'/seller/api/shop': 'seller',
	'/seller/shop': 'seller',
	'/seller/listings': 'seller',
	'/seller/listings/new': 'seller',
	'/seller/listings/[id]': 'seller',
	'/shops/[slug]': 'public',
	'/listings/[slug]': 'public',
	'/media/[key]': 'public',
	'/admin': 'admin',
	'/admin/users': 'admin',
	'/admin/users/export': 'admin',
	'/admin/shops': 'admin',
	'/admin/audit': 'admin'
};

export type Decision =
	| { allow: true }
	| { allow: false; redirect: string }
	| { allow: false; status: 403 | 404; message: string };

const ALLOW: Decision = { allow: true };
const NOT_FOUND: Decision = { allow: false, status: 404, message: 'Not found' };

/** `/(group)/seller/[id]` and `/seller/[id]` are the same place for policy purposes. */
function withoutGroups(routeId: string): string {
	return routeId.replace(/\/\([^/]+\)/g, '') || '/';
}

export function requirementFor(routeId: string | null): Requirement | null {
	if (routeId === null) return null;
	return ROUTE_POLICY[routeId] ?? ROUTE_POLICY[withoutGroups(routeId)] ?? null;
}

function signInRedirect(returnTo: string): Decision {
	return { allow: false, redirect: `/signin?redirectTo=${encodeURIComponent(returnTo)}` };
}

/**
 * The one decision the gate makes. `routeId` null means no route matched: SvelteKit answers
 * 404 itself, so there is nothing to protect.
 */
export function authorize(
	routeId: string | null,
	user: SessionUser | null,
	returnTo: string
): Decision {
	if (routeId === null) return ALLOW;
	const requirement = requirementFor(routeId);

	switch (requirement) {
		case 'public':
			return ALLOW;
		case 'signed-in':
			return user ? ALLOW : signInRedirect(returnTo);
		case 'seller':
			if (!user) return signInRedirect(returnTo);
			if (user.role !== 'seller') return { allow: false, redirect: '/become-a-seller' };
			if (user.status !== 'active') {
				return {
					allow: false,
					status: 403,
					message: 'Your account is suspended, so your shop is closed.'
				};
			}
			return ALLOW;
		case 'admin':
			if (!user) return signInRedirect(returnTo);
			return user.role === 'admin' && user.status === 'active' ? ALLOW : NOT_FOUND;
		default:
			return NOT_FOUND;
	}
}
