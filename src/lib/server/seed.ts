import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { db } from './db';
import { category, listing, listingPhoto, shopProfile, user, type Role } from './db/schema';
import { hashPassword } from './passwords';
import {
	prepareListingPhoto,
	prepareShopImage,
	storeImages,
	type ImageVariant,
	type PreparedPhoto
} from './photos';
import { getOwnShop } from './shop-profiles';
import { createNewSellerAccount } from './shops';
import { slugify } from './shop-names';

export const DEMO_PASSWORD = 'openstall-demo';

export const DEMO_ACCOUNTS = [
	{ name: 'Demo Buyer', email: 'buyer@example.com', role: 'buyer' },
	{ name: 'Demo Seller', email: 'seller@example.com', role: 'seller' },
	{ name: 'Demo Admin', email: 'admin@example.com', role: 'admin' }
] as const satisfies readonly { name: string; email: string; role: Role }[];

export const DEMO_SHOP = {
	name: 'Harbour Lane Goods',
	slug: 'harbour-lane-goods',
	description: 'Small-batch homewares and stationery, packed by hand and shipped within two days.'
};

/**
 * Puts the demo accounts (and what later issues add to them) in place. Safe to run any number of
 * times: rows that exist are left as they are, so a second run changes nothing.
 */
export async function seedDemoData(): Promise<{ email: string; role: Role }[]> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);

	for (const account of DEMO_ACCOUNTS) {
		await db
			.insert(user)
			.values({
				name: account.name,
				email: account.email,
				passwordHash,
				role: account.role === 'admin' ? 'admin' : 'buyer'
			})
			.onConflictDoNothing({ target: user.email });
	}

	for (const owner of MORE_DEMO_SELLERS) {
		await db
			.insert(user)
			.values({ name: owner.name, email: owner.email, passwordHash })
			.onConflictDoNothing({ target: user.email });
	}

	for (const demo of [{ email: 'seller@example.com', ...DEMO_STOCK }, ...MORE_DEMO_SELLERS]) {
		const [seller] = await db.select().from(user).where(eq(user.email, demo.email));
		if (!seller) continue;
		const opened = await createNewSellerAccount(seller.id, demo.shop);
		if (!opened.ok) throw new Error(`The demo shop could not be opened: ${opened.message}`);
		await seedShopImages(seller.id, demo.hue);
		await seedListings(seller.id, demo.listings);
	}

	return [
		...DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })),
		...MORE_DEMO_SELLERS.map(({ email }) => ({ email, role: 'seller' as const }))
	];
}

type DemoListing = {
	title: string;
	category: string;
	price: number;
	stock: number;
	status?: 'draft' | 'active' | 'archived';
	motif: Motif;
	hue: number;
	photos?: number;
	description: string;
};

type DemoShop = {
	shop: { name: string; slug: string; description: string };
	hue: number;
	listings: DemoListing[];
};

const DEMO_STOCK: DemoShop = {
	shop: DEMO_SHOP,
	hue: 22,
	listings: [
		{
			title: 'Enamel camping mug',
			category: 'kitchen-dining',
			price: 1450,
			stock: 18,
			motif: 'mug',
			hue: 200,
			photos: 2,
			description:
				'A speckled enamel mug that survives campfires and dishwashers alike. Holds 350 ml.'
		},
		{
			title: 'Linen tea towel, harbour stripe',
			category: 'textiles',
			price: 1200,
			stock: 2,
			motif: 'stripes',
			hue: 210,
			description: 'Heavy washed linen, woven in a blue harbour stripe. 50 × 70 cm.'
		},
		{
			title: 'Oak serving board',
			category: 'kitchen-dining',
			price: 3800,
			stock: 6,
			motif: 'board',
			hue: 30,
			photos: 2,
			description: 'Cut from a single piece of European oak and finished with food-safe oil.'
		},
		{
			title: 'Dot-grid notebook, A5',
			category: 'notebooks',
			price: 950,
			stock: 40,
			motif: 'notebook',
			hue: 150,
			description: '160 pages of 100 gsm paper that takes fountain pen ink without bleeding.'
		},
		{
			title: 'Brass desk bell',
			category: 'pens-desk',
			price: 2200,
			stock: 1,
			motif: 'circle',
			hue: 45,
			description: 'A small brass bell for the desk that wants a little ceremony.'
		},
		{
			title: 'Beeswax candle pair',
			category: 'decor',
			price: 1600,
			stock: 12,
			motif: 'candle',
			hue: 48,
			photos: 2,
			description: 'Two hand-dipped candles of pure beeswax. Each burns for about eight hours.'
		},
		{
			title: 'Harbour map print',
			category: 'cards-prints',
			price: 2500,
			stock: 9,
			motif: 'waves',
			hue: 195,
			description: 'A risograph print of the old harbour chart, A3, on recycled paper.'
		},
		{
			title: 'Waxed canvas tote',
			category: 'bags',
			price: 4200,
			stock: 3,
			motif: 'tote',
			hue: 95,
			description: 'Waxed cotton canvas with leather handles; shrugs off drizzle.'
		},
		{
			title: 'Smoked sea salt',
			category: 'pantry',
			price: 650,
			stock: 30,
			motif: 'jar',
			hue: 15,
			description: 'Flaky salt smoked over oak, 150 g in a glass jar.'
		},
		{
			title: 'Breakfast tea blend',
			category: 'tea-coffee',
			price: 890,
			stock: 25,
			motif: 'jar',
			hue: 340,
			description: 'A malty Assam and Ceylon blend, 100 g of loose leaf.'
		},
		{
			title: 'Greeting card set',
			category: 'cards-prints',
			price: 1100,
			stock: 0,
			motif: 'cards',
			hue: 280,
			description: 'Six folded cards with envelopes, each printed with a different knot.'
		},
		{
			title: 'Rope doorstop',
			category: 'decor',
			price: 2800,
			stock: 4,
			status: 'draft',
			motif: 'circle',
			hue: 35,
			description: 'A heavy coil of recycled rope. Still deciding on the colours.'
		},
		{
			title: 'Winter wool scarf',
			category: 'knitwear',
			price: 5200,
			stock: 0,
			status: 'archived',
			motif: 'stripes',
			hue: 0,
			description: 'Last winter’s scarf, kept here until the knitters start again in autumn.'
		}
	]
};

/** Two more sellers, so the home page shows a marketplace rather than one shop. */
const MORE_DEMO_SELLERS: (DemoShop & { name: string; email: string })[] = [
	{
		name: 'Demo Potter',
		email: 'potter@example.com',
		hue: 160,
		shop: {
			name: 'Fernwood Ceramics',
			slug: 'fernwood-ceramics',
			description:
				'Wheel-thrown stoneware from a small studio in the woods, glazed in greens and greys.'
		},
		listings: [
			{
				title: 'Celadon bowl',
				category: 'ceramics',
				price: 3400,
				stock: 7,
				motif: 'bowl',
				hue: 150,
				photos: 2,
				description: 'A deep bowl for noodles or salad, in a pale celadon glaze.'
			},
			{
				title: 'Stoneware pour-over',
				category: 'tea-coffee',
				price: 4800,
				stock: 3,
				motif: 'mug',
				hue: 120,
				description: 'A cone dripper that fits most mugs, unglazed on the outside.'
			},
			{
				title: 'Speckled dinner plate',
				category: 'ceramics',
				price: 2900,
				stock: 14,
				motif: 'plate',
				hue: 40,
				description: 'A 27 cm plate in an oatmeal glaze with iron speckles.'
			},
			{
				title: 'Bud vase trio',
				category: 'decor',
				price: 3600,
				stock: 5,
				motif: 'vase',
				hue: 175,
				description: 'Three small vases for single stems, each a little different.'
			},
			{
				title: 'Moss green mug',
				category: 'kitchen-dining',
				price: 2600,
				stock: 11,
				motif: 'mug',
				hue: 100,
				description: 'A 300 ml mug with a generous handle and a moss green glaze.'
			}
		]
	},
	{
		name: 'Demo Knitter',
		email: 'knitter@example.com',
		hue: 300,
		shop: {
			name: 'Thistle & Thread',
			slug: 'thistle-and-thread',
			description: 'Knitwear and bags made from undyed and plant-dyed wool.'
		},
		listings: [
			{
				title: 'Fisherman beanie',
				category: 'knitwear',
				price: 3900,
				stock: 8,
				motif: 'stripes',
				hue: 220,
				photos: 2,
				description: 'A ribbed beanie in undyed wool, warm enough for the harbour wall.'
			},
			{
				title: 'Plant-dyed mittens',
				category: 'knitwear',
				price: 4500,
				stock: 2,
				motif: 'circle',
				hue: 300,
				description: 'Mittens dyed with madder root; every pair comes out a little different.'
			},
			{
				title: 'Market string bag',
				category: 'bags',
				price: 1800,
				stock: 20,
				motif: 'tote',
				hue: 60,
				description: 'A cotton string bag that folds into a pocket.'
			},
			{
				title: 'Silver thistle pendant',
				category: 'jewellery',
				price: 6500,
				stock: 4,
				motif: 'circle',
				hue: 260,
				description: 'A small recycled silver thistle on a 45 cm chain.'
			},
			{
				title: 'Wool throw, heather',
				category: 'textiles',
				price: 12500,
				stock: 1,
				motif: 'stripes',
				hue: 320,
				description: 'A 130 × 180 cm throw woven from heather-coloured wool.'
			}
		]
	}
];

type Motif =
	| 'mug'
	| 'stripes'
	| 'board'
	| 'notebook'
	| 'circle'
	| 'candle'
	| 'waves'
	| 'tote'
	| 'jar'
	| 'cards'
	| 'bowl'
	| 'plate'
	| 'vase';

/** Plain shapes drawn as SVG: enough to tell listings apart without downloading anything. */
function motifShapes(motif: Motif, ink: string, light: string): string {
	switch (motif) {
		case 'mug':
			return `<rect x="250" y="260" width="300" height="340" rx="30" fill="${ink}"/><path d="M550 340 h60 a70 70 0 0 1 0 140 h-60" fill="none" stroke="${ink}" stroke-width="40"/>`;
		case 'stripes':
			return [0, 1, 2, 3, 4, 5]
				.map(
					(i) =>
						`<rect x="200" y="${200 + i * 70}" width="400" height="35" fill="${i % 2 ? light : ink}"/>`
				)
				.join('');
		case 'board':
			return `<rect x="180" y="260" width="440" height="300" rx="40" fill="${ink}"/><circle cx="660" cy="410" r="40" fill="${ink}"/>`;
		case 'notebook':
			return `<rect x="240" y="180" width="320" height="440" rx="12" fill="${ink}"/>${[0, 1, 2, 3, 4].map((i) => `<line x1="290" x2="510" y1="${280 + i * 60}" y2="${280 + i * 60}" stroke="${light}" stroke-width="8"/>`).join('')}`;
		case 'candle':
			return `<rect x="280" y="300" width="90" height="320" fill="${ink}"/><rect x="430" y="300" width="90" height="320" fill="${ink}"/><ellipse cx="325" cy="260" rx="20" ry="40" fill="${light}"/><ellipse cx="475" cy="260" rx="20" ry="40" fill="${light}"/>`;
		case 'waves':
			return [0, 1, 2, 3]
				.map(
					(i) =>
						`<path d="M150 ${300 + i * 80} q 62 -50 125 0 t 125 0 t 125 0 t 125 0" fill="none" stroke="${ink}" stroke-width="24"/>`
				)
				.join('');
		case 'tote':
			return `<path d="M300 330 a100 110 0 0 1 200 0" fill="none" stroke="${ink}" stroke-width="24"/><rect x="220" y="330" width="360" height="320" rx="16" fill="${ink}"/>`;
		case 'jar':
			return `<rect x="300" y="220" width="200" height="60" rx="10" fill="${light}"/><rect x="270" y="280" width="260" height="340" rx="40" fill="${ink}"/>`;
		case 'cards':
			return `<rect x="200" y="260" width="280" height="360" rx="8" fill="${light}" transform="rotate(-10 340 440)"/><rect x="320" y="220" width="280" height="360" rx="8" fill="${ink}" transform="rotate(8 460 400)"/>`;
		case 'bowl':
			return `<path d="M180 360 h440 a220 220 0 0 1 -440 0 z" fill="${ink}"/><ellipse cx="400" cy="360" rx="220" ry="40" fill="${light}"/>`;
		case 'plate':
			return `<circle cx="400" cy="400" r="250" fill="${ink}"/><circle cx="400" cy="400" r="170" fill="${light}"/>`;
		case 'vase':
			return `<path d="M360 200 h80 v80 q120 80 60 340 h-200 q-60 -260 60 -340 z" fill="${ink}"/>`;
		case 'circle':
			return `<circle cx="400" cy="400" r="210" fill="${ink}"/><circle cx="400" cy="400" r="90" fill="${light}"/>`;
	}
}

function demoSvg(motif: Motif, hue: number, variant: number): Buffer {
	const background = `hsl(${hue}, 35%, ${variant % 2 ? 88 : 93}%)`;
	const ink = `hsl(${hue}, 45%, ${variant % 2 ? 38 : 45}%)`;
	const light = `hsl(${hue}, 40%, 78%)`;
	const angle = variant * 12;
	return Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">` +
			`<rect width="800" height="800" fill="${background}"/>` +
			`<g transform="rotate(${angle} 400 400)">${motifShapes(motif, ink, light)}</g></svg>`
	);
}

async function demoPhoto(motif: Motif, hue: number, variant: number): Promise<PreparedPhoto> {
	const png = await sharp(demoSvg(motif, hue, variant))
		.png()
		.toBuffer();
	const prepared = await prepareListingPhoto(png);
	if (!prepared.ok) throw new Error(`A demo photo failed its own checks: ${prepared.message}`);
	return prepared.image;
}

async function seedShopImages(ownerId: string, hue: number): Promise<void> {
	const own = await getOwnShop(ownerId);
	if (!own || own.profile.logoKey || own.profile.bannerKey) return;
	const logoPng = await sharp(demoSvg('circle', hue, 1))
		.png()
		.toBuffer();
	const bannerPng = await sharp(demoSvg('waves', hue, 0))
		.resize({ width: 1600, height: 400, fit: 'cover' })
		.png()
		.toBuffer();
	const [logo, banner] = await Promise.all([
		prepareShopImage(logoPng, 'logo'),
		prepareShopImage(bannerPng, 'banner')
	]);
	if (!logo.ok || !banner.ok) throw new Error('A demo shop image failed its own checks');
	await storeImages([logo.image, banner.image]);
	await db
		.update(shopProfile)
		.set({ logoKey: logo.image.key, bannerKey: banner.image.key })
		.where(eq(shopProfile.shopId, own.shop.id));
}

/** Demo listings have fixed slugs, so a second run finds them and adds nothing. */
async function seedListings(ownerId: string, demos: DemoListing[]): Promise<void> {
	const own = await getOwnShop(ownerId);
	if (!own) return;
	const slugs = demos.map((demo) => `${slugify(demo.title)}-demo`);
	const existing = new Set(
		(await db.select({ slug: listing.slug }).from(listing).where(inArray(listing.slug, slugs))).map(
			(row) => row.slug
		)
	);
	const categories = new Map(
		(await db.select({ id: category.id, slug: category.slug }).from(category)).map((row) => [
			row.slug,
			row.id
		])
	);

	for (const [index, demo] of demos.entries()) {
		const slug = slugs[index];
		const categoryId = categories.get(demo.category);
		if (!slug || existing.has(slug) || categoryId === undefined) continue;
		const photos = await Promise.all(
			Array.from({ length: demo.photos ?? 1 }, (_, variant) =>
				demoPhoto(demo.motif, demo.hue, variant)
			)
		);
		await storeImages(photos.flatMap((photo): ImageVariant[] => [photo.large, photo.small]));
		await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(listing)
				.values({
					shopId: own.shop.id,
					title: demo.title,
					slug,
					description: demo.description,
					priceMinor: demo.price,
					currency: own.profile.currency,
					stock: demo.stock,
					categoryId,
					status: demo.status ?? 'active'
				})
				.onConflictDoNothing({ target: listing.slug })
				.returning({ id: listing.id });
			if (!row) return;
			await tx.insert(listingPhoto).values(
				photos.map((photo, position) => ({
					listingId: row.id,
					position,
					altText: demo.title,
					largeKey: photo.large.key,
					smallKey: photo.small.key,
					width: photo.large.width,
					height: photo.large.height
				}))
			);
		});
	}
}
