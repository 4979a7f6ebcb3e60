import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { changeUserAccess, listUsers } from '$lib/server/accounts';
import { fieldErrors, formStrings } from '$lib/server/forms';
import { log } from '$lib/server/log';
import { listRequest } from '$lib/server/paging';
import { adminReason } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const request = listRequest(url);
	return { query: request.query, ...(await listUsers(request)) };
};

const userId = z.uuid('Choose a user from the list.');

const roleChange = z.object({
	userId,
	role: z.enum(['buyer', 'seller', 'admin'], 'Choose a role.')
});

const statusChange = z.object({
	userId,
	status: z.enum(['suspended', 'banned'], 'Choose suspend or ban.'),
	reason: adminReason
});

export const actions: Actions = {
	changeRole: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const parsed = roleChange.safeParse(formStrings(await request.formData(), ['userId', 'role']));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });

		const result = await changeUserAccess(locals.user.id, parsed.data.userId, {
			role: parsed.data.role
		});
		if (!result.ok) return fail(result.status, { errors: { form: result.message } });
		log.info(
			{ event: 'user.role_changed', actorId: locals.user.id, ...parsed.data },
			'role changed'
		);
		return { done: `Role changed to ${parsed.data.role}.` };
	},

	restrict: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const form = formStrings(await request.formData(), ['userId', 'status', 'reason']);
		const parsed = statusChange.safeParse(form);
		if (!parsed.success) {
			return fail(400, {
				userId: form.userId,
				reason: form.reason,
				errors: fieldErrors(parsed.error)
			});
		}

		const { userId: target, status, reason } = parsed.data;
		const result = await changeUserAccess(locals.user.id, target, { status, reason });
		if (!result.ok) return fail(result.status, { errors: { form: result.message } });
		log.info(
			{ event: 'user.status_changed', actorId: locals.user.id, target, status },
			'status changed'
		);
		return { done: status === 'banned' ? 'User banned.' : 'User suspended.' };
	},

	lift: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const parsed = z
			.object({ userId })
			.safeParse(formStrings(await request.formData(), ['userId']));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });

		const result = await changeUserAccess(locals.user.id, parsed.data.userId, { status: 'active' });
		if (!result.ok) return fail(result.status, { errors: { form: result.message } });
		log.info(
			{
				event: 'user.status_changed',
				actorId: locals.user.id,
				target: parsed.data.userId,
				status: 'active'
			},
			'restriction lifted'
		);
		return { done: 'Restriction lifted.' };
	}
};
