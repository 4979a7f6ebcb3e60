import { error, fail } from '@sveltejs/kit';
import { fieldErrors, formStrings, type FieldErrors } from '$lib/server/forms';
import { prepareShopImage, uploadedFiles, type ImageVariant } from '$lib/server/photos';
import {
	getOwnShop,
	shopProfileFormSchema,
	updateShopProfile,
	type ShopImages
} from '$lib/server/shop-profiles';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['shopName', 'slug', 'description', 'contactEmail', 'away', 'awayUntil'] as const;

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first.');
	const own = await getOwnShop(locals.user.id);
	if (!own) error(404, 'You do not have a shop yet.');
	return {
		shop: { name: own.shop.name, slug: own.shop.slug, status: own.shop.status },
		values: {
			shopName: own.shop.name,
			slug: own.shop.slug,
			description: own.shop.description,
			contactEmail: own.profile.contactEmail ?? '',
			away: own.profile.away ? 'on' : '',
			awayUntil: own.profile.awayUntil ?? ''
		},
		logoKey: own.profile.logoKey,
		bannerKey: own.profile.bannerKey
	};
};

/** One image field: undefined keeps the current image, null removes it. */
async function readImage(
	form: FormData,
	kind: 'logo' | 'banner',
	errors: FieldErrors
): Promise<ImageVariant | null | undefined> {
	const [file, extra] = uploadedFiles(form, kind);
	if (extra) {
		errors[kind] = 'Choose one image.';
		return undefined;
	}
	if (file) {
		const prepared = await prepareShopImage(Buffer.from(await file.arrayBuffer()), kind);
		if (prepared.ok) return prepared.image;
		errors[kind] = prepared.message;
		return undefined;
	}
	return form.get(`remove-${kind}`) === 'on' ? null : undefined;
}

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in first.');
		const form = await request.formData();
		const values = formStrings(form, FIELDS);
		const parsed = shopProfileFormSchema.safeParse(values);
		const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
		const images: ShopImages = {
			logo: await readImage(form, 'logo', errors),
			banner: await readImage(form, 'banner', errors)
		};
		if (!parsed.success || Object.keys(errors).length > 0) return fail(400, { values, errors });

		const result = await updateShopProfile(locals.user.id, parsed.data, images);
		if (!result.ok) {
			if (result.status === 404) error(404, result.message);
			return fail(400, { values, errors: { [result.field ?? 'form']: result.message } });
		}
		return { saved: true };
	}
};
