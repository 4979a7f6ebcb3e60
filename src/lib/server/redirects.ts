/**
 * Turns a requested redirect target into a path on this origin, or "/" when it points anywhere
 * else. Accepts absolute URLs only when their origin is ours.
 */
export function safeRedirectPath(target: string | null | undefined, origin: string): string {
	if (!target) return '/';
	let parsed: URL;
	try {
		parsed = new URL(target, origin);
	} catch {
		return '/';
	}
	const base = new URL(origin);
	if (parsed.origin !== base.origin) return '/';
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '/';
	const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
	// Note: "//evil.example" and "/\evil.example" are other origins to a browser.
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
	return path;
}
