import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './accounts';

/**
 * What the Auth.js callbacks need to know about the request they run for. Auth.js calls them
 * without the SvelteKit event, so the first handle puts it here for the rest of the request.
 */
export type RequestContext = {
	event: RequestEvent;
	/** Set when the session read could not reach the database: the request becomes a 503. */
	sessionReadFailed: boolean;
	/**
	 * The user row this request's session read found. When the quick read hands over to
	 * Auth.js (a token to renew or clear), the jwt callback reuses it instead of reading again.
	 */
	sessionUser?: { id: string; user: SessionUser | null };
};

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(event: RequestEvent, work: () => T): T {
	return storage.run({ event, sessionReadFailed: false }, work);
}

export function requestContext(): RequestContext | undefined {
	return storage.getStore();
}
