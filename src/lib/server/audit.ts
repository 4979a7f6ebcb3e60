import { desc, eq } from 'drizzle-orm';
import { db, type Database } from './db';
import { auditEvent, user } from './db/schema';

export type AuditInput = {
	actorId: string | null;
	action: string;
	targetType: string;
	targetId?: string | null;
	details?: Record<string, unknown>;
};

/**
 * Appends audit events in one insert; pass the transaction so they commit or roll back with the
 * change they record.
 */
export async function recordAuditEvent(
	tx: Pick<Database, 'insert'>,
	events: AuditInput | AuditInput[]
): Promise<void> {
	const rows = (Array.isArray(events) ? events : [events]).map((event) => ({
		actorId: event.actorId,
		action: event.action,
		targetType: event.targetType,
		targetId: event.targetId ?? null,
		details: event.details ?? {}
	}));
	if (rows.length > 0) await tx.insert(auditEvent).values(rows);
}

export type AuditListItem = {
	id: number;
	action: string;
	targetType: string;
	targetId: string | null;
	details: Record<string, unknown>;
	createdAt: Date;
	actorEmail: string | null;
};

export async function listAuditEvents(options: {
	page: number;
	pageSize: number;
}): Promise<AuditListItem[]> {
	return db
		.select({
			id: auditEvent.id,
			action: auditEvent.action,
			targetType: auditEvent.targetType,
			targetId: auditEvent.targetId,
			details: auditEvent.details,
			createdAt: auditEvent.createdAt,
			actorEmail: user.email
		})
		.from(auditEvent)
		.leftJoin(user, eq(user.id, auditEvent.actorId))
		.orderBy(desc(auditEvent.id))
		.limit(options.pageSize)
		.offset((options.page - 1) * options.pageSize);
}
