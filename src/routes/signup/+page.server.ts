import { fail, redirect } from '@sveltejs/kit';
import { createBuyerAccount } from '$lib/server/accounts';
import { signInFromAction } from '$lib/server/auth-actions';
import { fieldErrors, formStrings, type FieldErrors } from '$lib/server/forms';
import { log } from '$lib/server/log';
import { signUpSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const form = formStrings(await event.request.formData(), [
			'name',
			'email',
			'password'
		] as const);
		const echo = { name: form.name, email: form.email };

		const parsed = signUpSchema.safeParse(form);
		if (!parsed.success) return fail(400, { ...echo, errors: fieldErrors(parsed.error) });

		const created = await createBuyerAccount(parsed.data);
		if (!created.ok) {
			const errors: FieldErrors = { [created.field]: created.message };
			return fail(400, { ...echo, errors });
		}
		log.info({ event: 'account.created', userId: created.user.id }, 'buyer account created');

		await signInFromAction(event, 'credentials', {
			email: parsed.data.email,
			password: parsed.data.password,
			redirectTo: '/'
		});
		// Note: only reached when the fresh account could not sign in (say, rate limited).
		redirect(303, '/signin');
	}
};
