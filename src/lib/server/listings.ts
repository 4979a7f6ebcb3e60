import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gt, ilike, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditEvent } from './audit';
import { categoryExists } from './categories';
import { db, type Database } from './db';
import {
	auditEvent,
	category,
	listing,
	listingPhoto,
	listingStatus,
	shop,
	shopProfile,
	user,
	type Listing,
	type ListingPhoto,
	type ListingStatus
} from './db/schema';
import {
	MAX_LISTING_PHOTOS,
	releaseImages,
	saveWithImages,
	type ImageVariant,
	type PreparedPhoto
} from './photos';
import { getOwnShop } from './shop-profiles';
import { slugify } from './shop-names';

/** Listings and their photos: what a seller puts up for sale, and what buyers may see of it. */

export const LISTING_TITLE_MAX = 120;
export const LISTING_DESCRIPTION_MAX = 5000;
export const PRICE_MAX_MINOR = 100_000_000;
export const STOCK_MAX = 100_000;
export const ALT_TEXT_MAX = 200;
export const LISTING_STATUSES = listingStatus.enumValues;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HTML_TAG = /<\s*[a-z!/?]/i;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/**
 * "12", "12.5" and "12.50" (or with a comma) in minor units, by string and integer arithmetic
 * only, so no float ever rounds a price. Null for anything else.
 */
export function parsePriceMinor(raw: string): number | null {
	const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(raw.trim());
	if (!match) return null;
	const whole = Number(match[1]);
	const cents = Number((match[2] ?? '').padEnd(2, '0'));
	return whole * 100 + cents;
}

/** Minor units back to the decimal string the form shows, e.g. 1250 → "12.50". */
export function formatPriceInput(priceMinor: number): string {
	return `${Math.trunc(priceMinor / 100)}.${String(priceMinor % 100).padStart(2, '0')}`;
}

const plainText = (raw: string): boolean => !HTML_TAG.test(raw);

export const listingFormSchema = z
	.object({
		title: z
			.string()
			.transform((raw) => raw.normalize('NFKC').replace(/\s+/g, ' ').trim())
			.pipe(
				z
					.string()
					.min(1, 'Give the listing a title.')
					.max(LISTING_TITLE_MAX, `Keep the title to ${LISTING_TITLE_MAX} characters or fewer.`)
					.refine(plainText, 'Titles are plain text: remove the HTML tags.')
			),
		description: z
			.string()
			.transform((raw) => raw.replace(/\r\n/g, '\n').trim())
			.pipe(
				z
					.string()
					.max(
						LISTING_DESCRIPTION_MAX,
						`Keep the description to ${LISTING_DESCRIPTION_MAX} characters or fewer.`
					)
					.refine(plainText, 'Descriptions are plain text: remove the HTML tags.')
			),
		price: z.string().transform((raw, ctx) => {
			const trimmed = raw.trim();
			const problem =
				trimmed === ''
					? 'Enter a price.'
					: trimmed.startsWith('-')
						? 'The price cannot be negative.'
						: null;
			const priceMinor = problem ? null : parsePriceMinor(trimmed);
			if (priceMinor === null) {
				ctx.addIssue({ code: 'custom', message: problem ?? 'Enter a price like 12.50.' });
				return z.NEVER;
			}
			if (priceMinor > PRICE_MAX_MINOR) {
				ctx.addIssue({ code: 'custom', message: 'Keep the price below 1,000,000.' });
				return z.NEVER;
			}
			return priceMinor;
		}),
		stock: z.string().transform((raw, ctx) => {
			const trimmed = raw.trim();
			let message: string | null = null;
			if (trimmed === '') message = 'Enter how many you have in stock.';
			else if (/^-\s*\d/.test(trimmed)) message = 'Stock cannot be negative.';
			else if (!/^\d{1,6}$/.test(trimmed)) message = 'Enter a whole number, like 5.';
			else if (Number(trimmed) > STOCK_MAX) message = `Keep stock at ${STOCK_MAX} or fewer.`;
			if (message) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return Number(trimmed);
		}),
		category: z
			.string()
			.regex(/^\d{1,9}$/, 'Choose a category.')
			.transform((raw) => Number(raw)),
		status: z.enum(LISTING_STATUSES, { error: 'Choose draft, active or archived.' })
	})
	.transform((input) => ({
		title: input.title,
		description: input.description,
		priceMinor: input.price,
		stock: input.stock,
		categoryId: input.category,
		status: input.status
	}));

export const altTextSchema = z
	.string()
	.transform((raw) => raw.replace(/\s+/g, ' ').trim())
	.pipe(
		z
			.string()
			.max(ALT_TEXT_MAX, `Keep the description to ${ALT_TEXT_MAX} characters or fewer.`)
			.refine(plainText, 'Photo descriptions are plain text: remove the HTML tags.')
	);

export type ListingInput = z.output<typeof listingFormSchema>;

export type ListingField =
	'title' | 'description' | 'price' | 'stock' | 'category' | 'status' | 'photos';

export type ListingResult =
	| { ok: true; listing: Listing }
	| { ok: false; status: 400 | 404; field?: ListingField; message: string };

const NOT_FOUND = { ok: false, status: 404, message: 'We could not find that listing.' } as const;

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

/** The listing if it belongs to the acting seller's shop, locked until the transaction ends. */
async function lockOwnListing(
	tx: Executor,
	ownerId: string,
	listingId: string
): Promise<Listing | null> {
	if (!isUuid(listingId)) return null;
	const [row] = await tx
		.select({ listing })
		.from(listing)
		.innerJoin(shop, eq(shop.id, listing.shopId))
		.where(and(eq(listing.id, listingId), eq(shop.ownerId, ownerId)))
		.for('update', { of: listing });
	return row?.listing ?? null;
}

function newListingSlug(title: string): string {
	const base = slugify(title).slice(0, 60).replace(/-+$/, '') || 'listing';
	return `${base}-${randomBytes(4).toString('hex').slice(0, 6)}`;
}

function photoImages(photos: PreparedPhoto[]): ImageVariant[] {
	return photos.flatMap((photo) => [photo.large, photo.small]);
}

async function insertPhotos(
	tx: Executor,
	listingId: string,
	firstPosition: number,
	photos: PreparedPhoto[],
	altText: string
): Promise<void> {
	if (photos.length === 0) return;
	await tx.insert(listingPhoto).values(
		photos.map((photo, index) => ({
			listingId,
			position: firstPosition + index,
			altText,
			largeKey: photo.large.key,
			smallKey: photo.small.key,
			width: photo.large.width,
			height: photo.large.height
		}))
	);
}

function tooManyPhotos(existing: number): ListingResult {
	const room = MAX_LISTING_PHOTOS - existing;
	return {
		ok: false,
		status: 400,
		field: 'photos',
		message:
			room > 0
				? `A listing holds at most ${MAX_LISTING_PHOTOS} photos; add ${room} or fewer.`
				: `A listing holds at most ${MAX_LISTING_PHOTOS} photos; remove one to add another.`
	};
}

const UNKNOWN_CATEGORY: ListingResult = {
	ok: false,
	status: 400,
	field: 'category',
	message: 'Choose a category from the list.'
};

/** Puts a new listing in the acting seller's shop, priced in the shop's currency. */
export async function createListing(
	ownerId: string,
	input: ListingInput,
	photos: PreparedPhoto[] = []
): Promise<ListingResult> {
	const own = await getOwnShop(ownerId);
	if (!own) return { ok: false, status: 404, message: 'You do not have a shop yet.' };
	if (!(await categoryExists(input.categoryId))) return UNKNOWN_CATEGORY;
	if (photos.length > MAX_LISTING_PHOTOS) return tooManyPhotos(0);

	return saveWithImages(photoImages(photos), async (): Promise<ListingResult> => {
		const created = await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(listing)
				.values({
					shopId: own.shop.id,
					title: input.title,
					slug: newListingSlug(input.title),
					description: input.description,
					priceMinor: input.priceMinor,
					currency: own.profile.currency,
					stock: input.stock,
					categoryId: input.categoryId,
					status: input.status
				})
				.returning();
			if (!row) throw new Error('The listing insert returned no row');
			await insertPhotos(tx, row.id, 0, photos, input.title);
			await recordAuditEvent(tx, {
				actorId: ownerId,
				action: 'listing.created',
				targetType: 'listing',
				targetId: row.id,
				details: { title: row.title, status: row.status }
			});
			return row;
		});
		return { ok: true, listing: created };
	});
}

/** Changes one of the acting seller's listings and appends any new photos after the others. */
export async function updateListing(
	ownerId: string,
	listingId: string,
	input: ListingInput,
	photos: PreparedPhoto[] = []
): Promise<ListingResult> {
	if (!(await getOwnListing(ownerId, listingId))) return NOT_FOUND;
	if (!(await categoryExists(input.categoryId))) return UNKNOWN_CATEGORY;
	if (photos.length > MAX_LISTING_PHOTOS) return tooManyPhotos(0);

	return saveWithImages(photoImages(photos), () =>
		db.transaction(async (tx): Promise<ListingResult> => {
			const current = await lockOwnListing(tx, ownerId, listingId);
			if (!current) return NOT_FOUND;
			const [held] = await tx
				.select({ n: count() })
				.from(listingPhoto)
				.where(eq(listingPhoto.listingId, listingId));
			const existing = held?.n ?? 0;
			if (existing + photos.length > MAX_LISTING_PHOTOS) return tooManyPhotos(existing);

			const [updated] = await tx
				.update(listing)
				.set({
					title: input.title,
					description: input.description,
					priceMinor: input.priceMinor,
					stock: input.stock,
					categoryId: input.categoryId,
					status: input.status
				})
				.where(eq(listing.id, current.id))
				.returning();
			if (!updated) return NOT_FOUND;
			await insertPhotos(tx, listingId, existing, photos, input.title);
			await recordAuditEvent(tx, {
				actorId: ownerId,
				action: 'listing.updated',
				targetType: 'listing',
				targetId: listingId,
				details: {
					title: updated.title,
					...listingChanges(current, updated),
					photosAdded: photos.length
				}
			});
			return { ok: true, listing: updated };
		})
	);
}

function listingChanges(before: Listing, after: Listing): Record<string, [unknown, unknown]> {
	const changes: Record<string, [unknown, unknown]> = {};
	for (const key of ['title', 'priceMinor', 'stock', 'status', 'categoryId'] as const) {
		if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
	}
	return changes;
}

/** Archives those of the given listings that belong to the acting seller; others are ignored. */
export async function archiveOwnListings(ownerId: string, listingIds: string[]): Promise<number> {
	const ids = listingIds.filter(isUuid);
	if (ids.length === 0) return 0;
	return db.transaction(async (tx) => {
		const archived = await tx
			.update(listing)
			.set({ status: 'archived' })
			.where(
				and(
					inArray(listing.id, ids),
					ne(listing.status, 'archived'),
					inArray(
						listing.shopId,
						tx.select({ id: shop.id }).from(shop).where(eq(shop.ownerId, ownerId))
					)
				)
			)
			.returning({ id: listing.id, title: listing.title });
		await recordAuditEvent(
			tx,
			archived.map((row) => ({
				actorId: ownerId,
				action: 'listing.archived',
				targetType: 'listing',
				targetId: row.id,
				details: { title: row.title }
			}))
		);
		return archived.length;
	});
}

export type OwnListing = { listing: Listing; photos: ListingPhoto[] };

export async function getOwnListing(
	ownerId: string,
	listingId: string
): Promise<OwnListing | null> {
	if (!isUuid(listingId)) return null;
	const [row] = await db
		.select({ listing })
		.from(listing)
		.innerJoin(shop, eq(shop.id, listing.shopId))
		.where(and(eq(listing.id, listingId), eq(shop.ownerId, ownerId)));
	if (!row) return null;
	const photos = await db
		.select()
		.from(listingPhoto)
		.where(eq(listingPhoto.listingId, listingId))
		.orderBy(asc(listingPhoto.position));
	return { listing: row.listing, photos };
}

/** Finds a photo of the acting seller's own listing and locks that listing. */
async function lockOwnPhoto(
	tx: Executor,
	ownerId: string,
	photoId: string
): Promise<ListingPhoto | null> {
	if (!isUuid(photoId)) return null;
	const [row] = await tx
		.select({ photo: listingPhoto })
		.from(listingPhoto)
		.innerJoin(listing, eq(listing.id, listingPhoto.listingId))
		.innerJoin(shop, eq(shop.id, listing.shopId))
		.where(and(eq(listingPhoto.id, photoId), eq(shop.ownerId, ownerId)))
		.for('update', { of: listing });
	return row?.photo ?? null;
}

/** Removes a photo and closes the gap it leaves; false when it is not the seller's. */
export async function removeListingPhoto(ownerId: string, photoId: string): Promise<boolean> {
	const removed = await db.transaction(async (tx) => {
		const photo = await lockOwnPhoto(tx, ownerId, photoId);
		if (!photo) return null;
		await tx.delete(listingPhoto).where(eq(listingPhoto.id, photo.id));
		await tx
			.update(listingPhoto)
			.set({ position: sql`${listingPhoto.position} - 1` })
			.where(
				and(eq(listingPhoto.listingId, photo.listingId), gt(listingPhoto.position, photo.position))
			);
		await recordAuditEvent(tx, {
			actorId: ownerId,
			action: 'listing.photo_removed',
			targetType: 'listing',
			targetId: photo.listingId,
			details: { photoId: photo.id }
		});
		return photo;
	});
	if (!removed) return false;
	await releaseImages([removed.largeKey, removed.smallKey]);
	return true;
}

/** Swaps a photo with its neighbour; the first photo is the one buyers see on cards. */
export async function moveListingPhoto(
	ownerId: string,
	photoId: string,
	direction: 'earlier' | 'later'
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const photo = await lockOwnPhoto(tx, ownerId, photoId);
		if (!photo) return false;
		const target = photo.position + (direction === 'earlier' ? -1 : 1);
		const [neighbour] = await tx
			.select()
			.from(listingPhoto)
			.where(and(eq(listingPhoto.listingId, photo.listingId), eq(listingPhoto.position, target)));
		if (!neighbour) return true;
		await tx
			.update(listingPhoto)
			.set({ position: photo.position })
			.where(eq(listingPhoto.id, neighbour.id));
		await tx.update(listingPhoto).set({ position: target }).where(eq(listingPhoto.id, photo.id));
		return true;
	});
}

export async function updateListingPhotoAlt(
	ownerId: string,
	photoId: string,
	altText: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const photo = await lockOwnPhoto(tx, ownerId, photoId);
		if (!photo) return false;
		await tx.update(listingPhoto).set({ altText }).where(eq(listingPhoto.id, photo.id));
		return true;
	});
}

export type OwnListingRow = Pick<
	Listing,
	'id' | 'title' | 'slug' | 'status' | 'priceMinor' | 'currency' | 'stock' | 'updatedAt'
> & { photoKey: string | null };

export type OwnListingQuery = {
	status?: ListingStatus | null;
	search?: string;
	page: number;
	pageSize: number;
};

const firstPhotoKey = sql<string | null>`(
	select ${listingPhoto.smallKey} from ${listingPhoto}
	where ${listingPhoto.listingId} = ${listing.id}
	order by ${listingPhoto.position} limit 1
)`;

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The seller's listings table: filtered by status, searched by title, newest change first. */
export async function listOwnListings(
	ownerId: string,
	options: OwnListingQuery
): Promise<{ listings: OwnListingRow[]; total: number }> {
	const conditions: SQL[] = [eq(shop.ownerId, ownerId)];
	if (options.status) conditions.push(eq(listing.status, options.status));
	const search = options.search?.trim();
	if (search) conditions.push(ilike(listing.title, `%${escapeLike(search)}%`));
	const where = and(...conditions);

	const [rows, [totalRow]] = await Promise.all([
		db
			.select({
				id: listing.id,
				title: listing.title,
				slug: listing.slug,
				status: listing.status,
				priceMinor: listing.priceMinor,
				currency: listing.currency,
				stock: listing.stock,
				updatedAt: listing.updatedAt,
				photoKey: firstPhotoKey
			})
			.from(listing)
			.innerJoin(shop, eq(shop.id, listing.shopId))
			.where(where)
			.orderBy(desc(listing.updatedAt), desc(listing.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db
			.select({ n: count() })
			.from(listing)
			.innerJoin(shop, eq(shop.id, listing.shopId))
			.where(where)
	]);
	return { listings: rows, total: totalRow?.n ?? 0 };
}

export async function countOwnListingsByStatus(
	ownerId: string
): Promise<Record<ListingStatus, number>> {
	const rows = await db
		.select({ status: listing.status, n: count() })
		.from(listing)
		.innerJoin(shop, eq(shop.id, listing.shopId))
		.where(eq(shop.ownerId, ownerId))
		.groupBy(listing.status);
	const counts: Record<ListingStatus, number> = { draft: 0, active: 0, archived: 0 };
	for (const row of rows) counts[row.status] = row.n;
	return counts;
}

export type StockAlert = Pick<Listing, 'id' | 'title' | 'stock'>;

/** Active listings running low: at or below the threshold the seller chose. */
export async function listStockAlerts(ownerId: string, threshold: number): Promise<StockAlert[]> {
	return db
		.select({ id: listing.id, title: listing.title, stock: listing.stock })
		.from(listing)
		.innerJoin(shop, eq(shop.id, listing.shopId))
		.where(
			and(eq(shop.ownerId, ownerId), eq(listing.status, 'active'), lte(listing.stock, threshold))
		)
		.orderBy(asc(listing.stock), asc(listing.title))
		.limit(20);
}

export type ListingChange = {
	id: number;
	action: string;
	targetId: string | null;
	details: Record<string, unknown>;
	createdAt: Date;
};

/** What the seller changed lately, from the audit trail their own actions wrote. */
export async function listRecentChanges(ownerId: string, limit = 8): Promise<ListingChange[]> {
	return db
		.select({
			id: auditEvent.id,
			action: auditEvent.action,
			targetId: auditEvent.targetId,
			details: auditEvent.details,
			createdAt: auditEvent.createdAt
		})
		.from(auditEvent)
		.where(
			and(eq(auditEvent.actorId, ownerId), inArray(auditEvent.targetType, ['listing', 'shop']))
		)
		.orderBy(desc(auditEvent.id))
		.limit(limit);
}

// Buyers' side.

const openShop = and(
	eq(shop.status, 'active'),
	eq(user.status, 'active'),
	eq(user.role, 'seller')
) as SQL;

const notAway = sql`coalesce(${shopProfile.away}, false) = false`;

export type ListingCard = Pick<
	Listing,
	'id' | 'slug' | 'title' | 'priceMinor' | 'currency' | 'stock'
> & { shopName: string; shopSlug: string; photoKey: string | null; photoAlt: string | null };

export type PublicListingQuery = {
	search?: string;
	categoryIds?: number[];
	shopId?: string;
	excludeListingId?: string;
	/** Away shops stay off search and browse pages, but their own shop page still lists them. */
	includeAway?: boolean;
	limit: number;
	offset?: number;
};

/** Active listings of open shops: the only listings a buyer ever sees in a list. */
export async function listPublicListings(
	options: PublicListingQuery
): Promise<{ listings: ListingCard[]; total: number }> {
	const conditions: SQL[] = [eq(listing.status, 'active'), openShop];
	if (!options.includeAway) conditions.push(notAway);
	const search = options.search?.trim();
	if (search) conditions.push(ilike(listing.title, `%${escapeLike(search)}%`));
	if (options.categoryIds) conditions.push(inArray(listing.categoryId, options.categoryIds));
	if (options.shopId) conditions.push(eq(listing.shopId, options.shopId));
	if (options.excludeListingId) conditions.push(ne(listing.id, options.excludeListingId));
	const where = and(...conditions);

	const [rows, [totalRow]] = await Promise.all([
		db
			.select({
				id: listing.id,
				slug: listing.slug,
				title: listing.title,
				priceMinor: listing.priceMinor,
				currency: listing.currency,
				stock: listing.stock,
				shopName: shop.name,
				shopSlug: shop.slug,
				photoKey: firstPhotoKey,
				photoAlt: sql<string | null>`(
					select ${listingPhoto.altText} from ${listingPhoto}
					where ${listingPhoto.listingId} = ${listing.id}
					order by ${listingPhoto.position} limit 1
				)`
			})
			.from(listing)
			.innerJoin(shop, eq(shop.id, listing.shopId))
			.innerJoin(user, eq(user.id, shop.ownerId))
			.leftJoin(shopProfile, eq(shopProfile.shopId, shop.id))
			.where(where)
			.orderBy(desc(listing.createdAt), desc(listing.id))
			.limit(options.limit)
			.offset(options.offset ?? 0),
		db
			.select({ n: count() })
			.from(listing)
			.innerJoin(shop, eq(shop.id, listing.shopId))
			.innerJoin(user, eq(user.id, shop.ownerId))
			.leftJoin(shopProfile, eq(shopProfile.shopId, shop.id))
			.where(where)
	]);
	return { listings: rows, total: totalRow?.n ?? 0 };
}

export type ListingPage = {
	listing: Pick<
		Listing,
		'id' | 'slug' | 'title' | 'description' | 'priceMinor' | 'currency' | 'stock' | 'status'
	>;
	photos: Pick<ListingPhoto, 'id' | 'largeKey' | 'smallKey' | 'altText' | 'width' | 'height'>[];
	shop: { id: string; name: string; slug: string; logoKey: string | null };
	category: { name: string; slug: string };
	away: { until: string | null } | null;
	/** Why only the seller can see this page, or null when buyers can too. */
	preview: string | null;
};

/**
 * A listing page as this viewer may see it: active listings of open shops for everyone, anything
 * else only for the shop's own seller (with the reason buyers cannot see it), null otherwise.
 */
export async function getListingForViewer(
	slug: string,
	viewerId: string | null
): Promise<ListingPage | null> {
	const [row] = await db
		.select({
			listing,
			shop: { id: shop.id, name: shop.name, slug: shop.slug, status: shop.status },
			ownerId: shop.ownerId,
			owner: { status: user.status, role: user.role },
			profile: {
				logoKey: shopProfile.logoKey,
				away: shopProfile.away,
				until: shopProfile.awayUntil
			},
			category: { name: category.name, slug: category.slug }
		})
		.from(listing)
		.innerJoin(shop, eq(shop.id, listing.shopId))
		.innerJoin(user, eq(user.id, shop.ownerId))
		.innerJoin(category, eq(category.id, listing.categoryId))
		.leftJoin(shopProfile, eq(shopProfile.shopId, shop.id))
		.where(eq(listing.slug, slug));
	if (!row) return null;

	const shopOpen =
		row.shop.status === 'active' && row.owner.status === 'active' && row.owner.role === 'seller';
	let preview: string | null = null;
	if (row.listing.status !== 'active') preview = `This listing is ${row.listing.status}.`;
	else if (!shopOpen) preview = 'Your shop is suspended.';
	if (preview && row.ownerId !== viewerId) return null;

	const photos = await db
		.select({
			id: listingPhoto.id,
			largeKey: listingPhoto.largeKey,
			smallKey: listingPhoto.smallKey,
			altText: listingPhoto.altText,
			width: listingPhoto.width,
			height: listingPhoto.height
		})
		.from(listingPhoto)
		.where(eq(listingPhoto.listingId, row.listing.id))
		.orderBy(asc(listingPhoto.position));

	const { id, title, description, priceMinor, currency, stock, status } = row.listing;
	return {
		listing: {
			id,
			slug: row.listing.slug,
			title,
			description,
			priceMinor,
			currency,
			stock,
			status
		},
		photos,
		shop: {
			id: row.shop.id,
			name: row.shop.name,
			slug: row.shop.slug,
			logoKey: row.profile?.logoKey ?? null
		},
		category: row.category,
		away: row.profile?.away ? { until: row.profile.until } : null,
		preview
	};
}
