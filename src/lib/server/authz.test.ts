import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from './accounts';
import { authorize, requirementFor, ROUTE_POLICY } from './authz';

const ROUTES_DIR = join(process.cwd(), 'src', 'routes');
const ROUTE_FILE = /^\+(page|server)(\.server)?\.(ts|js|svelte)$/;

/** Every route id SvelteKit will build from src/routes: folders holding a page or an endpoint. */
function routeIds(): string[] {
	const ids = new Set<string>();
	for (const entry of readdirSync(ROUTES_DIR, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !ROUTE_FILE.test(entry.name)) continue;
		const folder = relative(ROUTES_DIR, entry.parentPath).split(sep).filter(Boolean).join('/');
		ids.add(`/${folder}`);
	}
	return [...ids].sort();
}

const user = (
	role: SessionUser['role'],
	status: SessionUser['status'] = 'active'
): SessionUser => ({
	id: '00000000-0000-4000-8000-000000000001',
	name: 'Someone',
	email: 'someone@example.com',
	role,
	status
});

describe('the route policy table', () => {
	it('names every route under src/routes, so a new route is never reachable by accident', () => {
		const unnamed = routeIds().filter((id) => requirementFor(id) === null);
		expect(unnamed, 'add these routes to ROUTE_POLICY in src/lib/server/authz.ts').toEqual([]);
	});

	it('names no route that does not exist', () => {
		const existing = new Set(routeIds());
		expect(Object.keys(ROUTE_POLICY).filter((id) => !existing.has(id))).toEqual([]);
	});

	it('protects every route under /seller and /admin', () => {
		for (const id of routeIds()) {
			if (id.startsWith('/seller')) expect(ROUTE_POLICY[id], id).toBe('seller');
			if (id.startsWith('/admin')) expect(ROUTE_POLICY[id], id).toBe('admin');
			if (id.startsWith('/account') || id === '/become-a-seller') {
				expect(ROUTE_POLICY[id], id).not.toBe('public');
			}
		}
	});
});

describe('authorize', () => {
	it('sends a stranger on a seller page to sign in, and back to that page afterwards', () => {
		expect(authorize('/seller/dashboard', null, '/seller/dashboard?tab=1')).toEqual({
			allow: false,
			redirect: '/signin?redirectTo=%2Fseller%2Fdashboard%3Ftab%3D1'
		});
	});

	it('sends a buyer on a seller page to open a shop', () => {
		expect(authorize('/seller/dashboard', user('buyer'), '/seller/dashboard')).toEqual({
			allow: false,
			redirect: '/become-a-seller'
		});
	});

	it('lets an active seller in and keeps a suspended one out', () => {
		expect(authorize('/seller/dashboard', user('seller'), '/')).toEqual({ allow: true });
		expect(authorize('/seller/dashboard', user('seller', 'suspended'), '/')).toMatchObject({
			allow: false,
			status: 403
		});
	});

	it('answers 404 to anyone but an active admin on admin pages', () => {
		for (const who of [user('buyer'), user('seller'), user('admin', 'suspended')]) {
			expect(authorize('/admin/users', who, '/admin/users')).toMatchObject({ status: 404 });
		}
		expect(authorize('/admin/users', user('admin'), '/admin/users')).toEqual({ allow: true });
	});

	it('denies a protected route the table does not name, even to an admin', () => {
		expect(authorize('/seller/unlisted', user('seller'), '/')).toMatchObject({ status: 404 });
		expect(authorize('/admin/unlisted', user('admin'), '/')).toMatchObject({ status: 404 });
		expect(authorize('/anything-new', user('admin'), '/')).toMatchObject({ status: 404 });
	});

	it('treats route groups as the path they stand for', () => {
		expect(requirementFor('/(app)/seller/dashboard')).toBe('seller');
	});

	it('lets suspended users see their account and the public pages', () => {
		expect(authorize('/account', user('buyer', 'suspended'), '/')).toEqual({ allow: true });
		expect(authorize('/', null, '/')).toEqual({ allow: true });
	});
});
