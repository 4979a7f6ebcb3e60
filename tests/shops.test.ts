import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent, shop, user } from '../src/lib/server/db/schema';
import {
	createNewSellerAccount,
	listOpenShops,
	listShops,
	setShopStatus,
	updateOwnShop
} from '../src/lib/server/shops';
import { makeUser } from './factories';
import { testDriver, useTestDatabase } from './helpers/database';

const database = useTestDatabase();

const input = { name: 'River Pottery', slug: 'river-pottery', description: 'Bowls and cups.' };

async function countRows() {
	const [shops] = await database().db.select({ n: count() }).from(shop);
	const [events] = await database().db.select({ n: count() }).from(auditEvent);
	return { shops: shops?.n, events: events?.n };
}

describe(`createNewSellerAccount on ${testDriver()}`, () => {
	it('opens the shop, makes the buyer a seller and records it, in one go', async () => {
		const buyer = await makeUser();

		const result = await createNewSellerAccount(buyer.id, input);

		expect(result).toMatchObject({ ok: true, created: true, shop: { slug: 'river-pottery' } });
		const [row] = await database().db.select().from(user).where(eq(user.id, buyer.id));
		expect(row?.role).toBe('seller');
		const [event] = await database().db.select().from(auditEvent);
		expect(event).toMatchObject({ actorId: buyer.id, action: 'shop.opened', targetType: 'shop' });
	});

	it('makes one shop when the same buyer submits six times at once', async () => {
		const buyer = await makeUser();

		const results = await Promise.all(
			Array.from({ length: 6 }, () => createNewSellerAccount(buyer.id, input))
		);

		expect(results.every((result) => result.ok)).toBe(true);
		expect(results.filter((result) => result.ok && result.created)).toHaveLength(1);
		expect(await countRows()).toEqual({ shops: 1, events: 1 });
	});

	it('gives one of two buyers racing for the same name the shop, and the other a message', async () => {
		const [first, second] = await Promise.all([makeUser(), makeUser()]);

		const results = await Promise.all([
			createNewSellerAccount(first.id, input),
			createNewSellerAccount(second.id, { ...input, slug: 'other-slug' })
		]);

		expect(results.filter((result) => result.ok)).toHaveLength(1);
		expect(results.find((result) => !result.ok)).toMatchObject({ field: 'shopName' });
		expect(await countRows()).toEqual({ shops: 1, events: 1 });
		const roles = await database().db.select({ role: user.role }).from(user);
		expect(roles.map((row) => row.role).sort()).toEqual(['buyer', 'seller']);
	});

	it('refuses a name that differs only by case, width or accents', async () => {
		await createNewSellerAccount((await makeUser()).id, { ...input, name: 'Café Ümit', slug: 'a' });
		const buyer = await makeUser();

		const result = await createNewSellerAccount(buyer.id, {
			...input,
			name: 'CAFE UMIT',
			slug: 'b'
		});

		expect(result).toMatchObject({ ok: false, field: 'shopName' });
		const [row] = await database().db.select().from(user).where(eq(user.id, buyer.id));
		expect(row?.role).toBe('buyer');
		expect(await countRows()).toEqual({ shops: 1, events: 1 });
	});

	it('refuses a slug that is taken', async () => {
		await createNewSellerAccount((await makeUser()).id, input);

		const result = await createNewSellerAccount((await makeUser()).id, {
			...input,
			name: 'Another Name'
		});

		expect(result).toMatchObject({ ok: false, field: 'slug' });
		expect(await countRows()).toEqual({ shops: 1, events: 1 });
	});

	it('refuses a suspended buyer and an admin, writing nothing', async () => {
		const suspended = await makeUser({ status: 'suspended' });
		const admin = await makeUser({ role: 'admin' });

		expect(await createNewSellerAccount(suspended.id, input)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await createNewSellerAccount(admin.id, input)).toMatchObject({ ok: false, status: 403 });
		expect(await countRows()).toEqual({ shops: 0, events: 0 });
	});
});

describe(`updateOwnShop on ${testDriver()}`, () => {
	it("changes only the acting seller's own shop", async () => {
		const owner = await makeUser();
		const other = await makeUser();
		await createNewSellerAccount(owner.id, input);
		await createNewSellerAccount(other.id, {
			name: 'Other Shop',
			slug: 'other-shop',
			description: ''
		});

		const result = await updateOwnShop(owner.id, { name: 'River Pottery Co', description: 'New' });

		expect(result).toMatchObject({ ok: true, shop: { name: 'River Pottery Co' } });
		const [untouched] = await database().db.select().from(shop).where(eq(shop.ownerId, other.id));
		expect(untouched).toMatchObject({ name: 'Other Shop', description: '' });
	});

	it("refuses another shop's name and leaves the shop as it was", async () => {
		const owner = await makeUser();
		await createNewSellerAccount(owner.id, input);
		await createNewSellerAccount((await makeUser()).id, {
			name: 'Other Shop',
			slug: 'other-shop',
			description: ''
		});

		const result = await updateOwnShop(owner.id, { name: 'other shop', description: 'x' });

		expect(result).toMatchObject({ ok: false, field: 'shopName' });
		const [row] = await database().db.select().from(shop).where(eq(shop.ownerId, owner.id));
		expect(row).toMatchObject({ name: 'River Pottery', description: 'Bowls and cups.' });
	});

	it('answers not found to a buyer with no shop', async () => {
		const buyer = await makeUser();
		expect(await updateOwnShop(buyer.id, { name: 'Nope', description: '' })).toMatchObject({
			ok: false,
			status: 404
		});
	});
});

describe(`admin shop controls on ${testDriver()}`, () => {
	it('suspends a shop with a reason, hides it from the home page and reinstates it', async () => {
		const admin = await makeUser({ role: 'admin' });
		const owner = await makeUser({ email: 'potter@example.com' });
		const opened = await createNewSellerAccount(owner.id, input);
		if (!opened.ok) throw new Error(opened.message);
		expect((await listOpenShops(10)).map((s) => s.slug)).toEqual(['river-pottery']);

		expect(await setShopStatus(admin.id, opened.shop.id, 'suspended', 'Counterfeits')).toEqual({
			ok: true
		});
		expect(await listOpenShops(10)).toEqual([]);
		const [event] = await database()
			.db.select()
			.from(auditEvent)
			.where(eq(auditEvent.action, 'shop.suspended'));
		expect(event).toMatchObject({ actorId: admin.id, details: { reason: 'Counterfeits' } });

		await setShopStatus(admin.id, opened.shop.id, 'active', null);
		expect(await listOpenShops(10)).toHaveLength(1);
	});

	it('finds shops by owner email and answers 404 for a shop that does not exist', async () => {
		const admin = await makeUser({ role: 'admin' });
		const owner = await makeUser({ email: 'weaver@example.com' });
		await createNewSellerAccount(owner.id, { ...input, name: 'Loom', slug: 'loom' });

		expect((await listShops({ query: 'weaver@' })).shops.map((s) => s.slug)).toEqual(['loom']);
		expect(
			await setShopStatus(admin.id, '00000000-0000-4000-8000-000000000000', 'suspended', 'x')
		).toMatchObject({ ok: false, status: 404 });
	});
});
