import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rateLimit } from '../src/lib/server/db/schema';
import {
	SIGN_IN_LIMITS,
	clearSignInFailures,
	isSignInBlocked,
	recordSignInFailure
} from '../src/lib/server/rate-limit';
import { testDriver, useTestDatabase } from './helpers/database';

const database = useTestDatabase();

describe(`the sign-in rate limit on ${testDriver()}`, () => {
	it('blocks an email after its allowed failures, from any address', async () => {
		for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
			expect(await isSignInBlocked('ada@example.com', `10.0.0.${i}`)).toBe(false);
			await recordSignInFailure('ada@example.com', `10.0.0.${i}`);
		}

		expect(await isSignInBlocked('ada@example.com', '10.9.9.9')).toBe(true);
		expect(await isSignInBlocked('grace@example.com', '10.9.9.9')).toBe(false);
	});

	it('blocks an address that tries many emails', async () => {
		for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
			await recordSignInFailure(`user${i}@example.com`, '192.0.2.7');
		}

		expect(await isSignInBlocked('fresh@example.com', '192.0.2.7')).toBe(true);
		expect(await isSignInBlocked('fresh@example.com', '192.0.2.8')).toBe(false);
	});

	it('counts concurrent failures without losing any', async () => {
		await Promise.all(
			Array.from({ length: 8 }, () => recordSignInFailure('ada@example.com', '192.0.2.1'))
		);

		const rows = await database().db.select().from(rateLimit);
		expect(rows.find((row) => row.key.includes('email'))?.hits).toBe(8);
	});

	it('starts counting again once the window has passed', async () => {
		for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
			await recordSignInFailure('ada@example.com', '192.0.2.1');
		}
		await database()
			.db.update(rateLimit)
			.set({ windowStart: sql`now() - interval '1 hour'` });

		expect(await isSignInBlocked('ada@example.com', '192.0.2.1')).toBe(false);
		await recordSignInFailure('ada@example.com', '192.0.2.1');
		const rows = await database().db.select().from(rateLimit);
		expect(rows.every((row) => row.hits === 1)).toBe(true);
	});

	it("forgives an email's failures after a successful sign-in", async () => {
		for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
			await recordSignInFailure('ada@example.com', '192.0.2.1');
		}
		await clearSignInFailures('ada@example.com');

		expect(await isSignInBlocked('ada@example.com', '192.0.2.2')).toBe(false);
	});
});
