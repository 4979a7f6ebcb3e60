import { asc, isNotNull } from 'drizzle-orm';
import sharp from 'sharp';
import { db } from '../../src/lib/server/db/index';
import { category, user } from '../../src/lib/server/db/schema';
import type { ListingInput } from '../../src/lib/server/listings';
import { createNewSellerAccount } from '../../src/lib/server/shops';

export type TestSeller = { userId: string; shopId: string; shopSlug: string };

let made = 0;

/** A signed-up user who has opened a shop, as the accounts issue makes them. */
export async function createSeller(name = `Seller ${++made}`): Promise<TestSeller> {
	const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	const [row] = await db
		.insert(user)
		.values({ name, email: `${slug}@example.com` })
		.returning({ id: user.id });
	if (!row) throw new Error('no user');
	const opened = await createNewSellerAccount(row.id, {
		name: `${name} Shop`,
		slug: `${slug}-shop`,
		description: ''
	});
	if (!opened.ok) throw new Error(opened.message);
	return { userId: row.id, shopId: opened.shop.id, shopSlug: opened.shop.slug };
}

export async function createBuyer(name = `Buyer ${++made}`): Promise<string> {
	const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.com`;
	const [row] = await db.insert(user).values({ name, email }).returning({ id: user.id });
	if (!row) throw new Error('no user');
	return row.id;
}

export async function leafCategoryIds(): Promise<number[]> {
	const rows = await db
		.select({ id: category.id })
		.from(category)
		.where(isNotNull(category.parentId))
		.orderBy(asc(category.id));
	return rows.map((row) => row.id);
}

export async function listingInput(overrides: Partial<ListingInput> = {}): Promise<ListingInput> {
	const [categoryId] = await leafCategoryIds();
	return {
		title: 'Stoneware mug',
		description: 'Holds a generous cup of tea.',
		priceMinor: 2400,
		stock: 5,
		categoryId: categoryId ?? 1,
		status: 'active',
		...overrides
	};
}

/** A small image made on the spot, in the format asked for. */
export async function testImage(
	format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff' = 'jpeg',
	width = 64,
	height = 48
): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: '#b4532a' } })
		.toFormat(format)
		.toBuffer();
}
