import { hkdfSync } from 'node:crypto';
import type { JWT, JWTDecodeParams, JWTEncodeParams, JWTOptions } from '@auth/core/jwt';
import { EncryptJWT, base64url, calculateJwkThumbprint, jwtDecrypt } from 'jose';

/**
 * The session cookie's token in exactly the format Auth.js issues and accepts (an encrypted JWT,
 * `dir` with A256CBC-HS512, the key derived by HKDF from the secret with the cookie name as
 * salt), so cookies from either implementation keep working with the other. Two things are
 * cheaper than in Auth.js's own `encode`/`decode`:
 *
 * - the derived keys and their ids are kept, not derived again on every request;
 * - a token that is younger than `refreshAfter` seconds, and whose claims the `jwt` callback
 *   left as they were, is handed back as it came in instead of being encrypted again.
 *
 * Neither weakens a check: every token is still decrypted and authenticated, and any change of
 * role, status, name or email gives a new token at once.
 */

/** How old a session token gets before a visit issues a new one; until then it is kept. */
export const SESSION_REFRESH_AGE = 24 * 60 * 60;

type ContentEncryption = 'A256CBC-HS512' | 'A256GCM';

type DerivedKey = { key: Uint8Array; kid: string };

const ISSUED_ENCRYPTION: ContentEncryption = 'A256CBC-HS512';

/** What Auth.js accepts when it decodes: tokens from older releases used A256GCM. */
const ACCEPTED_ENCRYPTION: ContentEncryption[] = ['A256CBC-HS512', 'A256GCM'];

const KEY_LENGTH: Record<ContentEncryption, number> = { 'A256CBC-HS512': 64, A256GCM: 32 };

// Note: bounded by construction: one entry per secret in the configuration, cookie name and
// encryption, all chosen by the server, never by the token.
const derivedKeys = new Map<string, DerivedKey>();

async function derivedKey(
	enc: ContentEncryption,
	secret: string,
	salt: string
): Promise<DerivedKey> {
	const cacheKey = JSON.stringify([enc, salt, secret]);
	const known = derivedKeys.get(cacheKey);
	if (known) return known;

	const length = KEY_LENGTH[enc];
	const key = new Uint8Array(
		hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, length)
	);
	const kid = await calculateJwkThumbprint(
		{ kty: 'oct', k: base64url.encode(key) },
		length === 64 ? 'sha512' : 'sha256'
	);
	const derived = { key, kid };
	derivedKeys.set(cacheKey, derived);
	return derived;
}

function isAccepted(enc: string | undefined): enc is ContentEncryption {
	return ACCEPTED_ENCRYPTION.includes(enc as ContentEncryption);
}

/** A token as it came in, remembered against the payload Auth.js hands to the `jwt` callback. */
type Issued = { raw: string; claims: string; issuedAt: number; expiresAt: number };

const issuedTokens = new WeakMap<object, Issued>();

const TIMESTAMP_CLAIMS = new Set(['iat', 'exp', 'nbf', 'jti']);

/** The claims that carry meaning, in a fixed order, so two tokens can be compared. */
function claimsOf(token: JWT): string {
	return JSON.stringify(
		Object.entries(token)
			.filter(([name, value]) => !TIMESTAMP_CLAIMS.has(name) && value !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	);
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Tells `encode` which token the `jwt` callback's result replaces, so an unchanged session can
 * keep its cookie. Call it with the `token` the callback received (decoded and authenticated by
 * `decode`, never the client-supplied `session`) and the token the callback returns.
 */
export function continueSession<T extends JWT>(decoded: JWT, next: T): T {
	const issued = issuedTokens.get(decoded);
	if (issued) issuedTokens.set(next, issued);
	return next;
}

/**
 * Tokens this process has already decrypted and authenticated, by their exact text: a signed-in
 * visitor sends the same cookie on every request until it is renewed. An altered token is a
 * different text and goes through the full check. Expiry is checked again on every use.
 */
type Verified = { payload: JWT; secrets: string; issued: Issued | undefined };

const verifiedTokens = new Map<string, Verified>();
const MAX_VERIFIED_TOKENS = 5_000;
const CLOCK_TOLERANCE = 15;

function recallVerified(token: string, salt: string, secrets: string[]): JWT | null {
	const cacheKey = `${salt}\n${token}`;
	const known = verifiedTokens.get(cacheKey);
	if (!known) return null;
	const expired =
		typeof known.payload.exp === 'number' && known.payload.exp + CLOCK_TOLERANCE <= nowInSeconds();
	if (expired || known.secrets !== JSON.stringify(secrets)) {
		verifiedTokens.delete(cacheKey);
		return null;
	}
	// Note: a copy each time, so a callback that changes its token cannot change the next one's.
	const payload = { ...known.payload };
	if (known.issued) issuedTokens.set(payload, known.issued);
	return payload;
}

function rememberVerified(token: string, salt: string, secrets: string[], payload: JWT): void {
	if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) {
		const oldest = verifiedTokens.keys().next();
		if (!oldest.done) verifiedTokens.delete(oldest.value);
	}
	verifiedTokens.set(`${salt}\n${token}`, {
		payload: { ...payload },
		secrets: JSON.stringify(secrets),
		issued: undefined
	});
}

/**
 * Whether `encode` would hand `decoded` back as it is for a session now holding `next`: it is
 * younger than `refreshAfter` and carries the same claims.
 */
export function isTokenKept(decoded: JWT, next: JWT, refreshAfter = SESSION_REFRESH_AGE): boolean {
	const issued = issuedTokens.get(decoded);
	return (
		issued !== undefined &&
		nowInSeconds() - issued.issuedAt < refreshAfter &&
		issued.claims === claimsOf(next)
	);
}

export function sessionTokenCodec(
	options: {
		/** Seconds after which a token is encrypted again even though nothing in it changed. */
		refreshAfter: number;
	} = { refreshAfter: SESSION_REFRESH_AGE }
): Pick<JWTOptions, 'encode' | 'decode'> {
	return {
		async encode({ token = {}, secret, maxAge, salt }: JWTEncodeParams): Promise<string> {
			const now = nowInSeconds();
			const lifetime = maxAge ?? 30 * 24 * 60 * 60;
			const issued = issuedTokens.get(token);
			if (
				issued &&
				now - issued.issuedAt < options.refreshAfter &&
				issued.expiresAt <= now + lifetime &&
				issued.claims === claimsOf(token)
			) {
				return issued.raw;
			}

			const [current] = Array.isArray(secret) ? secret : [secret];
			if (!current) throw new Error('No secret to encrypt the session token with');
			const { key, kid } = await derivedKey(ISSUED_ENCRYPTION, current, salt);
			return new EncryptJWT(token)
				.setProtectedHeader({ alg: 'dir', enc: ISSUED_ENCRYPTION, kid })
				.setIssuedAt(now)
				.setExpirationTime(now + lifetime)
				.setJti(crypto.randomUUID())
				.encrypt(key);
		},

		async decode({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
			if (!token) return null;
			const secrets = Array.isArray(secret) ? secret : [secret];
			const known = recallVerified(token, salt, secrets);
			if (known) return known;

			let underCurrentSecret = false;
			const { payload } = await jwtDecrypt<JWT>(
				token,
				async ({ kid, enc }) => {
					if (!isAccepted(enc)) throw new Error('unsupported content encryption');
					for (const [index, candidate] of secrets.entries()) {
						const derived = await derivedKey(enc, candidate, salt);
						if (kid === undefined || kid === derived.kid) {
							underCurrentSecret = index === 0 && enc === ISSUED_ENCRYPTION;
							return derived.key;
						}
					}
					throw new Error('no matching decryption secret');
				},
				{
					clockTolerance: CLOCK_TOLERANCE,
					keyManagementAlgorithms: ['dir'],
					contentEncryptionAlgorithms: ACCEPTED_ENCRYPTION
				}
			);
			rememberVerified(token, salt, secrets, payload);
			// Note: a token under a retired secret or an older encryption is always issued anew.
			if (
				underCurrentSecret &&
				typeof payload.iat === 'number' &&
				typeof payload.exp === 'number'
			) {
				const issued = {
					raw: token,
					claims: claimsOf(payload),
					issuedAt: payload.iat,
					expiresAt: payload.exp
				};
				issuedTokens.set(payload, issued);
				const verified = verifiedTokens.get(`${salt}\n${token}`);
				if (verified) verified.issued = issued;
			}
			return payload;
		}
	};
}
