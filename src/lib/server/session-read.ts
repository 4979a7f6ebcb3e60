import type { RequestEvent } from '@sveltejs/kit';
import type { JWT } from '@auth/core/jwt';
import { readSessionUser, type SessionUser } from './accounts';
import { config } from './config';
import { log } from './log';
import { requestContext } from './request-context';
import { readThroughSessionCache } from './session-cache';
import { isTokenKept, sessionTokenCodec } from './session-token';

/**
 * The common case of a session read, without the round trip through Auth.js's session action:
 * a valid, young cookie whose user is still there, not banned, and holds the claims the token
 * carries. Then Auth.js would do the same read, build the same user and hand the same token back
 * (see `continueSession`), so there is nothing to add but the `Set-Cookie` it would send.
 *
 * Anything else (no cookie or a chunked one, a token that does not decrypt or is due for
 * renewal, a missing or banned user, a changed role, status, name or email) returns undefined,
 * and the caller asks Auth.js, which renews or clears the cookie as it always has.
 *
 * The rules are the `jwt` callback's in src/auth.ts: the user id comes from the authenticated
 * token only, role and status come from the database (or the cache every change clears), and a
 * failed read marks the request so that it ends in a 503 with the cookie untouched.
 */

const codec = sessionTokenCodec();

/** The cookie Auth.js reads for this request: it picks the name by the protocol it sees. */
function sessionCookieName(event: RequestEvent): string {
	const authUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
	const protocol = authUrl
		? new URL(authUrl).protocol
		: (event.request.headers.get('x-forwarded-proto') ?? event.url.protocol);
	const secure = protocol === 'https' || protocol === 'https:';
	return secure ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

/**
 * The user as the database (or the cache every change clears) holds them now, read at most once
 * per request. A failure marks the request, so that it ends in a 503 with the cookie untouched,
 * and is thrown on.
 */
export async function readCurrentUser(id: string): Promise<SessionUser | null> {
	const context = requestContext();
	if (context?.sessionUser?.id === id) return context.sessionUser.user;
	try {
		const user = await readThroughSessionCache(id, readSessionUser);
		if (context) context.sessionUser = { id, user };
		log.debug({ userId: id, role: user?.role ?? null }, 'session read');
		return user;
	} catch (error) {
		if (context) context.sessionReadFailed = true;
		log.error({ err: error, userId: id }, 'session read failed: database unavailable');
		throw error;
	}
}

/** The token's claims for this user: built from the database row alone, never from a request. */
export function claimsFor(current: SessionUser): JWT {
	return {
		sub: current.id,
		name: current.name,
		email: current.email,
		role: current.role,
		status: current.status
	};
}

export async function readSessionQuickly(
	event: RequestEvent
): Promise<SessionUser | null | undefined> {
	const name = sessionCookieName(event);
	const cookies = event.cookies.getAll();
	if (cookies.some((cookie) => cookie.name.startsWith(`${name}.`))) return undefined;
	const token = cookies.find((cookie) => cookie.name === name)?.value;
	if (!token) return undefined;

	let decoded: JWT | null;
	try {
		decoded = await codec.decode({ token, secret: config().authSecret, salt: name });
	} catch {
		return undefined;
	}
	const id = decoded?.sub;
	if (!decoded || !id) return undefined;

	let current: SessionUser | null;
	try {
		current = await readCurrentUser(id);
	} catch {
		return null;
	}
	if (!current || current.status === 'banned') return undefined;

	const claims = claimsFor(current);
	if (!isTokenKept(decoded, claims)) return undefined;

	return current;
}
