import { CredentialsSignin, SvelteKitAuth, type SvelteKitAuthConfig } from '@auth/sveltekit';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Adapter } from '@auth/core/adapters';
import Credentials from '@auth/core/providers/credentials';
import GitHub from '@auth/core/providers/github';
import Google from '@auth/core/providers/google';
import type { Provider } from '@auth/core/providers';
import { findUserByEmail } from '$lib/server/accounts';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { account, user, verificationToken } from '$lib/server/db/schema';
import { normaliseEmail } from '$lib/server/email';
import { log } from '$lib/server/log';
import { verifyDecoy, verifyPassword } from '$lib/server/passwords';
import { clearSignInFailures, isSignInBlocked, recordSignInFailure } from '$lib/server/rate-limit';
import { safeRedirectPath } from '$lib/server/redirects';
import { requestContext } from '$lib/server/request-context';
import { claimsFor, readCurrentUser } from '$lib/server/session-read';
import { continueSession, SESSION_REFRESH_AGE, sessionTokenCodec } from '$lib/server/session-token';

/** How long a session lasts without a visit. */
const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

class TooManyAttempts extends CredentialsSignin {
	code = 'rate_limited';
}

function clientAddress(): string {
	const event = requestContext()?.event;
	try {
		return event?.getClientAddress() ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

const credentials = Credentials({
	id: 'credentials',
	name: 'Email and password',
	credentials: {
		email: { label: 'Email', type: 'email' },
		password: { label: 'Password', type: 'password' }
	},
	async authorize(input) {
		const checked = normaliseEmail(typeof input.email === 'string' ? input.email : '');
		const password = typeof input.password === 'string' ? input.password : '';
		const email = checked.ok ? checked.email : 'invalid';
		const address = clientAddress();

		if (await isSignInBlocked(email, address)) {
			log.warn({ event: 'sign_in.rate_limited', address }, 'sign-in refused: too many failures');
			throw new TooManyAttempts();
		}

		const found = checked.ok ? await findUserByEmail(email) : null;
		const passwordOk = found?.passwordHash
			? await verifyPassword(found.passwordHash, password)
			: await verifyDecoy(password);

		if (!found || !passwordOk || found.status === 'banned') {
			await recordSignInFailure(email, address);
			log.info({ event: 'sign_in.failed', address }, 'sign-in failed');
			return null;
		}
		await clearSignInFailures(email);
		return { id: found.id, name: found.name, email: found.email };
	}
});

function oauthProviders(): Provider[] {
	const { github, google, oidc } = config().providers;
	const providers: Provider[] = [];
	if (github) providers.push(GitHub(github));
	if (google) providers.push(Google(google));
	if (oidc) {
		providers.push({
			id: 'oidc',
			name: oidc.name,
			type: 'oidc',
			issuer: oidc.issuer,
			clientId: oidc.clientId,
			clientSecret: oidc.clientSecret,
			checks: ['pkce', 'state', 'nonce']
		});
	}
	return providers;
}

/** Our own tables, and emails stored normalised whichever provider brought them. */
function adapter(): Adapter {
	const base = DrizzleAdapter(db, {
		usersTable: user,
		accountsTable: account,
		verificationTokensTable: verificationToken
	});
	return {
		...base,
		createUser: (data) => {
			if (!base.createUser) throw new Error('The Drizzle adapter cannot create users');
			return base.createUser({ ...data, email: data.email.trim().toLowerCase() });
		}
	};
}

function buildAuthConfig(): SvelteKitAuthConfig {
	return {
		adapter: adapter(),
		secret: config().authSecret,
		trustHost: true,
		session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE, updateAge: SESSION_REFRESH_AGE },
		jwt: sessionTokenCodec({ refreshAfter: SESSION_REFRESH_AGE }),
		pages: { signIn: '/signin', error: '/signin' },
		providers: [credentials, ...oauthProviders()],
		logger: {
			error: (error) => {
				// Note: a wrong password is an expected event, logged once by authorize().
				if (error instanceof CredentialsSignin) return;
				// Note: a cookie that does not decrypt (forged, altered, old secret) is routine
				// noise from the internet; database failures are logged where they happen.
				if (error.name === 'JWTSessionError') {
					log.warn({ event: 'session.rejected' }, 'session cookie rejected');
					return;
				}
				log.error({ err: error }, 'auth error');
			},
			warn: (code) => log.warn({ code }, 'auth warning'),
			debug: () => {}
		},
		callbacks: {
			/**
			 * Provider sign-ins must bring a usable email, and a banned account stays out. (Password
			 * sign-ins were checked in authorize.)
			 */
			async signIn({ user: signingIn, account: linked }) {
				if (linked?.type === 'credentials') return true;
				const checked = normaliseEmail(signingIn.email ?? '');
				if (!checked.ok) {
					log.warn(
						{ event: 'sign_in.refused', provider: linked?.provider, reason: checked.message },
						'provider sign-in refused: no usable email in the profile'
					);
					return false;
				}
				signingIn.email = checked.email;

				const existing = await findUserByEmail(checked.email);
				if (existing?.status === 'banned') {
					log.info({ event: 'sign_in.refused', userId: existing.id }, 'banned user refused');
					return false;
				}
				return true;
			},

			/**
			 * The role stays fresh here. On every session read this loads the user by primary key
			 * and rebuilds the token from that row alone. It never reads `session`: in SvelteKit
			 * that is whatever the browser posts to /auth/session. The role and status it writes
			 * are a copy for the session callback; no code trusts them when they come back in.
			 */
			async jwt({ token, user: signedIn }) {
				const id = signedIn?.id ?? token.sub;
				if (!id) return null;

				const current = await readCurrentUser(id);
				if (!current || current.status === 'banned') {
					log.debug({ userId: id, found: current?.status ?? 'nothing' }, 'session ended');
					return null;
				}
				return continueSession(token, claimsFor(current));
			},

			session({ session, token }) {
				return {
					...session,
					user: {
						...session.user,
						id: token.sub ?? '',
						name: token.name ?? null,
						email: token.email ?? '',
						role: token.role,
						status: token.status
					}
				};
			},

			redirect({ url, baseUrl }) {
				return `${baseUrl}${safeRedirectPath(url, baseUrl)}`;
			}
		}
	};
}

let authConfig: SvelteKitAuthConfig | undefined;

// Note: built on the first request rather than at import, so `vite build` can analyse the
// server without a production configuration.
export const {
	handle: handleAuth,
	signIn,
	signOut
} = SvelteKitAuth(() => {
	authConfig ??= buildAuthConfig();
	return Promise.resolve(authConfig);
});
