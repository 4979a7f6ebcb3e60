import { freePort } from '../helpers/app-server';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider on loopback, standing in for GitHub, Google or a company's
 * issuer. Its built-in development login accepts any login name; the account's email is
 * `<login>@oidc.example`.
 */
export const OIDC_CLIENT = { id: 'openstall-e2e', secret: 'openstall-e2e-client-secret' };

export async function startOidcProvider(appOrigin: string): Promise<{ issuer: string }> {
	const port = await freePort();
	const issuer = `http://127.0.0.1:${port}`;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: OIDC_CLIENT.id,
				client_secret: OIDC_CLIENT.secret,
				redirect_uris: [`${appOrigin}/auth/callback/oidc`],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		cookies: { keys: ['openstall-e2e-oidc-cookie-key'] },
		// Note: put email and name in the ID token, as Google, Keycloak and most issuers do.
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: true } },
		ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
		findAccount: (_context, id) => ({
			accountId: id,
			claims: () => ({
				sub: id,
				email: `${id.toLowerCase()}@oidc.example`,
				email_verified: true,
				name: `OIDC ${id}`
			})
		})
	});
	await new Promise<void>((resolve) => provider.listen(port, '127.0.0.1', resolve));
	return { issuer };
}
