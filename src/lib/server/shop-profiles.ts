import { and, eq, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditEvent } from './audit';
import { db } from './db';
import { shop, shopProfile, user, type Shop, type ShopProfile } from './db/schema';
import { normaliseEmail } from './email';
import { releaseImages, saveWithImages, type ImageVariant } from './photos';
import { SLUG_MAX, SLUG_PATTERN, shopNameKey } from './shop-names';
import { shopProfileSchema } from './validation';

/** A shop's public face: contact email, logo, banner, the away switch, stock alerts. */

export const STOCK_ALERT_MAX = 100_000;

const contactEmail = z.string().transform((raw, ctx) => {
	if (raw.trim() === '') return null;
	const checked = normaliseEmail(raw);
	if (!checked.ok) {
		ctx.addIssue({ code: 'custom', message: checked.message });
		return z.NEVER;
	}
	return checked.email;
});

/** Today as YYYY-MM-DD in UTC: the earliest return date a seller may give. */
function today(): string {
	return new Date().toISOString().slice(0, 10);
}

export const shopProfileFormSchema = shopProfileSchema
	.extend({
		slug: z
			.string()
			.transform((raw) => raw.trim())
			.pipe(
				z
					.string()
					.min(1, 'Enter the shop address.')
					.max(SLUG_MAX, `Use at most ${SLUG_MAX} characters.`)
					.regex(
						SLUG_PATTERN,
						'Use lower-case letters, digits and single hyphens, like "river-pottery".'
					)
			),
		contactEmail,
		away: z.string().transform((raw) => raw === 'on'),
		awayUntil: z
			.string()
			.transform((raw) => raw.trim())
			.refine(
				(raw) => raw === '' || (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !isNaN(Date.parse(raw))),
				'Enter a date like 2030-08-31.'
			)
	})
	.refine((input) => !(input.away && input.awayUntil !== '' && input.awayUntil < today()), {
		path: ['awayUntil'],
		message: 'Choose a return date from today on.',
		// Note: checked even when other fields failed, so every problem is reported at once.
		when: (payload) => {
			const value = payload.value as { away?: unknown; awayUntil?: unknown };
			return typeof value.away === 'boolean' && typeof value.awayUntil === 'string';
		}
	})
	.transform((input) => ({
		name: input.shopName,
		slug: input.slug,
		description: input.description,
		contactEmail: input.contactEmail,
		away: input.away,
		awayUntil: input.away && input.awayUntil !== '' ? input.awayUntil : null
	}));

export type ShopProfileInput = z.output<typeof shopProfileFormSchema>;

/** `undefined` keeps the current image, `null` removes it. */
export type ShopImages = { logo?: ImageVariant | null; banner?: ImageVariant | null };

export type OwnShop = { shop: Shop; profile: ShopProfile };

export type ShopProfileResult =
	| { ok: true; shop: Shop; profile: ShopProfile }
	| { ok: false; status: 400 | 404; field?: 'shopName' | 'slug'; message: string };

async function ensureProfile(shopId: string): Promise<ShopProfile> {
	await db.insert(shopProfile).values({ shopId }).onConflictDoNothing();
	const [profile] = await db.select().from(shopProfile).where(eq(shopProfile.shopId, shopId));
	if (!profile) throw new Error('The shop profile could not be made');
	return profile;
}

/** The acting seller's shop and its profile, made on first use; null if they have no shop. */
export async function getOwnShop(ownerId: string): Promise<OwnShop | null> {
	const [found] = await db.select().from(shop).where(eq(shop.ownerId, ownerId));
	if (!found) return null;
	return { shop: found, profile: await ensureProfile(found.id) };
}

/** The constraint a unique violation names, or null for any other error. */
function violatedUniqueConstraint(error: unknown): string | null {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const candidate = current as { code?: string; constraint_name?: string; constraint?: string };
		if (candidate.code === '23505') return candidate.constraint_name ?? candidate.constraint ?? '';
		current = (current as { cause?: unknown }).cause;
	}
	return null;
}

/** Saves the profile form; the shop is found from the session's user id, never from the form. */
export async function updateShopProfile(
	ownerId: string,
	input: ShopProfileInput,
	images: ShopImages = {}
): Promise<ShopProfileResult> {
	const own = await getOwnShop(ownerId);
	if (!own) return { ok: false, status: 404, message: 'You do not have a shop yet.' };

	const nameKey = shopNameKey(input.name);
	const [clash] = await db
		.select({ nameKey: shop.nameKey })
		.from(shop)
		.where(and(ne(shop.id, own.shop.id), or(eq(shop.nameKey, nameKey), eq(shop.slug, input.slug))));
	if (clash) return clashResult(clash.nameKey === nameKey ? 'shopName' : 'slug');

	const newImages = [images.logo, images.banner].filter((image) => !!image);
	return saveWithImages(newImages, () => saveShopProfile(own, ownerId, nameKey, input, images));
}

/** The write itself: a name or slug taken since the check is a clash for the form, not an error. */
async function saveShopProfile(
	own: OwnShop,
	ownerId: string,
	nameKey: string,
	input: ShopProfileInput,
	images: ShopImages
): Promise<ShopProfileResult> {
	try {
		const result = await db.transaction(async (tx) => {
			const [updatedShop] = await tx
				.update(shop)
				.set({ name: input.name, nameKey, slug: input.slug, description: input.description })
				.where(and(eq(shop.id, own.shop.id), eq(shop.ownerId, ownerId)))
				.returning();
			const [updatedProfile] = await tx
				.update(shopProfile)
				.set({
					contactEmail: input.contactEmail,
					away: input.away,
					awayUntil: input.awayUntil,
					...(images.logo !== undefined && { logoKey: images.logo?.key ?? null }),
					...(images.banner !== undefined && { bannerKey: images.banner?.key ?? null })
				})
				.where(eq(shopProfile.shopId, own.shop.id))
				.returning();
			if (!updatedShop || !updatedProfile) throw new Error('The shop changed under us');
			await recordAuditEvent(tx, {
				actorId: ownerId,
				action: 'shop.profile_updated',
				targetType: 'shop',
				targetId: updatedShop.id,
				details: { name: updatedShop.name, slug: updatedShop.slug, away: updatedProfile.away }
			});
			return { shop: updatedShop, profile: updatedProfile };
		});
		await releaseImages(
			[
				images.logo !== undefined ? own.profile.logoKey : null,
				images.banner !== undefined ? own.profile.bannerKey : null
			].filter((key): key is string => !!key)
		);
		return { ok: true, ...result };
	} catch (error) {
		// Note: another shop can take the name or slug between our check and our write.
		const constraint = violatedUniqueConstraint(error);
		if (constraint === null) throw error;
		return clashResult(constraint.includes('slug') ? 'slug' : 'shopName');
	}
}

function clashResult(field: 'shopName' | 'slug'): ShopProfileResult {
	return field === 'slug'
		? { ok: false, status: 400, field, message: 'This shop address is taken. Choose another.' }
		: {
				ok: false,
				status: 400,
				field,
				message: 'A shop with this name already exists. Choose another name.'
			};
}

export async function setStockAlertThreshold(ownerId: string, threshold: number): Promise<boolean> {
	const own = await getOwnShop(ownerId);
	if (!own) return false;
	await db
		.update(shopProfile)
		.set({ stockAlertThreshold: threshold })
		.where(eq(shopProfile.shopId, own.shop.id));
	return true;
}

export type ShopVisibility = 'public' | 'preview';

export type ShopPage = {
	shop: Pick<Shop, 'id' | 'name' | 'slug' | 'description' | 'status'>;
	profile: Pick<ShopProfile, 'contactEmail' | 'logoKey' | 'bannerKey' | 'away' | 'awayUntil'>;
	/** `preview`: buyers cannot see this shop; only its own seller reaches the page. */
	visibility: ShopVisibility;
};

/**
 * A shop page as this viewer may see it: open shops of active sellers for everyone; a suspended
 * shop only for its own seller, as a preview; null (a 404) for anyone else.
 */
export async function getShopForViewer(
	slug: string,
	viewerId: string | null
): Promise<ShopPage | null> {
	const [row] = await db
		.select({ shop, profile: shopProfile, owner: { status: user.status, role: user.role } })
		.from(shop)
		.innerJoin(user, eq(user.id, shop.ownerId))
		.leftJoin(shopProfile, eq(shopProfile.shopId, shop.id))
		.where(eq(shop.slug, slug));
	if (!row) return null;

	const open =
		row.shop.status === 'active' && row.owner.status === 'active' && row.owner.role === 'seller';
	if (!open && row.shop.ownerId !== viewerId) return null;

	return {
		shop: {
			id: row.shop.id,
			name: row.shop.name,
			slug: row.shop.slug,
			description: row.shop.description,
			status: row.shop.status
		},
		profile: {
			contactEmail: row.profile?.contactEmail ?? null,
			logoKey: row.profile?.logoKey ?? null,
			bannerKey: row.profile?.bannerKey ?? null,
			away: row.profile?.away ?? false,
			awayUntil: row.profile?.awayUntil ?? null
		},
		visibility: open ? 'public' : 'preview'
	};
}
