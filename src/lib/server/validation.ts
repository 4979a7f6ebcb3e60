import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';
import {
	SHOP_DESCRIPTION_MAX,
	SHOP_NAME_MAX,
	SHOP_NAME_MIN,
	SLUG_MAX,
	SLUG_PATTERN,
	cleanShopName,
	slugify
} from './shop-names';
import { normaliseEmail } from './email';

const email = z.string().transform((raw, ctx) => {
	const checked = normaliseEmail(raw);
	if (!checked.ok) {
		ctx.addIssue({ code: 'custom', message: checked.message });
		return z.NEVER;
	}
	return checked.email;
});

export const signUpSchema = z.object({
	name: z
		.string()
		.transform((raw) => raw.normalize('NFKC').replace(/\s+/g, ' ').trim())
		.pipe(
			z
				.string()
				.min(1, 'Enter your name.')
				.max(100, 'Keep your name to 100 characters or fewer.')
				.refine((name) => !/[<>]/.test(name), 'Names cannot contain < or >.')
		),
	email,
	password: z
		.string()
		.min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
		.max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`)
});

const shopName = z
	.string()
	.transform(cleanShopName)
	.pipe(
		z
			.string()
			.min(SHOP_NAME_MIN, `Use at least ${SHOP_NAME_MIN} characters.`)
			.max(SHOP_NAME_MAX, `Use at most ${SHOP_NAME_MAX} characters.`)
			.refine((name) => !/[<>]/.test(name), 'Shop names cannot contain < or >.')
			.refine((name) => slugify(name).length > 0, 'Use at least one letter or digit.')
	);

const description = z
	.string()
	.transform((raw) => raw.replace(/\r\n/g, '\n').trim())
	.pipe(
		z.string().max(SHOP_DESCRIPTION_MAX, `Keep it to ${SHOP_DESCRIPTION_MAX} characters or fewer.`)
	);

export const newShopSchema = z
	.object({
		shopName,
		slug: z
			.string()
			.transform((raw) => raw.trim())
			.pipe(
				z
					.string()
					.max(SLUG_MAX, `Use at most ${SLUG_MAX} characters.`)
					.refine(
						(slug) => slug === '' || SLUG_PATTERN.test(slug),
						'Use lower-case letters, digits and single hyphens, like "river-pottery".'
					)
			),
		description
	})
	.transform((input) => ({ ...input, slug: input.slug || slugify(input.shopName) }));

export const shopProfileSchema = z.object({ shopName, description });

/** Why an admin restricts an account or a shop: kept in the audit log and shown to admins. */
export const adminReason = z
	.string()
	.trim()
	.min(3, 'Give a reason of at least 3 characters.')
	.max(500, 'Keep the reason to 500 characters.');
