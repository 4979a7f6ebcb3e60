import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	changeUserAccess,
	createBuyerAccount,
	listUsers,
	promoteToAdmin,
	readSessionUser
} from '../src/lib/server/accounts';
import { auditEvent, user } from '../src/lib/server/db/schema';
import { verifyPassword } from '../src/lib/server/passwords';
import { TEST_PASSWORD, makeUser } from './factories';
import { testDriver, useTestDatabase } from './helpers/database';

const database = useTestDatabase();

async function auditCount(): Promise<number> {
	const [row] = await database().db.select({ n: count() }).from(auditEvent);
	return row?.n ?? 0;
}

describe(`accounts on ${testDriver()}`, () => {
	it('creates a buyer with an argon2id hash, never the password itself', async () => {
		const created = await createBuyerAccount({
			name: 'Ada',
			email: 'ada@example.com',
			password: TEST_PASSWORD
		});

		expect(created).toMatchObject({ ok: true, user: { role: 'buyer', status: 'active' } });
		const [row] = await database().db.select().from(user).where(eq(user.email, 'ada@example.com'));
		expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(row?.passwordHash ?? '', TEST_PASSWORD)).toBe(true);
	});

	it('refuses a second account for the same email and keeps the first as it was', async () => {
		const first = await makeUser({ email: 'ada@example.com', name: 'First' });

		const second = await createBuyerAccount({
			name: 'Second',
			email: 'ada@example.com',
			password: 'another password 123'
		});

		expect(second).toMatchObject({ ok: false, field: 'email' });
		const rows = await database().db.select().from(user);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ id: first.id, name: 'First' });
	});

	it("changes a user's role, records who did it, and the next read sees it", async () => {
		const admin = await makeUser({ role: 'admin' });
		const seller = await makeUser({ role: 'seller' });

		const result = await changeUserAccess(admin.id, seller.id, { role: 'buyer' });

		expect(result).toEqual({ ok: true });
		expect(await readSessionUser(seller.id)).toMatchObject({ role: 'buyer' });
		const [event] = await database().db.select().from(auditEvent);
		expect(event).toMatchObject({
			actorId: admin.id,
			action: 'user.role_changed',
			targetId: seller.id,
			details: { from: { role: 'seller' }, to: { role: 'buyer' } }
		});
	});

	it('bans with a reason and lifts the ban again', async () => {
		const admin = await makeUser({ role: 'admin' });
		const buyer = await makeUser();

		await changeUserAccess(admin.id, buyer.id, { status: 'banned', reason: 'Fraud' });
		expect(await readSessionUser(buyer.id)).toMatchObject({ status: 'banned' });
		const [banned] = await database().db.select().from(user).where(eq(user.id, buyer.id));
		expect(banned?.statusReason).toBe('Fraud');

		await changeUserAccess(admin.id, buyer.id, { status: 'active' });
		const [lifted] = await database().db.select().from(user).where(eq(user.id, buyer.id));
		expect(lifted).toMatchObject({ status: 'active', statusReason: null });
		expect(await auditCount()).toBe(2);
	});

	it('will not demote, suspend or ban the last active admin, and writes nothing', async () => {
		const admin = await makeUser({ role: 'admin' });

		for (const change of [
			{ role: 'buyer' as const },
			{ status: 'suspended' as const, reason: 'x' },
			{ status: 'banned' as const, reason: 'x' }
		]) {
			expect(await changeUserAccess(admin.id, admin.id, change)).toMatchObject({
				ok: false,
				status: 400
			});
		}
		expect(await readSessionUser(admin.id)).toMatchObject({ role: 'admin', status: 'active' });
		expect(await auditCount()).toBe(0);
	});

	it('lets one of two admins demote themselves once there is another', async () => {
		const first = await makeUser({ role: 'admin' });
		await makeUser({ role: 'admin' });

		expect(await changeUserAccess(first.id, first.id, { role: 'buyer' })).toEqual({ ok: true });
	});

	it('keeps one admin when two admins demote each other at once', async () => {
		const first = await makeUser({ role: 'admin' });
		const second = await makeUser({ role: 'admin' });

		const results = await Promise.all([
			changeUserAccess(first.id, second.id, { role: 'buyer' }),
			changeUserAccess(second.id, first.id, { role: 'buyer' })
		]);

		expect(results.filter((result) => result.ok)).toHaveLength(1);
		const [admins] = await database()
			.db.select({ n: count() })
			.from(user)
			.where(eq(user.role, 'admin'));
		expect(admins?.n).toBe(1);
	});

	it('answers 404 for a user that does not exist', async () => {
		const admin = await makeUser({ role: 'admin' });
		expect(
			await changeUserAccess(admin.id, '00000000-0000-4000-8000-000000000000', { role: 'seller' })
		).toMatchObject({ ok: false, status: 404 });
	});

	it('finds users by part of the name or email, a page at a time, with % taken literally', async () => {
		for (let i = 0; i < 5; i++) await makeUser({ name: `Potter ${i}` });
		await makeUser({ name: 'Weaver', email: 'weaver@example.com' });
		await makeUser({ name: '100% Wool' });

		const potters = await listUsers({ query: 'potter', pageSize: 2, page: 2 });
		expect(potters.total).toBe(5);
		expect(potters.users).toHaveLength(2);
		expect((await listUsers({ query: 'WEAVER@' })).users.map((u) => u.name)).toEqual(['Weaver']);
		expect((await listUsers({ query: '%' })).users.map((u) => u.name)).toEqual(['100% Wool']);
	});

	it('promotes an existing account to admin from the command line, and no one else', async () => {
		const buyer = await makeUser({ email: 'owner@example.com' });

		expect(await promoteToAdmin('owner@example.com')).toMatchObject({
			id: buyer.id,
			role: 'admin'
		});
		expect(await promoteToAdmin('nobody@example.com')).toBeNull();
		expect(
			await database().db.select({ n: count() }).from(user).where(eq(user.role, 'admin'))
		).toEqual([{ n: 1 }]);
	});
});
