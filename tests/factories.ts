import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createBuyerAccount, type SessionUser } from '../src/lib/server/accounts';
import { db } from '../src/lib/server/db/index';
import { user, type Role, type UserStatus } from '../src/lib/server/db/schema';

export const TEST_PASSWORD = 'correct horse battery';

/** A new buyer with a unique email; give a role or status to make someone else. */
export async function makeUser(
	options: { name?: string; email?: string; role?: Role; status?: UserStatus } = {}
): Promise<SessionUser> {
	const email = options.email ?? `user-${randomBytes(4).toString('hex')}@example.com`;
	const created = await createBuyerAccount({
		name: options.name ?? 'Test Person',
		email,
		password: TEST_PASSWORD
	});
	if (!created.ok) throw new Error(created.message);
	if (options.role || options.status) {
		await db
			.update(user)
			.set({ role: options.role, status: options.status })
			.where(eq(user.id, created.user.id));
	}
	return { ...created.user, role: options.role ?? 'buyer', status: options.status ?? 'active' };
}
