import {
	error,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { handleAuth } from './auth';
import { authorize } from '$lib/server/authz';
import { config } from '$lib/server/config';
import { log } from '$lib/server/log';
import { requestContext, runInRequestContext } from '$lib/server/request-context';
import { sessionUserFrom } from '$lib/server/session';
import { startSessionCache } from '$lib/server/session-cache';
import { readSessionQuickly } from '$lib/server/session-read';

/** Gives the Auth.js callbacks, which never see the event, the request they run for. */
const handleRequestContext: Handle = ({ event, resolve }) =>
	runInRequestContext(event, () => resolve(event));

const DATABASE_DOWN =
	'Openstall cannot reach its database right now. You are still signed in: try again in a moment.';

/** Public routes whose answer is the same for everyone: no session is read for them. */
const SESSIONLESS_ROUTES = new Set(['/media/[key]', '/healthz', '/readyz']);

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Reads the session once per request into `locals.user`. No session cookie, no read: anonymous
 * pages cost nothing here. A database failure during the read ends the request with a 503 and
 * without the cookie changes Auth.js queued, so the visitor stays signed in for the next try.
 */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	const hasSession = event.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
	if (!hasSession || SESSIONLESS_ROUTES.has(event.route.id ?? '')) return resolve(event);

	const quick = await readSessionQuickly(event);
	const user = quick === undefined ? sessionUserFrom(await event.locals.auth()) : quick;
	if (requestContext()?.sessionReadFailed) {
		error(503, DATABASE_DOWN);
	}
	event.locals.user = user;
	return resolve(event);
};

/** Applies the route policy table to the matched route: pages, data, actions and endpoints. */
const handleAuthorization: Handle = ({ event, resolve }) => {
	const returnTo = `${event.url.pathname}${event.url.search}`;
	const decision = authorize(event.route.id, event.locals.user, returnTo);
	if (decision.allow) return resolve(event);
	if ('redirect' in decision) redirect(303, decision.redirect);
	error(decision.status, decision.message);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	// Note: a page that shows who is signed in must not be stored by a shared cache; a response
	// that chose its own caching (content-addressed photos) is the same for everyone.
	if (event.locals.user && !response.headers.has('cache-control')) {
		response.headers.set('cache-control', 'private, no-store');
	}
	return response;
};

/**
 * The order is the security argument: the context first (the callbacks need it), Auth.js next
 * (it answers /auth/* and provides `locals.auth`), then the session read, and only then the gate,
 * which decides from the role the database holds on this very request.
 */
export const handle = sequence(
	handleRequestContext,
	handleAuth,
	handleSession,
	handleAuthorization,
	handleHeaders
);

export const handleError: HandleServerError = ({ error: thrown, event, status, message }) => {
	const errorId = randomUUID();
	if (status >= 500) {
		log.error({ err: thrown, errorId, route: event.route.id, status }, 'unexpected error');
	}
	return { message: status >= 500 ? 'Something went wrong on our side.' : message, errorId };
};

/** Runs once when the server starts: a bad configuration stops it here, with every problem named. */
export const init: ServerInit = () => {
	config();
	startSessionCache();
};
