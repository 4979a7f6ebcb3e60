import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	customType,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
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

// The seller workspace: shop profiles, categories, listings, photos and the stored bytes.

/** Binary data; postgres.js hands back a Buffer and PGlite a Uint8Array, so both become Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

/** What a shop shows beyond its name: one row per shop, made the first time it is needed. */
export const shopProfile = pgTable(
	'shop_profile',
	{
		shopId: uuid('shop_id')
			.primaryKey()
			.references(() => shop.id, { onDelete: 'cascade' }),
		contactEmail: text('contact_email'),
		logoKey: text('logo_key'),
		bannerKey: text('banner_key'),
		away: boolean('away').notNull().default(false),
		awayUntil: date('away_until', { mode: 'string' }),
		currency: text('currency').notNull().default('EUR'),
		stockAlertThreshold: integer('stock_alert_threshold').notNull().default(3),
		...timestamps
	},
	(t) => [
		check('shop_profile_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
		check('shop_profile_stock_alert_range', sql`${t.stockAlertThreshold} between 0 and 100000`)
	]
);

export const category = pgTable(
	'category',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		parentId: integer('parent_id').references((): AnyPgColumn => category.id, {
			onDelete: 'restrict'
		}),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [
		uniqueIndex('category_slug_unique').on(t.slug),
		index('category_parent_idx').on(t.parentId)
	]
);

export const listingStatus = pgEnum('listing_status', ['draft', 'active', 'archived']);

export type ListingStatus = (typeof listingStatus.enumValues)[number];

export const listing = pgTable(
	'listing',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shop.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		slug: text('slug').notNull(),
		description: text('description').notNull().default(''),
		priceMinor: integer('price_minor').notNull(),
		currency: text('currency').notNull().default('EUR'),
		stock: integer('stock').notNull().default(0),
		categoryId: integer('category_id')
			.notNull()
			.references(() => category.id, { onDelete: 'restrict' }),
		status: listingStatus('status').notNull().default('draft'),
		...timestamps
	},
	(t) => [
		uniqueIndex('listing_slug_unique').on(t.slug),
		index('listing_shop_status_idx').on(t.shopId, t.status),
		index('listing_status_created_idx').on(t.status, t.createdAt),
		check('listing_stock_not_negative', sql`${t.stock} >= 0`),
		check('listing_price_not_negative', sql`${t.priceMinor} >= 0`),
		check('listing_title_length', sql`char_length(${t.title}) between 1 and 120`),
		check('listing_description_length', sql`char_length(${t.description}) <= 5000`),
		check('listing_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
		check('listing_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
	]
);

export const listingPhoto = pgTable(
	'listing_photo',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		listingId: uuid('listing_id')
			.notNull()
			.references(() => listing.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		altText: text('alt_text').notNull().default(''),
		largeKey: text('large_key').notNull(),
		smallKey: text('small_key').notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(t) => [
		index('listing_photo_listing_idx').on(t.listingId, t.position),
		check('listing_photo_position_range', sql`${t.position} between 0 and 7`),
		check('listing_photo_alt_length', sql`char_length(${t.altText}) <= 200`)
	]
);

/** Bytes kept by the PostgreSQL object store, addressed by a key that includes their hash. */
export const storedObject = pgTable('stored_object', {
	key: text('key').primaryKey(),
	contentType: text('content_type').notNull(),
	byteSize: integer('byte_size').notNull(),
	bytes: bytea('bytes').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
});

export type ShopProfile = typeof shopProfile.$inferSelect;
export type Category = typeof category.$inferSelect;
export type Listing = typeof listing.$inferSelect;
export type ListingPhoto = typeof listingPhoto.$inferSelect;
