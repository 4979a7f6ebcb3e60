import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { encode } from '@auth/core/jwt';
import { eq } from 'drizzle-orm';
import { connectPostgres, type Connection } from '../../src/lib/server/db/index';
import { user } from '../../src/lib/server/db/schema';

/** The e2e server's session secret: tests use it to forge cookies the server would accept. */
export const E2E_AUTH_SECRET = 'e2e-secret-that-is-long-enough-for-auth-js-0123456789';
export const SESSION_COOKIE = 'authjs.session-token';
export const DEMO_PASSWORD = 'openstall-demo';

export function origin(): string {
	return `http://localhost:${process.env.E2E_PORT}`;
}

/** Signs in through the real form in the browser. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/signin');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByTestId('account-menu')).not.toContainText('Sign in');
}

/** Signs in over HTTP, the way a browser posts the form, and returns the session cookie. */
export async function signInOverHttp(
	request: APIRequestContext,
	email: string,
	password = DEMO_PASSWORD
): Promise<string> {
	const response = await request.post('/signin', {
		form: { email, password, redirectTo: '/' },
		headers: { origin: origin(), accept: 'text/html' },
		maxRedirects: 0
	});
	const cookie = response
		.headersArray()
		.filter((header) => header.name.toLowerCase() === 'set-cookie')
		.map((header) => header.value)
		.find((value) => value.startsWith(`${SESSION_COOKIE}=`));
	if (!cookie) throw new Error(`sign-in as ${email} failed with status ${response.status()}`);
	return cookie.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
}

/** A session cookie built with a secret of our choosing, holding whatever claims we like. */
export function forgeSession(claims: Record<string, unknown>, secret = E2E_AUTH_SECRET) {
	return encode({ token: claims, secret, salt: SESSION_COOKIE, maxAge: 3600 });
}

export function cookieHeader(value: string): Record<string, string> {
	return { cookie: `${SESSION_COOKIE}=${value}` };
}

let connection: Connection | undefined;

/**
 * The e2e server's database, for tests that check what it holds. Only on PostgreSQL: an
 * embedded PGlite belongs to the server process alone.
 */
export function e2eDatabase(): Connection {
	const url = process.env.E2E_DATABASE_URL;
	if (!url) throw new Error('e2eDatabase() needs the PostgreSQL e2e run (TEST_DATABASE_URL)');
	connection ??= connectPostgres(url, { max: 2 });
	return connection;
}

export const needsPostgres = () =>
	test.skip(
		!process.env.E2E_DATABASE_URL,
		'checks database rows: runs when TEST_DATABASE_URL names a PostgreSQL server'
	);

export async function userByEmail(email: string) {
	const [row] = await e2eDatabase().db.select().from(user).where(eq(user.email, email));
	if (!row) throw new Error(`no user ${email}`);
	return row;
}

type Playwright = { request: { newContext: (options: object) => Promise<APIRequestContext> } };

/** An HTTP client with its own cookie jar, holding the given session cookie if any. */
export function clientWith(playwright: Playwright, session?: string): Promise<APIRequestContext> {
	const cookies = session
		? [
				{
					name: SESSION_COOKIE,
					value: session,
					domain: 'localhost',
					path: '/',
					expires: -1,
					httpOnly: true,
					secure: false,
					sameSite: 'Lax' as const
				}
			]
		: [];
	return playwright.request.newContext({
		baseURL: origin(),
		storageState: { cookies, origins: [] }
	});
}

/** A client signed in as this user through the real sign-in form action. */
export async function signedInClient(
	playwright: Playwright,
	email: string,
	password = DEMO_PASSWORD
) {
	const client = await clientWith(playwright);
	await signInOverHttp(client, email, password);
	return client;
}

/** The session cookie this client holds now, or null when the server cleared it. */
export async function sessionIn(client: APIRequestContext): Promise<string | null> {
	const state = await client.storageState();
	return state.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value || null;
}

/** The user id inside a real session cookie, read with the e2e secret. */
export async function userIdIn(session: string): Promise<string> {
	const { decode } = await import('@auth/core/jwt');
	const token = await decode({ token: session, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE });
	if (!token?.sub) throw new Error('the session cookie holds no user id');
	return token.sub;
}

/** Form fields posted the way a browser on our own origin posts them. */
export function formPost(form: Record<string, string>) {
	return {
		form,
		headers: { origin: origin(), accept: 'text/html' },
		maxRedirects: 0
	};
}
