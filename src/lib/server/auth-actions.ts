import type { RequestEvent } from '@sveltejs/kit';
import { signIn } from '../../auth';

/**
 * Signs in through Auth.js from one of our own form actions. The Auth.js action reads the
 * request body itself, so it gets a fresh request holding only the fields it should see.
 */
export async function signInFromAction(
	event: RequestEvent,
	provider: string,
	fields: Record<string, string>
): Promise<void> {
	const headers = new Headers(event.request.headers);
	headers.delete('content-type');
	headers.delete('content-length');
	const body = new URLSearchParams({ providerId: provider, ...fields });
	const request = new Request(event.request.url, { method: 'POST', headers, body });
	await signIn({ ...event, request });
}
