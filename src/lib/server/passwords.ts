import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

// Note: @node-rs/argon2 defaults to argon2id with the OWASP-recommended memory and time costs.
export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A real hash of nothing in particular, so a sign-in for an unknown email costs the same time. */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
	decoy ??= hash('openstall-decoy-password');
	await verifyPassword(await decoy, password);
	return false;
}
