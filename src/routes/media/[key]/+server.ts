import { error } from '@sveltejs/kit';
import { isImageKey } from '$lib/server/photos';
import { objectStore } from '$lib/server/storage';
import type { RequestHandler } from './$types';

// Note: the key is a hash of the bytes, so a URL never changes meaning and may be cached forever.
const IMMUTABLE = 'public, max-age=31536000, immutable';

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
