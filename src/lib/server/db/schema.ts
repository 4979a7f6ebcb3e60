import { sql } from 'drizzle-orm';
import {
	bigserial,
	check,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { AdapterAccountType } from '@auth/core/adapters';

const timestamps = {
	createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
		.notNull()
		.defaultNow()
		.$onUpdate(() => new Date())
};

export const userRole = pgEnum('user_role', ['buyer', 'seller', 'admin']);
export const userStatus = pgEnum('user_status', ['active', 'suspended', 'banned']);
export const shopStatus = pgEnum('shop_status', ['active', 'suspended']);

export type Role = (typeof userRole.enumValues)[number];
export type UserStatus = (typeof userStatus.enumValues)[number];
export type ShopStatus = (typeof shopStatus.enumValues)[number];

export const user = pgTable(
	'user',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name'),
		email: text('email').notNull(),
		emailVerified: timestamp('email_verified', { withTimezone: true, mode: 'date' }),
		image: text('image'),
		passwordHash: text('password_hash'),
		role: userRole('role').notNull().default('buyer'),
		status: userStatus('status').notNull().default('active'),
		statusReason: text('status_reason'),
		...timestamps
	},
	(t) => [
		uniqueIndex('user_email_unique').on(t.email),
		check('user_email_normalised', sql`${t.email} = lower(btrim(${t.email}))`)
	]
);

export const account = pgTable(
	'account',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		type: text('type').$type<AdapterAccountType>().notNull(),
		provider: text('provider').notNull(),
		providerAccountId: text('provider_account_id').notNull(),
		refresh_token: text('refresh_token'),
		access_token: text('access_token'),
		expires_at: integer('expires_at'),
		token_type: text('token_type'),
		scope: text('scope'),
		id_token: text('id_token'),
		session_state: text('session_state')
	},
	(t) => [
		primaryKey({ columns: [t.provider, t.providerAccountId] }),
		index('account_user_id_idx').on(t.userId)
	]
);

export const verificationToken = pgTable(
	'verification_token',
	{
		identifier: text('identifier').notNull(),
		token: text('token').notNull(),
		expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.identifier, t.token] })]
);

export const shop = pgTable(
	'shop',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		ownerId: uuid('owner_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		// Note: the name folded for comparison (NFKC, no accents, lower case), so "Café" and
		// "CAFE" cannot both exist; the database enforces it, not only the form.
		nameKey: text('name_key').notNull(),
		slug: text('slug').notNull(),
		description: text('description').notNull().default(''),
		status: shopStatus('status').notNull().default('active'),
		...timestamps
	},
	(t) => [
		uniqueIndex('shop_owner_id_unique').on(t.ownerId),
		uniqueIndex('shop_name_key_unique').on(t.nameKey),
		uniqueIndex('shop_slug_unique').on(t.slug),
		check('shop_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
		check('shop_description_length', sql`char_length(${t.description}) <= 2000`)
	]
);

export const auditEvent = pgTable(
	'audit_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		targetType: text('target_type').notNull(),
		targetId: text('target_id'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(t) => [index('audit_event_created_at_idx').on(t.createdAt)]
);

/** Failed sign-in counters, shared by every server instance through the database. */
export const rateLimit = pgTable('rate_limit', {
	key: text('key').primaryKey(),
	hits: integer('hits').notNull(),
	windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull()
});

export type User = typeof user.$inferSelect;
export type Shop = typeof shop.$inferSelect;
export type AuditEvent = typeof auditEvent.$inferSelect;
