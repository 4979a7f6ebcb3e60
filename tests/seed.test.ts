import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	auditEvent,
	listing,
	listingPhoto,
	shop,
	storedObject,
	user
} from '../src/lib/server/db/schema';
import { verifyPassword } from '../src/lib/server/passwords';
import { DEMO_PASSWORD, DEMO_SHOP, seedDemoData } from '../src/lib/server/seed';
import { testDriver, useTestDatabase } from './helpers/database';

const database = useTestDatabase();

/** Everything the seed writes, in a stable order, so two snapshots compare equal. */
async function snapshot() {
	const users = await database().db.select().from(user).orderBy(asc(user.email));
	const shops = await database().db.select().from(shop).orderBy(asc(shop.slug));
	const events = await database().db.select().from(auditEvent).orderBy(asc(auditEvent.id));
	const listings = await database().db.select().from(listing).orderBy(asc(listing.slug));
	const photos = await database().db.select().from(listingPhoto).orderBy(asc(listingPhoto.id));
	const objects = await database()
		.db.select({ key: storedObject.key })
		.from(storedObject)
		.orderBy(asc(storedObject.key));
	return { users, shops, events, listings, photos, objects };
}

describe(`the demo data on ${testDriver()}`, () => {
	it('makes a buyer, a seller with the demo shop, and an admin', async () => {
		const logins = await seedDemoData();
		const demoAccounts = ['admin@example.com', 'buyer@example.com', 'seller@example.com'];

		const { users, shops, events } = await snapshot();
		expect(logins).toEqual([
			{ email: 'buyer@example.com', role: 'buyer' },
			{ email: 'seller@example.com', role: 'seller' },
			{ email: 'admin@example.com', role: 'admin' },
			{ email: 'potter@example.com', role: 'seller' },
			{ email: 'knitter@example.com', role: 'seller' }
		]);
		expect(
			users
				.filter((row) => demoAccounts.includes(row.email))
				.map(({ name, email, role, status }) => ({ name, email, role, status }))
		).toEqual([
			{ name: 'Demo Admin', email: 'admin@example.com', role: 'admin', status: 'active' },
			{ name: 'Demo Buyer', email: 'buyer@example.com', role: 'buyer', status: 'active' },
			{ name: 'Demo Seller', email: 'seller@example.com', role: 'seller', status: 'active' }
		]);
		const seller = users.find((row) => row.email === 'seller@example.com');
		// Note: the seller workspace adds two more sellers with their own shops, for a fuller market.
		expect(shops).toHaveLength(3);
		expect(shops.find((row) => row.slug === DEMO_SHOP.slug)).toMatchObject({
			...DEMO_SHOP,
			ownerId: seller?.id,
			status: 'active'
		});
		expect(events.map((event) => event.action)).toEqual(Array(3).fill('shop.opened'));
	});

	it('is idempotent: a second run leaves every row as the first run left it', async () => {
		await seedDemoData();
		const first = await snapshot();

		await seedDemoData();
		const second = await snapshot();

		expect(second.users).toHaveLength(5);
		expect(second.shops).toHaveLength(3);
		expect(second.events).toHaveLength(3);
		expect(second.listings.length).toBeGreaterThanOrEqual(23);
		expect(second.photos.length).toBeGreaterThan(second.listings.length);
		expect(second).toEqual(first);
	});

	it('lets every demo account sign in with the demo password, and with nothing else', async () => {
		await seedDemoData();

		const { users } = await snapshot();
		for (const account of users) {
			expect(account.passwordHash, account.email).toMatch(/^\$argon2id\$/);
			expect(await verifyPassword(account.passwordHash ?? '', DEMO_PASSWORD), account.email).toBe(
				true
			);
			expect(await verifyPassword(account.passwordHash ?? '', 'openstall-demo!')).toBe(false);
		}
	});
});
