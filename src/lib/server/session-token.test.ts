import { decode as authDecode, encode as authEncode, type JWT } from '@auth/core/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { continueSession, sessionTokenCodec } from './session-token';

const secret = 'a-test-secret-that-is-long-enough-for-auth-js-0123';
const salt = 'authjs.session-token';
const claims: JWT = {
	sub: '6d1c0d8e-2b1f-4a55-9a43-0f3c7f1f2a10',
	role: 'buyer',
	status: 'active'
};
const codec = sessionTokenCodec({ refreshAfter: 3600 });

function flipOneCharacter(token: string): string {
	const at = token.length - 10;
	return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}

describe('the session token codec', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it("reads the tokens Auth.js's own encode issues", async () => {
		const token = await authEncode({ token: claims, secret, salt });
		expect(await codec.decode({ token, secret, salt })).toMatchObject(claims);
	});

	it("issues tokens Auth.js's own decode reads", async () => {
		const token = await codec.encode({ token: claims, secret, salt });
		expect(await authDecode({ token, secret, salt })).toMatchObject(claims);
	});

	it('refuses a token made with another secret', async () => {
		const token = await authEncode({ token: claims, secret: `${secret}-other`, salt });
		await expect(codec.decode({ token, secret, salt })).rejects.toThrow();
	});

	it('refuses a token with altered bytes, even after reading the original', async () => {
		const token = await codec.encode({ token: claims, secret, salt });
		await codec.decode({ token, secret, salt });
		await expect(codec.decode({ token: flipOneCharacter(token), secret, salt })).rejects.toThrow();
	});

	it('hands back a young token unchanged when the claims did not change', async () => {
		const token = await codec.encode({ token: claims, secret, salt });
		const decoded = (await codec.decode({ token, secret, salt })) as JWT;
		const next = continueSession(decoded, { ...claims });
		expect(await codec.encode({ token: next, secret, salt })).toBe(token);
	});

	it('issues a new token as soon as a claim changed', async () => {
		const token = await codec.encode({ token: claims, secret, salt });
		const decoded = (await codec.decode({ token, secret, salt })) as JWT;
		const next = continueSession(decoded, { ...claims, role: 'seller' });
		const reissued = await codec.encode({ token: next, secret, salt });
		expect(reissued).not.toBe(token);
		expect(await codec.decode({ token: reissued, secret, salt })).toMatchObject({ role: 'seller' });
	});

	it('issues a new token once the old one is older than the refresh age', async () => {
		const eager = sessionTokenCodec({ refreshAfter: 0 });
		const token = await eager.encode({ token: claims, secret, salt });
		const decoded = (await eager.decode({ token, secret, salt })) as JWT;
		const next = continueSession(decoded, { ...claims });
		expect(await eager.encode({ token: next, secret, salt })).not.toBe(token);
	});

	it('issues a new token under the current secret for one made with a retired secret', async () => {
		const retired = `${secret}-retired`;
		const token = await codec.encode({ token: claims, secret: retired, salt });
		const decoded = (await codec.decode({ token, secret: [secret, retired], salt })) as JWT;
		const next = continueSession(decoded, { ...claims });
		const reissued = await codec.encode({ token: next, secret: [secret, retired], salt });
		expect(reissued).not.toBe(token);
		expect(await authDecode({ token: reissued, secret, salt })).toMatchObject(claims);
	});

	it('refuses a token it read before once that token has expired', async () => {
		const token = await codec.encode({ token: claims, secret, salt, maxAge: 60 });
		expect(await codec.decode({ token, secret, salt })).toMatchObject(claims);

		vi.useFakeTimers({ now: Date.now() + 120_000 });
		await expect(codec.decode({ token, secret, salt })).rejects.toThrow();
	});
});
