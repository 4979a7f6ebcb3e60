import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../src/lib/server/db/schema';
import { createTestDatabase, testDriver, type TestDatabase } from './helpers/database';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

describe(`the ${testDriver()} driver`, () => {
	it('runs the committed migrations and round-trips a row', async () => {
		const [inserted] = await database.db
			.insert(user)
			.values({ name: 'Round Trip', email: 'round.trip@example.com' })
			.returning();
		const [read] = await database.db.select().from(user).where(eq(user.id, inserted!.id));

		expect(read).toMatchObject({
			name: 'Round Trip',
			email: 'round.trip@example.com',
			role: 'buyer',
			status: 'active'
		});
		expect(read?.createdAt).toBeInstanceOf(Date);
		expect(database.driver).toBe(testDriver());
	});

	it('refuses an email that is not stored normalised', async () => {
		await expect(
			database.db.insert(user).values({ name: 'Loud', email: 'LOUD@example.com' })
		).rejects.toThrow();
		expect(await database.db.select().from(user).where(eq(user.name, 'Loud'))).toEqual([]);
	});
});
