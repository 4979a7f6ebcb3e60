import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { db } from './db';
import { rateLimit } from './db/schema';

/**
 * Failed sign-ins, counted in PostgreSQL so every server instance sees the same numbers.
 * A window starts at the first failure and lasts WINDOW_MINUTES.
 */
export const SIGN_IN_LIMITS = { perEmail: 5, perAddress: 20, windowMinutes: 15 };

const window = sql.raw(`interval '${SIGN_IN_LIMITS.windowMinutes} minutes'`);

function keys(email: string, address: string) {
	return { email: `sign-in:email:${email}`, address: `sign-in:address:${address}` };
}

/** True when either this email or this client address has used up its failed attempts. */
export async function isSignInBlocked(email: string, address: string): Promise<boolean> {
	const { email: emailKey, address: addressKey } = keys(email, address);
	const rows = await db
		.select({ key: rateLimit.key, hits: rateLimit.hits })
		.from(rateLimit)
		.where(
			and(
				inArray(rateLimit.key, [emailKey, addressKey]),
				gt(rateLimit.windowStart, sql`now() - ${window}`)
			)
		);
	return rows.some(
		(row) =>
			row.hits >= (row.key === emailKey ? SIGN_IN_LIMITS.perEmail : SIGN_IN_LIMITS.perAddress)
	);
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
	const { email: emailKey, address: addressKey } = keys(email, address);
	for (const key of [emailKey, addressKey]) {
		await db
			.insert(rateLimit)
			.values({ key, hits: 1, windowStart: sql`now()` })
			.onConflictDoUpdate({
				target: rateLimit.key,
				set: {
					hits: sql`case when ${rateLimit.windowStart} > now() - ${window} then ${rateLimit.hits} + 1 else 1 end`,
					windowStart: sql`case when ${rateLimit.windowStart} > now() - ${window} then ${rateLimit.windowStart} else now() end`
				}
			});
	}
}

/** A successful sign-in forgives the email's earlier failures (not the address's). */
export async function clearSignInFailures(email: string): Promise<void> {
	await db.delete(rateLimit).where(eq(rateLimit.key, keys(email, '').email));
}
