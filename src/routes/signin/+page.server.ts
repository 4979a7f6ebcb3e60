import { fail, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { signInFromAction } from '$lib/server/auth-actions';
import { formStrings } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES: Record<string, string> = {
	credentials: 'That email and password do not match an account.',
	rate_limited: 'Too many failed attempts. Wait 15 minutes, then try again.',
	OAuthAccountNotLinked: 'This email already has an account. Sign in with your password to use it.',
	AccessDenied: 'This account cannot sign in.'
};

function messageFor(code: string): string {
	return MESSAGES[code] ?? 'Sign-in did not work. Please try again.';
}

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'), url.origin);
	if (locals.user) redirect(303, redirectTo);

	const { github, google, oidc } = config().providers;
	const code = url.searchParams.get('code') ?? url.searchParams.get('error');
	return {
		redirectTo,
		providers: [
			...(github ? [{ id: 'github', name: 'GitHub' }] : []),
			...(google ? [{ id: 'google', name: 'Google' }] : []),
			...(oidc ? [{ id: 'oidc', name: oidc.name }] : [])
		],
		error: code ? messageFor(code) : null
	};
};

/**
 * One action for every way in: the email-and-password form, and one button per OAuth/OIDC
 * provider (a `provider` field). The return path is checked here and again by Auth.js.
 */
export const actions: Actions = {
	default: async (event) => {
		const form = formStrings(await event.request.formData(), [
			'provider',
			'email',
			'password',
			'redirectTo'
		] as const);
		const redirectTo = safeRedirectPath(form.redirectTo, event.url.origin);

		if (form.provider && form.provider !== 'credentials') {
			const { github, google, oidc } = config().providers;
			const enabled = { github, google, oidc }[form.provider as 'github' | 'google' | 'oidc'];
			if (!enabled)
				return fail(400, { email: '', message: 'That sign-in method is not available.' });
			const { refused } = await signInFromAction(event, form.provider, { redirectTo });
			return fail(400, { email: '', message: messageFor(refused) });
		}

		if (!form.email.trim() || !form.password) {
			return fail(400, { email: form.email, message: 'Enter your email and password.' });
		}
		const { refused } = await signInFromAction(event, 'credentials', {
			email: form.email,
			password: form.password,
			redirectTo
		});
		return fail(refused === 'rate_limited' ? 429 : 400, {
			email: form.email,
			message: messageFor(refused)
		});
	}
};
