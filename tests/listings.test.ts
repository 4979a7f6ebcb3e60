import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	auditEvent,
	listing,
	listingPhoto,
	shop,
	shopProfile,
	user
} from '../src/lib/server/db/schema';
import {
	archiveOwnListings,
	countOwnListingsByStatus,
	createListing,
	getListingForViewer,
	getOwnListing,
	listOwnListings,
	listPublicListings,
	listRecentChanges,
	listStockAlerts,
	listingFormSchema,
	parsePriceMinor,
	formatPriceInput,
	updateListing
} from '../src/lib/server/listings';
import { prepareListingPhoto, type PreparedPhoto } from '../src/lib/server/photos';
import { testDriver, useTestDatabase } from './helpers/database';
import {
	createBuyer,
	createSeller,
	listingInput,
	testImage,
	type TestSeller
} from './helpers/seller-factories';

const database = useTestDatabase();

let seller: TestSeller;
let rival: TestSeller;
beforeEach(async () => {
	seller = await createSeller('Ada Potter');
	rival = await createSeller('Rex Rival');
});

async function photo(): Promise<PreparedPhoto> {
	const prepared = await prepareListingPhoto(await testImage('jpeg'));
	if (!prepared.ok) throw new Error(prepared.message);
	return prepared.image;
}

async function rowsOf(listingId: string) {
	return database().db.select().from(listing).where(eq(listing.id, listingId));
}

describe(`listings on ${testDriver()}`, () => {
	it('reads prices as minor units without floating-point arithmetic', () => {
		expect(parsePriceMinor('12')).toBe(1200);
		expect(parsePriceMinor('12.5')).toBe(1250);
		expect(parsePriceMinor('0.29')).toBe(29);
		expect(parsePriceMinor('1234567.99')).toBe(123456799);
		expect(parsePriceMinor('12,05')).toBe(1205);
		expect(parsePriceMinor('-3')).toBeNull();
		expect(parsePriceMinor('1e3')).toBeNull();
		expect(parsePriceMinor('12.345')).toBeNull();
		expect(formatPriceInput(29)).toBe('0.29');
	});

	it('gives each bad field of the listing form its own message', () => {
		const parsed = listingFormSchema.safeParse({
			title: '<b>Mug</b>',
			description: '<script>alert(1)</script>',
			price: '-4',
			stock: 'lots',
			category: '',
			status: 'sold'
		});

		expect(parsed.success).toBe(false);
		const fields = new Set(parsed.error?.issues.map((issue) => issue.path[0]));
		expect([...fields].sort()).toEqual(
			['category', 'description', 'price', 'status', 'stock', 'title'].sort()
		);
	});

	it('a seller creates a listing with photos, priced in the shop currency', async () => {
		const result = await createListing(seller.userId, await listingInput(), [
			await photo(),
			await photo()
		]);

		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.listing).toMatchObject({ shopId: seller.shopId, currency: 'EUR', stock: 5 });
		expect(result.listing.slug).toMatch(/^stoneware-mug-[a-z0-9]{6}$/);
		const own = await getOwnListing(seller.userId, result.listing.id);
		expect(own?.photos.map((p) => p.position)).toEqual([0, 1]);
	});

	it('refuses a category that does not exist and writes nothing', async () => {
		const result = await createListing(seller.userId, await listingInput({ categoryId: 999999 }));

		expect(result).toMatchObject({ ok: false, field: 'category' });
		expect(await database().db.select().from(listing)).toEqual([]);
	});

	it('refuses a ninth photo and leaves the listing as it was', async () => {
		const created = await createListing(
			seller.userId,
			await listingInput(),
			await Promise.all(Array.from({ length: 8 }, photo))
		);
		if (!created.ok) throw new Error(created.message);

		const result = await updateListing(
			seller.userId,
			created.listing.id,
			await listingInput({ title: 'Renamed' }),
			[await photo()]
		);

		expect(result).toMatchObject({ ok: false, field: 'photos' });
		const [row] = await rowsOf(created.listing.id);
		expect(row?.title).toBe('Stoneware mug');
		expect(
			await database()
				.db.select()
				.from(listingPhoto)
				.where(eq(listingPhoto.listingId, created.listing.id))
		).toHaveLength(8);
	});

	it('a seller edits the price and stock of their own listing', async () => {
		const created = await createListing(seller.userId, await listingInput());
		if (!created.ok) throw new Error(created.message);

		const result = await updateListing(
			seller.userId,
			created.listing.id,
			await listingInput({ priceMinor: 1999, stock: 2 })
		);

		expect(result.ok).toBe(true);
		const [row] = await rowsOf(created.listing.id);
		expect(row).toMatchObject({ priceMinor: 1999, stock: 2 });
	});

	it("another seller's listing id is not found and changes nothing", async () => {
		const created = await createListing(seller.userId, await listingInput());
		if (!created.ok) throw new Error(created.message);
		const [before] = await rowsOf(created.listing.id);

		const update = await updateListing(
			rival.userId,
			created.listing.id,
			await listingInput({ priceMinor: 1, status: 'archived' }),
			[await photo()]
		);
		const archived = await archiveOwnListings(rival.userId, [created.listing.id]);
		const read = await getOwnListing(rival.userId, created.listing.id);

		expect(update).toMatchObject({ ok: false, status: 404 });
		expect(archived).toBe(0);
		expect(read).toBeNull();
		expect(await rowsOf(created.listing.id)).toEqual([before]);
		expect(await database().db.select().from(listingPhoto)).toEqual([]);
	});

	it('a malformed listing id is simply not found', async () => {
		expect(await getOwnListing(seller.userId, 'not-a-uuid')).toBeNull();
		expect(await updateListing(seller.userId, "1' or '1'='1", await listingInput())).toMatchObject({
			ok: false,
			status: 404
		});
	});

	it('a seller without a shop cannot create listings', async () => {
		const buyerId = await createBuyer();

		const result = await createListing(buyerId, await listingInput());

		expect(result).toMatchObject({ ok: false, status: 404 });
		expect(await database().db.select().from(listing)).toEqual([]);
	});

	it('bulk archive touches only the acting seller’s listings', async () => {
		const mine = await createListing(seller.userId, await listingInput());
		const theirs = await createListing(rival.userId, await listingInput());
		if (!mine.ok || !theirs.ok) throw new Error('setup');

		const archived = await archiveOwnListings(seller.userId, [
			mine.listing.id,
			theirs.listing.id,
			'garbage'
		]);

		expect(archived).toBe(1);
		expect((await rowsOf(mine.listing.id))[0]?.status).toBe('archived');
		expect((await rowsOf(theirs.listing.id))[0]?.status).toBe('active');
	});

	it('bulk archive records one audit event per listing it archived, and none for the rest', async () => {
		const first = await createListing(seller.userId, await listingInput({ title: 'First' }));
		const second = await createListing(seller.userId, await listingInput({ title: 'Second' }));
		if (!first.ok || !second.ok) throw new Error('setup');
		const ids = [first.listing.id, second.listing.id];

		expect(await archiveOwnListings(seller.userId, ids)).toBe(2);
		expect(await archiveOwnListings(seller.userId, ids)).toBe(0);

		const events = await database()
			.db.select()
			.from(auditEvent)
			.where(eq(auditEvent.action, 'listing.archived'));
		expect(events.map((event) => event.targetId).sort()).toEqual([...ids].sort());
		expect(events.every((event) => event.actorId === seller.userId)).toBe(true);
	});

	it('lists, filters, searches and pages the seller’s own listings', async () => {
		for (const title of ['Blue bowl', 'Green bowl', 'Red plate']) {
			await createListing(seller.userId, await listingInput({ title, status: 'draft' }));
		}
		await createListing(rival.userId, await listingInput({ title: 'Rival bowl' }));

		const bowls = await listOwnListings(seller.userId, { search: 'bowl', page: 1, pageSize: 10 });
		const drafts = await listOwnListings(seller.userId, {
			status: 'draft',
			page: 2,
			pageSize: 2
		});
		const wildcard = await listOwnListings(seller.userId, { search: '%', page: 1, pageSize: 10 });

		expect(bowls.listings.map((row) => row.title).sort()).toEqual(['Blue bowl', 'Green bowl']);
		expect(drafts).toMatchObject({ total: 3 });
		expect(drafts.listings).toHaveLength(1);
		expect(wildcard.total).toBe(0);
	});

	it('counts listings by status and raises stock alerts at the threshold', async () => {
		await createListing(seller.userId, await listingInput({ title: 'Low', stock: 2 }));
		await createListing(seller.userId, await listingInput({ title: 'Plenty', stock: 40 }));
		await createListing(
			seller.userId,
			await listingInput({ title: 'Draft', status: 'draft', stock: 0 })
		);

		expect(await countOwnListingsByStatus(seller.userId)).toEqual({
			draft: 1,
			active: 2,
			archived: 0
		});
		expect((await listStockAlerts(seller.userId, 3)).map((row) => row.title)).toEqual(['Low']);
		expect(await countOwnListingsByStatus(rival.userId)).toEqual({
			draft: 0,
			active: 0,
			archived: 0
		});
	});

	it('recent changes show the seller’s own edits, newest first', async () => {
		const created = await createListing(seller.userId, await listingInput());
		if (!created.ok) throw new Error(created.message);
		await updateListing(seller.userId, created.listing.id, await listingInput({ stock: 1 }));

		const changes = await listRecentChanges(seller.userId);

		expect(changes.map((change) => change.action)).toEqual([
			'listing.updated',
			'listing.created',
			'shop.opened'
		]);
		expect(changes[0]?.details).toMatchObject({ stock: [5, 1] });
		expect((await listRecentChanges(rival.userId)).map((change) => change.action)).toEqual([
			'shop.opened'
		]);
	});
});

describe(`what buyers see on ${testDriver()}`, () => {
	it('only active listings of open shops appear in public lists', async () => {
		await createListing(seller.userId, await listingInput({ title: 'Shown' }));
		await createListing(seller.userId, await listingInput({ title: 'Draft', status: 'draft' }));
		await createListing(seller.userId, await listingInput({ title: 'Old', status: 'archived' }));
		await createListing(rival.userId, await listingInput({ title: 'Suspended shop' }));
		await database().db.update(shop).set({ status: 'suspended' }).where(eq(shop.id, rival.shopId));

		const { listings, total } = await listPublicListings({ limit: 10 });

		expect(listings.map((row) => row.title)).toEqual(['Shown']);
		expect(total).toBe(1);
	});

	it('a banned seller’s listings disappear', async () => {
		await createListing(seller.userId, await listingInput({ title: 'Shown' }));
		await database().db.update(user).set({ status: 'banned' }).where(eq(user.id, seller.userId));

		expect((await listPublicListings({ limit: 10 })).total).toBe(0);
	});

	it('an away shop is left out of search but keeps its own shop page', async () => {
		await createListing(seller.userId, await listingInput({ title: 'Away mug' }));
		await database()
			.db.update(shopProfile)
			.set({ away: true })
			.where(eq(shopProfile.shopId, seller.shopId));

		expect((await listPublicListings({ limit: 10, search: 'mug' })).total).toBe(0);
		expect(
			(await listPublicListings({ limit: 10, shopId: seller.shopId, includeAway: true })).total
		).toBe(1);
	});

	it('a draft is a 404 for buyers and a preview for its own seller', async () => {
		const created = await createListing(seller.userId, await listingInput({ status: 'draft' }));
		if (!created.ok) throw new Error(created.message);
		const buyerId = await createBuyer();

		expect(await getListingForViewer(created.listing.slug, null)).toBeNull();
		expect(await getListingForViewer(created.listing.slug, buyerId)).toBeNull();
		expect(await getListingForViewer(created.listing.slug, rival.userId)).toBeNull();
		expect(await getListingForViewer(created.listing.slug, seller.userId)).toMatchObject({
			preview: 'This listing is draft.'
		});
	});

	it('an active listing shows its photos, shop and category to anyone', async () => {
		const created = await createListing(seller.userId, await listingInput(), [await photo()]);
		if (!created.ok) throw new Error(created.message);

		const page = await getListingForViewer(created.listing.slug, null);

		expect(page).toMatchObject({
			preview: null,
			listing: { title: 'Stoneware mug', priceMinor: 2400 },
			shop: { slug: seller.shopSlug },
			category: { slug: expect.any(String) }
		});
		expect(page?.photos).toHaveLength(1);
	});
});
