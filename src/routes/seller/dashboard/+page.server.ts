import { error, fail } from '@sveltejs/kit';
import { fieldErrors, formStrings } from '$lib/server/forms';
import { countOwnListingsByStatus, listRecentChanges, listStockAlerts } from '$lib/server/listings';
import { STOCK_ALERT_MAX, getOwnShop, setStockAlertThreshold } from '$lib/server/shop-profiles';
import { updateOwnShop } from '$lib/server/shops';
import { shopProfileSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const own = await getOwnShop(locals.user.id);
	if (!own) error(404, 'You do not have a shop yet.');
	const { shop, profile } = own;

	const [counts, stockAlerts, changes] = await Promise.all([
		countOwnListingsByStatus(locals.user.id),
		listStockAlerts(locals.user.id, profile.stockAlertThreshold),
		listRecentChanges(locals.user.id, 8)
	]);
	const total = counts.draft + counts.active + counts.archived;
	const nextSteps = [
		!profile.logoKey && { href: '/seller/shop', label: 'Add a logo to your shop' },
		total === 0 && { href: '/seller/listings/new', label: 'Add your first listing' },
		total > 0 &&
			counts.active === 0 && {
				href: '/seller/listings?status=draft',
				label: 'Publish a listing so buyers can find it'
			}
	].filter((step) => !!step);

	return {
		shop: { name: shop.name, slug: shop.slug, status: shop.status, description: shop.description },
		away: profile.away ? { until: profile.awayUntil } : null,
		counts,
		stockAlerts,
		threshold: profile.stockAlertThreshold,
		currency: profile.currency,
		changes,
		nextSteps
	};
};

export const actions: Actions = {
	updateShop: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const form = formStrings(await request.formData(), ['shopName', 'description'] as const);
		const parsed = shopProfileSchema.safeParse(form);
		if (!parsed.success) return fail(400, { ...form, errors: fieldErrors(parsed.error) });

		const result = await updateOwnShop(locals.user.id, {
			name: parsed.data.shopName,
			description: parsed.data.description
		});
		if (!result.ok) {
			return fail(result.status, { ...form, errors: { [result.field ?? 'form']: result.message } });
		}
		return { saved: true };
	},

	setStockThreshold: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const raw = String((await request.formData()).get('threshold') ?? '').trim();
		if (!/^\d{1,6}$/.test(raw) || Number(raw) > STOCK_ALERT_MAX) {
			return fail(400, {
				threshold: raw,
				thresholdError: `Enter a whole number from 0 to ${STOCK_ALERT_MAX}.`
			});
		}
		if (!(await setStockAlertThreshold(locals.user.id, Number(raw)))) {
			error(404, 'You do not have a shop yet.');
		}
		return { thresholdSaved: true };
	}
};
