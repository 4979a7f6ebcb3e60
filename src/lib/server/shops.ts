import { and, count, desc, eq, ilike, ne, or } from 'drizzle-orm';
import { recordAuditEvent } from './audit';
import { containsPattern } from './paging';
import { db } from './db';
import { shop, user, type Shop } from './db/schema';
import { forgetSessionUser } from './session-cache';
import { shopNameKey } from './shop-names';

export type ShopInput = { name: string; slug: string; description: string };

export type ShopField = 'shopName' | 'slug' | 'description';

export type ShopResult =
	| { ok: true; shop: Shop; created: boolean }
	| { ok: false; status: 400 | 403 | 404; field?: ShopField; message: string };

const NAME_TAKEN = 'A shop with this name already exists. Choose another name.';
const SLUG_TAKEN = 'This shop address is taken. Choose another.';

type UniqueViolation = { code: string; constraint_name?: string; constraint?: string };

function uniqueViolation(error: unknown): string | null {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as UniqueViolation & { cause?: unknown };
		if (candidate.code === '23505') return candidate.constraint_name ?? candidate.constraint ?? '';
		current = candidate.cause;
	}
	return null;
}

function conflictResult(constraint: string): ShopResult {
	if (constraint.includes('slug'))
		return { ok: false, status: 400, field: 'slug', message: SLUG_TAKEN };
	return { ok: false, status: 400, field: 'shopName', message: NAME_TAKEN };
}

/**
 * Opens a shop for a buyer and makes them a seller, in one transaction with its audit event.
 * The user's row is locked first, so repeated or concurrent submits by one person make one shop:
 * the later ones find it and report it as already open.
 */
export async function createNewSellerAccount(
	userId: string,
	input: ShopInput
): Promise<ShopResult> {
	const nameKey = shopNameKey(input.name);
	try {
		const result = await db.transaction(async (tx): Promise<ShopResult> => {
			const [owner] = await tx.select().from(user).where(eq(user.id, userId)).for('update');
			if (!owner) return { ok: false, status: 404, message: 'Your account no longer exists.' };
			if (owner.status !== 'active') {
				return {
					ok: false,
					status: 403,
					message: 'Your account is suspended, so it cannot open a shop.'
				};
			}

			const [existing] = await tx.select().from(shop).where(eq(shop.ownerId, userId));
			if (existing) return { ok: true, shop: existing, created: false };
			if (owner.role === 'admin') {
				return {
					ok: false,
					status: 403,
					message: 'Admin accounts do not sell. Open the shop from a separate account.'
				};
			}

			const [clash] = await tx
				.select({ nameKey: shop.nameKey, slug: shop.slug })
				.from(shop)
				.where(eq(shop.nameKey, nameKey))
				.union(
					tx
						.select({ nameKey: shop.nameKey, slug: shop.slug })
						.from(shop)
						.where(eq(shop.slug, input.slug))
				);
			if (clash) return conflictResult(clash.nameKey === nameKey ? 'name' : 'slug');

			const [created] = await tx
				.insert(shop)
				.values({
					ownerId: userId,
					name: input.name,
					nameKey,
					slug: input.slug,
					description: input.description
				})
				.returning();
			if (!created) throw new Error('The shop insert returned no row');

			await tx.update(user).set({ role: 'seller' }).where(eq(user.id, userId));
			await recordAuditEvent(tx, {
				actorId: userId,
				action: 'shop.opened',
				targetType: 'shop',
				targetId: created.id,
				details: { name: created.name, slug: created.slug, previousRole: owner.role }
			});
			return { ok: true, shop: created, created: true };
		});
		if (result.ok && result.created) forgetSessionUser(userId);
		return result;
	} catch (error) {
		// Note: another buyer can take the same name or slug between our check and our insert;
		// the unique index catches it, and the whole transaction rolled back.
		const constraint = uniqueViolation(error);
		if (constraint === null) throw error;
		if (constraint.includes('owner')) {
			const [existing] = await db.select().from(shop).where(eq(shop.ownerId, userId));
			if (existing) return { ok: true, shop: existing, created: false };
		}
		return conflictResult(constraint);
	}
}

export async function getShopByOwner(ownerId: string): Promise<Shop | null> {
	const [row] = await db.select().from(shop).where(eq(shop.ownerId, ownerId)).limit(1);
	return row ?? null;
}

/** Changes the acting seller's own shop; the owner comes from the session, never the form. */
export async function updateOwnShop(
	ownerId: string,
	input: Omit<ShopInput, 'slug'>
): Promise<ShopResult> {
	const nameKey = shopNameKey(input.name);
	const current = await getShopByOwner(ownerId);
	if (!current) return { ok: false, status: 404, message: 'You do not have a shop yet.' };

	const [clash] = await db
		.select({ id: shop.id })
		.from(shop)
		.where(and(eq(shop.nameKey, nameKey), ne(shop.id, current.id)));
	if (clash) return conflictResult('name');

	try {
		return await db.transaction(async (tx): Promise<ShopResult> => {
			const [updated] = await tx
				.update(shop)
				.set({ name: input.name, nameKey, description: input.description })
				.where(and(eq(shop.id, current.id), eq(shop.ownerId, ownerId)))
				.returning();
			if (!updated) return { ok: false, status: 404, message: 'You do not have a shop yet.' };
			await recordAuditEvent(tx, {
				actorId: ownerId,
				action: 'shop.updated',
				targetType: 'shop',
				targetId: updated.id,
				details: { name: updated.name }
			});
			return { ok: true, shop: updated, created: false };
		});
	} catch (error) {
		const constraint = uniqueViolation(error);
		if (constraint === null) throw error;
		return conflictResult(constraint);
	}
}

export type ShopSummary = Pick<Shop, 'name' | 'slug' | 'description'>;

/** Active shops of active sellers, newest first: what a visitor may see. */
export async function listOpenShops(limit: number): Promise<ShopSummary[]> {
	return db
		.select({ name: shop.name, slug: shop.slug, description: shop.description })
		.from(shop)
		.innerJoin(user, eq(user.id, shop.ownerId))
		.where(and(eq(shop.status, 'active'), eq(user.status, 'active'), eq(user.role, 'seller')))
		.orderBy(desc(shop.createdAt))
		.limit(limit);
}

export type ShopListItem = Pick<Shop, 'id' | 'name' | 'slug' | 'status' | 'createdAt'> & {
	ownerEmail: string;
};

/** Every shop for admins: searchable by shop name, slug or owner email, a page at a time. */
export async function listShops(options: {
	query?: string;
	page?: number;
	pageSize?: number;
}): Promise<{ shops: ShopListItem[]; total: number; page: number; pageSize: number }> {
	const pageSize = options.pageSize ?? 20;
	const page = Math.max(1, options.page ?? 1);
	const pattern = containsPattern(options.query);
	const where = pattern
		? or(ilike(shop.name, pattern), ilike(shop.slug, pattern), ilike(user.email, pattern))
		: undefined;

	const [shops, [total]] = await Promise.all([
		db
			.select({
				id: shop.id,
				name: shop.name,
				slug: shop.slug,
				status: shop.status,
				createdAt: shop.createdAt,
				ownerEmail: user.email
			})
			.from(shop)
			.innerJoin(user, eq(user.id, shop.ownerId))
			.where(where)
			.orderBy(desc(shop.createdAt), shop.slug)
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db.select({ n: count() }).from(shop).innerJoin(user, eq(user.id, shop.ownerId)).where(where)
	]);
	return { shops, total: total?.n ?? 0, page, pageSize };
}

/** Suspends or reinstates a shop on an admin's behalf; a suspended shop is hidden from buyers. */
export async function setShopStatus(
	actorId: string,
	shopId: string,
	status: Shop['status'],
	reason: string | null
): Promise<{ ok: true } | { ok: false; status: 404; message: string }> {
	return db.transaction(async (tx) => {
		const [updated] = await tx
			.update(shop)
			.set({ status })
			.where(eq(shop.id, shopId))
			.returning({ id: shop.id });
		if (!updated) return { ok: false, status: 404, message: 'There is no such shop.' };
		await recordAuditEvent(tx, {
			actorId,
			action: status === 'suspended' ? 'shop.suspended' : 'shop.reinstated',
			targetType: 'shop',
			targetId: shopId,
			details: reason ? { reason } : {}
		});
		return { ok: true };
	});
}
