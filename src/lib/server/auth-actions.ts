import type { RequestEvent } from '@sveltejs/kit';
import { AuthError, CredentialsSignin } from '@auth/sveltekit';
import { signIn } from '../../auth';

/**
 * Signs in through Auth.js from one of our own form actions. The Auth.js action reads the
 * request body itself, so it gets a fresh request holding only the fields it should see.
 *
 * On success Auth.js throws SvelteKit's redirect, which passes through untouched. A refused
 * sign-in comes back as its error code, for the form to show one generic message.
 */
export async function signInFromAction(
	event: RequestEvent,
	provider: string,
	fields: Record<string, string>
): Promise<{ refused: string }> {
	const headers = new Headers(event.request.headers);
	headers.delete('content-type');
	headers.delete('content-length');
	const body = new URLSearchParams({ providerId: provider, ...fields });
	const request = new Request(event.request.url, { method: 'POST', headers, body });
	try {
		await signIn({ ...event, request });
	} catch (error) {
		if (error instanceof CredentialsSignin) return { refused: error.code };
		if (error instanceof AuthError) return { refused: error.type };
		throw error;
	}
	return { refused: 'unknown' };
}
