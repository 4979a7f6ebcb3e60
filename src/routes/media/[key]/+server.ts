import { error } from '@sveltejs/kit';
import { isImageKey } from '$lib/server/photos';
import { objectStore } from '$lib/server/storage';
import type { RequestHandler } from './$types';

// Note: the key is a hash of the bytes, so a URL never changes meaning and may be cached forever.
const IMMUTABLE = 'public, max-age=31536000, immutable';

// Note: any stored image is served to anyone who has its key, a draft's or archived listing's
// photos too. That is on purpose. The key is 160 bits of a SHA-256 of the re-encoded bytes, so
// it cannot be guessed or walked, and only pages that may show the photo print it: the seller's
// own pages, and public pages once the listing is active. Only someone who already holds the
// exact image could work a key out. Checking the listing here would cost a session read and a
// join on every image request, and could not take back a URL that caches already keep for a
// year. A photo the seller removes is deleted from the store, so its URL stops working.
export const GET: RequestHandler = async ({ params, request }) => {
	if (!isImageKey(params.key)) error(404, 'Not found');
	const etag = `"${params.key}"`;
	if (request.headers.get('if-none-match') === etag) {
		return new Response(null, { status: 304, headers: { etag, 'cache-control': IMMUTABLE } });
	}

	const file = await objectStore().get(params.key);
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes.byteLength),
			'cache-control': IMMUTABLE,
			etag
		}
	});
};
