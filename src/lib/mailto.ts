/**
 * A `mailto:` link that opens a message to exactly this address. Our address rules allow `?`, `&`,
 * `=`, `#` and `%` in the local part, and in a `mailto:` URL those start headers such as `cc` or
 * `body`, so a seller's contact address could pre-fill a buyer's message or copy it elsewhere.
 * RFC 6068 asks for them percent-encoded; `encodeURIComponent` does that on each side of the `@`.
 */
export function mailtoHref(address: string): `mailto:${string}` {
	const at = address.lastIndexOf('@');
	if (at < 0) return `mailto:${encodeURIComponent(address)}`;
	const local = address.slice(0, at);
	const domain = address.slice(at + 1);
	return `mailto:${encodeURIComponent(local)}@${encodeURIComponent(domain)}`;
}
