/**
 * Email addresses as Openstall stores them: trimmed and lower-cased, plain ASCII, no quoted local
 * part. Unicode look-alikes ("pаypal" with a Cyrillic a, full-width letters) are refused rather
 * than folded, so two accounts can never differ only by a character that looks the same.
 */
const EMAIL =
	/^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

export function normaliseEmail(raw: string): EmailCheck {
	const email = raw.trim().toLowerCase();
	if (email.length === 0) return { ok: false, message: 'Enter your email address.' };
	if (email.length > 254) return { ok: false, message: 'That email address is too long.' };
	// eslint-disable-next-line no-control-regex
	if (/[^\x00-\x7f]/.test(email)) {
		return { ok: false, message: 'Use an email address written in plain ASCII letters.' };
	}
	if (email.includes('"')) {
		return { ok: false, message: 'Email addresses with quotes are not accepted.' };
	}
	if (!EMAIL.test(email)) return { ok: false, message: 'Enter a valid email address.' };
	return { ok: true, email };
}
