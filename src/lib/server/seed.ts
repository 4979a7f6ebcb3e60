import { eq } from 'drizzle-orm';
import { db } from './db';
import { user, type Role } from './db/schema';
import { hashPassword } from './passwords';
import { createNewSellerAccount } from './shops';

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

	const [seller] = await db.select().from(user).where(eq(user.email, 'seller@example.com'));
	if (seller) {
		const opened = await createNewSellerAccount(seller.id, DEMO_SHOP);
		if (!opened.ok) throw new Error(`The demo shop could not be opened: ${opened.message}`);
	}

	return DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role }));
}
