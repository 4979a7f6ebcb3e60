import { and, count, desc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import { recordAuditEvent } from './audit';
import { containsPattern } from './paging';
import { connection, db, type Database } from './db';
import { account, user, type Role, type User, type UserStatus } from './db/schema';
import { hashPassword } from './passwords';
import { forgetSessionUser } from './session-cache';

export type SessionUser = Pick<User, 'id' | 'name' | 'email' | 'role' | 'status'>;

export type NewAccountInput = { name: string; email: string; password: string };

export type CreateAccountResult =
	{ ok: true; user: SessionUser } | { ok: false; field: 'email'; message: string };

const sessionColumns = {
	id: user.id,
	name: user.name,
	email: user.email,
	role: user.role,
	status: user.status
};

/** Creates a buyer with a password. The email must already be normalised. */
export async function createBuyerAccount(input: NewAccountInput): Promise<CreateAccountResult> {
	const passwordHash = await hashPassword(input.password);

	const [created] = await db
		.insert(user)
		.values({ name: input.name, email: input.email, passwordHash })
		.onConflictDoNothing({ target: user.email })
		.returning(sessionColumns);

	if (!created) {
		return {
			ok: false,
			field: 'email',
			message: 'An account with this email already exists. Sign in instead.'
		};
	}
	return { ok: true, user: created };
}

function prepareSessionRead(database: Database) {
	return database
		.select(sessionColumns)
		.from(user)
		.where(eq(user.id, sql.placeholder('id')))
		.limit(1)
		.prepare('openstall_session_user');
}

// Note: one prepared query per connection. Every signed-in request runs it, and building the
// query anew each time cost several times the read itself (measured in BENCHMARKS.md).
const sessionReads = new WeakMap<Database, ReturnType<typeof prepareSessionRead>>();

/** The user's role and status as the database holds them now, by primary key. */
export async function readSessionUser(id: string): Promise<SessionUser | null> {
	const database = connection().db;
	let read = sessionReads.get(database);
	if (!read) {
		read = prepareSessionRead(database);
		sessionReads.set(database, read);
	}
	const [row] = await read.execute({ id });
	return row ?? null;
}

export async function findUserByEmail(
	email: string
): Promise<(SessionUser & { passwordHash: string | null }) | null> {
	const [row] = await db
		.select({ ...sessionColumns, passwordHash: user.passwordHash })
		.from(user)
		.where(eq(user.email, email))
		.limit(1);
	return row ?? null;
}

export type UserListItem = SessionUser & { statusReason: string | null; createdAt: Date };

export async function listUsers(options: {
	query?: string;
	page?: number;
	pageSize?: number;
}): Promise<{ users: UserListItem[]; total: number; page: number; pageSize: number }> {
	const pageSize = options.pageSize ?? 20;
	const page = Math.max(1, options.page ?? 1);
	const pattern = containsPattern(options.query);
	const where = pattern ? or(ilike(user.email, pattern), ilike(user.name, pattern)) : undefined;

	const [users, [total]] = await Promise.all([
		db
			.select({ ...sessionColumns, statusReason: user.statusReason, createdAt: user.createdAt })
			.from(user)
			.where(where)
			.orderBy(desc(user.createdAt), user.email)
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db.select({ n: count() }).from(user).where(where)
	]);
	return { users, total: total?.n ?? 0, page, pageSize };
}

export type AdminChangeResult = { ok: true } | { ok: false; status: 400 | 404; message: string };

/**
 * Changes a user's role or status on an admin's behalf. The row lock serialises concurrent
 * changes, so two admins cannot demote each other out of the last admin account at once.
 */
export async function changeUserAccess(
	actorId: string,
	targetId: string,
	change: { role?: Role; status?: UserStatus; reason?: string | null }
): Promise<AdminChangeResult> {
	const result = await db.transaction(async (tx): Promise<AdminChangeResult> => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('openstall:admin-access'))`);
		const [target] = await tx.select().from(user).where(eq(user.id, targetId)).for('update');
		if (!target) return { ok: false, status: 404, message: 'There is no such user.' };

		const losesAdmin =
			target.role === 'admin' &&
			target.status === 'active' &&
			((change.role !== undefined && change.role !== 'admin') ||
				(change.status !== undefined && change.status !== 'active'));
		if (losesAdmin) {
			const [others] = await tx
				.select({ n: count() })
				.from(user)
				.where(and(eq(user.role, 'admin'), eq(user.status, 'active'), ne(user.id, targetId)));
			if (!others || others.n === 0) {
				return {
					ok: false,
					status: 400,
					message: 'This is the last active admin account; make another admin first.'
				};
			}
		}

		const values: Partial<typeof user.$inferInsert> = {};
		if (change.role !== undefined) values.role = change.role;
		if (change.status !== undefined) {
			values.status = change.status;
			values.statusReason = change.status === 'active' ? null : (change.reason ?? null);
		}
		await tx.update(user).set(values).where(eq(user.id, targetId));
		await recordAuditEvent(tx, {
			actorId,
			action: change.role !== undefined ? 'user.role_changed' : 'user.status_changed',
			targetType: 'user',
			targetId,
			details: {
				from: { role: target.role, status: target.status },
				to: { role: values.role ?? target.role, status: values.status ?? target.status },
				...(values.statusReason ? { reason: values.statusReason } : {})
			}
		});
		return { ok: true };
	});
	if (result.ok) forgetSessionUser(targetId);
	return result;
}

/** Makes an existing account an admin: the way to create the first admin on a deployment. */
export async function promoteToAdmin(email: string): Promise<SessionUser | null> {
	return db.transaction(async (tx) => {
		const [updated] = await tx
			.update(user)
			.set({ role: 'admin', status: 'active', statusReason: null })
			.where(eq(user.email, email))
			.returning(sessionColumns);
		if (!updated) return null;
		await recordAuditEvent(tx, {
			actorId: null,
			action: 'user.promoted_to_admin',
			targetType: 'user',
			targetId: updated.id,
			details: { via: 'command line' }
		});
		return updated;
	});
}

/** The OAuth/OIDC providers linked to this user, and whether a password is set. */
export async function listSignInMethods(
	userId: string
): Promise<{ password: boolean; providers: string[] }> {
	const [row] = await db
		.select({ passwordHash: user.passwordHash })
		.from(user)
		.where(eq(user.id, userId));
	const linked = await db
		.select({ provider: account.provider })
		.from(account)
		.where(eq(account.userId, userId))
		.orderBy(account.provider);
	return { password: Boolean(row?.passwordHash), providers: linked.map((link) => link.provider) };
}
