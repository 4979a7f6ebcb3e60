import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { shop, shopProfile, storedObject } from '../src/lib/server/db/schema';
import { prepareShopImage, type ImageVariant } from '../src/lib/server/photos';
import {
	getOwnShop,
	getShopForViewer,
	setStockAlertThreshold,
	shopProfileFormSchema,
	updateShopProfile,
	type ShopProfileInput
} from '../src/lib/server/shop-profiles';
import { objectStore } from '../src/lib/server/storage';
import { testDriver, useTestDatabase } from './helpers/database';
import { createBuyer, createSeller, testImage, type TestSeller } from './helpers/seller-factories';

const database = useTestDatabase();

let seller: TestSeller;
let rival: TestSeller;
beforeEach(async () => {
	seller = await createSeller('Profile Owner');
	rival = await createSeller('Profile Rival');
});

function profileInput(overrides: Partial<ShopProfileInput> = {}): ShopProfileInput {
	return {
		name: 'Profile Owner Shop',
		slug: 'profile-owner-shop',
		description: 'Plates and bowls.',
		contactEmail: 'hello@example.com',
		away: false,
		awayUntil: null,
		...overrides
	};
}

async function logo(colour: string): Promise<ImageVariant> {
	const result = await prepareShopImage(await testImage('png', 400, 400), 'logo');
	if (!result.ok) throw new Error(result.message);
	return { ...result.image, key: `${colour.repeat(40).slice(0, 40)}.webp` };
}

describe(`shop profiles on ${testDriver()}`, () => {
	it('a seller saves the profile, with contact email, away date and logo', async () => {
		const result = await updateShopProfile(
			seller.userId,
			profileInput({ slug: 'new-address', away: true, awayUntil: '2099-05-01' }),
			{ logo: await logo('a') }
		);

		expect(result.ok).toBe(true);
		const own = await getOwnShop(seller.userId);
		expect(own?.shop.slug).toBe('new-address');
		expect(own?.profile).toMatchObject({
			contactEmail: 'hello@example.com',
			away: true,
			awayUntil: '2099-05-01',
			logoKey: 'a'.repeat(40) + '.webp'
		});
	});

	it('replacing a logo deletes the old image; removing it clears the key', async () => {
		await updateShopProfile(seller.userId, profileInput(), { logo: await logo('a') });
		await updateShopProfile(seller.userId, profileInput(), { logo: await logo('b') });

		expect(await objectStore().get('a'.repeat(40) + '.webp')).toBeNull();
		expect(await objectStore().get('b'.repeat(40) + '.webp')).not.toBeNull();

		await updateShopProfile(seller.userId, profileInput(), { logo: null });
		expect((await getOwnShop(seller.userId))?.profile.logoKey).toBeNull();
		expect(await objectStore().get('b'.repeat(40) + '.webp')).toBeNull();
	});

	it('a profile save that fails leaves the shop as it was and no new logo stored', async () => {
		const before = await getOwnShop(seller.userId);

		// Note: the form caps descriptions at 2,000 characters; past it the database refuses.
		await expect(
			updateShopProfile(seller.userId, profileInput({ description: 'x'.repeat(2001) }), {
				logo: await logo('c')
			})
		).rejects.toThrow();

		expect(await getOwnShop(seller.userId)).toEqual(before);
		expect(await database().db.select({ key: storedObject.key }).from(storedObject)).toEqual([]);
	});

	it('a clashing slug stores no new logo', async () => {
		const result = await updateShopProfile(seller.userId, profileInput({ slug: rival.shopSlug }), {
			logo: await logo('d')
		});

		expect(result).toMatchObject({ ok: false, field: 'slug' });
		expect(await database().db.select({ key: storedObject.key }).from(storedObject)).toEqual([]);
	});

	it("another shop's name or slug is refused and nothing changes", async () => {
		const byName = await updateShopProfile(
			seller.userId,
			profileInput({ name: 'PROFILE RIVAL SHOP' })
		);
		const bySlug = await updateShopProfile(seller.userId, profileInput({ slug: rival.shopSlug }));

		expect(byName).toMatchObject({ ok: false, field: 'shopName' });
		expect(bySlug).toMatchObject({ ok: false, field: 'slug' });
		const [row] = await database().db.select().from(shop).where(eq(shop.id, seller.shopId));
		expect(row?.slug).toBe(seller.shopSlug);
	});

	it('the form refuses a bad slug, email and past return date, each by name', () => {
		const parsed = shopProfileFormSchema.safeParse({
			shopName: 'Fine name',
			slug: 'Bad Slug',
			description: '',
			contactEmail: 'nope',
			away: 'on',
			awayUntil: '2000-01-01'
		});
		const fields = parsed.error?.issues.map((issue) => issue.path[0]).sort();
		expect(fields).toEqual(['awayUntil', 'contactEmail', 'slug']);
	});

	it('a buyer has no shop to change', async () => {
		const buyerId = await createBuyer();
		expect(await updateShopProfile(buyerId, profileInput())).toMatchObject({
			ok: false,
			status: 404
		});
		expect(await setStockAlertThreshold(buyerId, 5)).toBe(false);
	});

	it('the stock alert threshold belongs to the acting seller’s shop only', async () => {
		expect(await setStockAlertThreshold(seller.userId, 9)).toBe(true);

		expect((await getOwnShop(seller.userId))?.profile.stockAlertThreshold).toBe(9);
		expect((await getOwnShop(rival.userId))?.profile.stockAlertThreshold).toBe(3);
	});

	it('a suspended shop is a 404 for others and a preview for its seller', async () => {
		await database().db.update(shop).set({ status: 'suspended' }).where(eq(shop.id, seller.shopId));

		expect(await getShopForViewer(seller.shopSlug, null)).toBeNull();
		expect(await getShopForViewer(seller.shopSlug, rival.userId)).toBeNull();
		expect(await getShopForViewer(seller.shopSlug, seller.userId)).toMatchObject({
			visibility: 'preview'
		});
		expect(await getShopForViewer(rival.shopSlug, null)).toMatchObject({ visibility: 'public' });
	});

	it('an away shop is still public, with its return date', async () => {
		await getOwnShop(seller.userId);
		await database()
			.db.update(shopProfile)
			.set({ away: true, awayUntil: '2099-01-01' })
			.where(eq(shopProfile.shopId, seller.shopId));

		expect(await getShopForViewer(seller.shopSlug, null)).toMatchObject({
			visibility: 'public',
			profile: { away: true, awayUntil: '2099-01-01' }
		});
	});
});
