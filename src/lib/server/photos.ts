import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import { db } from './db';
import { log } from './log';
import { listingPhoto, shopProfile } from './db/schema';
import { objectStore } from './storage';

/** Images as the seller workspace takes them in: checked by content, re-encoded, stored. */

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_LISTING_PHOTOS = 8;

const IMAGE_CONTENT_TYPE = 'image/webp';
const KEY_PATTERN = /^[0-9a-f]{40}\.webp$/;

export type ImageVariant = { key: string; bytes: Buffer; width: number; height: number };

export type PreparedPhoto = { large: ImageVariant; small: ImageVariant };

export type ImageCheck<T> = { ok: true; image: T } | { ok: false; message: string };

type Shape = { width: number; height: number; fit: 'inside' | 'cover' };

const LISTING_LARGE: Shape = { width: 1600, height: 1600, fit: 'inside' };
const LISTING_SMALL: Shape = { width: 600, height: 600, fit: 'cover' };
const SHOP_SHAPES = {
	logo: { width: 320, height: 320, fit: 'cover' },
	banner: { width: 1600, height: 400, fit: 'cover' }
} satisfies Record<string, Shape>;

function imageKey(bytes: Buffer): string {
	return `${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}.webp`;
}

export function isImageKey(key: string): boolean {
	return KEY_PATTERN.test(key);
}

export function mediaUrl(key: string): string {
	return `/media/${key}`;
}

/** The file's own bytes decide what it is; its name and the browser's content type do not. */
async function checkImage(bytes: Buffer): Promise<string | null> {
	if (bytes.byteLength === 0) return 'This file is empty.';
	if (bytes.byteLength > MAX_IMAGE_BYTES) return 'This image is larger than 10 MB.';

	let metadata: Metadata;
	try {
		metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
	} catch {
		return 'This file is not a JPEG, PNG, WebP or AVIF image.';
	}
	const avif = metadata.format === 'heif' && metadata.compression === 'av1';
	if (!['jpeg', 'png', 'webp'].includes(metadata.format ?? '') && !avif) {
		return 'This file is not a JPEG, PNG, WebP or AVIF image.';
	}
	if (!metadata.width || !metadata.height) return 'This image has no size we can read.';
	if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) {
		return 'This image has more than 40 megapixels. Make it smaller and try again.';
	}
	return null;
}

/**
 * Re-encodes to WebP at one shape. sharp writes no metadata unless asked, so EXIF, GPS and
 * colour profiles are dropped; `rotate()` first applies the camera's orientation to the pixels.
 */
async function encode(bytes: Buffer, shape: Shape): Promise<ImageVariant> {
	const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
		.rotate()
		.resize({ ...shape, withoutEnlargement: shape.fit === 'inside' })
		.webp({ quality: 80 })
		.toBuffer({ resolveWithObject: true });
	return { key: imageKey(data), bytes: data, width: info.width, height: info.height };
}

/** A listing photo in its two sizes: a large one for the listing page, a square for cards. */
export async function prepareListingPhoto(bytes: Buffer): Promise<ImageCheck<PreparedPhoto>> {
	const problem = await checkImage(bytes);
	if (problem) return { ok: false, message: problem };
	try {
		const [large, small] = await Promise.all([
			encode(bytes, LISTING_LARGE),
			encode(bytes, LISTING_SMALL)
		]);
		return { ok: true, image: { large, small } };
	} catch {
		return { ok: false, message: 'This image is damaged and cannot be read.' };
	}
}

export async function prepareShopImage(
	bytes: Buffer,
	kind: keyof typeof SHOP_SHAPES
): Promise<ImageCheck<ImageVariant>> {
	const problem = await checkImage(bytes);
	if (problem) return { ok: false, message: problem };
	try {
		return { ok: true, image: await encode(bytes, SHOP_SHAPES[kind]) };
	} catch {
		return { ok: false, message: 'This image is damaged and cannot be read.' };
	}
}

export async function storeImages(images: ImageVariant[]): Promise<void> {
	const store = objectStore();
	for (const image of images) {
		await store.put({ key: image.key, contentType: IMAGE_CONTENT_TYPE, bytes: image.bytes });
	}
}

/**
 * Stores the images, then runs the save that refers to them. When the save fails or throws, the
 * images go again, so a failed save leaves nothing stored; `releaseImages` keeps any key that a
 * saved photo, logo or banner already uses, such as the same picture on another listing.
 */
export async function saveWithImages<T extends { ok: boolean }>(
	images: ImageVariant[],
	save: () => Promise<T>
): Promise<T> {
	const keys = images.map((image) => image.key);
	let result: T;
	try {
		await storeImages(images);
		result = await save();
	} catch (error) {
		await releaseImages(keys).catch((cleanup: unknown) => {
			// Note: the save's own error is the one worth rethrowing; this only leaves orphans.
			log.error({ err: cleanup, keys }, 'stored images of a failed save could not be removed');
		});
		throw error;
	}
	if (!result.ok) await releaseImages(keys);
	return result;
}

/** Files the browser sent under one field name; an empty file input sends one nameless blob. */
export function uploadedFiles(form: FormData, field: string): File[] {
	return form
		.getAll(field)
		.filter((value): value is File => value instanceof File && (value.size > 0 || !!value.name));
}

/** Deletes stored images that no listing photo, logo or banner uses any more. */
export async function releaseImages(keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	const uses = await Promise.all([
		db
			.select({ key: listingPhoto.largeKey })
			.from(listingPhoto)
			.where(inArray(listingPhoto.largeKey, keys)),
		db
			.select({ key: listingPhoto.smallKey })
			.from(listingPhoto)
			.where(inArray(listingPhoto.smallKey, keys)),
		db
			.select({ key: shopProfile.logoKey })
			.from(shopProfile)
			.where(inArray(shopProfile.logoKey, keys)),
		db
			.select({ key: shopProfile.bannerKey })
			.from(shopProfile)
			.where(inArray(shopProfile.bannerKey, keys))
	]);
	const used = new Set(uses.flat().map((row) => row.key));
	await objectStore().remove(keys.filter((key) => !used.has(key)));
}

export type UploadCheck = { ok: true; photos: PreparedPhoto[] } | { ok: false; message: string };

/**
 * Checks and re-encodes uploaded listing photos, all or nothing: the first file that fails stops
 * the lot, so nothing from a bad submit is ever stored. The count is checked before any decoding.
 */
export async function prepareListingUploads(
	files: File[],
	room = MAX_LISTING_PHOTOS
): Promise<UploadCheck> {
	if (files.length > room) {
		return {
			ok: false,
			message:
				room === MAX_LISTING_PHOTOS
					? `Choose at most ${MAX_LISTING_PHOTOS} photos.`
					: `A listing holds at most ${MAX_LISTING_PHOTOS} photos; add ${Math.max(room, 0)} or fewer.`
		};
	}
	const photos: PreparedPhoto[] = [];
	for (const file of files) {
		if (file.size > MAX_IMAGE_BYTES) {
			return { ok: false, message: `${file.name}: this image is larger than 10 MB.` };
		}
		const prepared = await prepareListingPhoto(Buffer.from(await file.arrayBuffer()));
		if (!prepared.ok) return { ok: false, message: `${file.name}: ${prepared.message}` };
		photos.push(prepared.image);
	}
	return { ok: true, photos };
}
