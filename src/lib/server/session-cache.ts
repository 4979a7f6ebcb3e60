import postgres from 'postgres';
import type { SessionUser } from './accounts';
import { ConfigError, config } from './config';
import { log } from './log';

/**
 * A per-process copy of each signed-in user's role and status, so that a session read does not
 * have to ask the database on every request, while a change still takes effect on the user's
 * next request on every instance:
 *
 * - the process that makes a change forgets the user at once (`forgetSessionUser`);
 * - every other process hears of it from PostgreSQL: a trigger on the user table notifies
 *   `USER_CHANGED_CHANNEL` on commit, whoever made the change, the app or an operator in psql;
 * - the copy is used only while this process is listening. When the listening connection
 *   drops, every copy is forgotten and each read goes to the database until it is back;
 * - a copy is kept for `TIME_LIMIT_MS` at most, in case a notification is lost in a way the
 *   connection does not notice.
 *
 * Where nothing can listen (PGlite, serverless functions, PgBouncer in transaction mode) the
 * cache stays off and every read goes to the database. Off is the default; `SESSION_CACHE=listen`
 * switches it on for long-running servers with a direct connection to PostgreSQL.
 */

export const USER_CHANGED_CHANNEL = 'openstall_user_changed';

/** The payload the trigger sends when a whole table was emptied (TRUNCATE). */
const EVERYONE = '*';

const TIME_LIMIT_MS = 30_000;
const MAX_ENTRIES = 50_000;
const RECONNECT_DELAY_MS = 1_000;

export type SessionCacheMode = 'off' | 'listen';

type Entry = { user: SessionUser; storedAt: number };

const entries = new Map<string, Entry>();
let listening = false;
// Note: bumped by every invalidation. A read that started before one must not store what it
// found, since the row it read may be the one the invalidation was about.
let generation = 0;
let started = false;

export function sessionCacheMode(env: Record<string, string | undefined> = process.env) {
	const raw = env.SESSION_CACHE?.trim() || 'off';
	if (raw !== 'off' && raw !== 'listen') {
		throw new ConfigError([`SESSION_CACHE must be "off" or "listen", not "${raw}"`]);
	}
	return raw;
}

/**
 * The user's role and status as the database holds them now: from this process's copy while it
 * is listening and the copy is young, else from `read` (a read by primary key).
 */
export async function readThroughSessionCache(
	id: string,
	read: (id: string) => Promise<SessionUser | null>
): Promise<SessionUser | null> {
	if (!listening) return read(id);

	const hit = entries.get(id);
	if (hit && Date.now() - hit.storedAt < TIME_LIMIT_MS) return hit.user;

	const seen = generation;
	const found = await read(id);
	if (found && listening && seen === generation) {
		entries.delete(id);
		if (entries.size >= MAX_ENTRIES) {
			const oldest = entries.keys().next();
			if (!oldest.done) entries.delete(oldest.value);
		}
		entries.set(id, { user: found, storedAt: Date.now() });
	}
	return found;
}

/** Call after a change to a user's role, status, name or email has committed. */
export function forgetSessionUser(id: string): void {
	generation++;
	entries.delete(id);
}

function forgetEveryone(): void {
	generation++;
	entries.clear();
}

function heard(payload: string): void {
	if (payload === EVERYONE) forgetEveryone();
	else forgetSessionUser(payload);
	log.debug({ userId: payload }, 'session cache: user changed');
}

/**
 * Starts listening when the configuration asks for it. Called once when the server starts;
 * returns at once, and reads go to the database until the first LISTEN has succeeded.
 */
export function startSessionCache(): void {
	if (started) return;
	started = true;

	const mode = sessionCacheMode();
	if (mode === 'off') return;
	const { databaseUrl } = config();
	if (!databaseUrl) {
		log.warn('SESSION_CACHE=listen needs DATABASE_URL (PostgreSQL); the cache stays off');
		return;
	}

	let stopping = false;
	let retry: ReturnType<typeof setTimeout> | null = null;
	const listenLater = () => {
		if (stopping || retry) return;
		retry = setTimeout(() => {
			retry = null;
			listen();
		}, RECONNECT_DELAY_MS);
		retry.unref();
	};

	// Note: a connection of its own, so that its loss is seen here and nowhere else; its socket
	// does not keep a stopping server alive.
	const sql = postgres(databaseUrl, {
		max: 1,
		idle_timeout: 0,
		max_lifetime: null,
		connect_timeout: 5,
		unref_sockets: true,
		onnotice: () => {},
		onnotify: (channel, payload) => {
			if (channel === USER_CHANGED_CHANNEL) heard(payload);
		},
		onclose: () => {
			if (listening) log.warn('session cache: lost the database listener; reading through');
			listening = false;
			forgetEveryone();
			listenLater();
		}
	});

	const listen = () => {
		sql.unsafe(`listen ${USER_CHANGED_CHANNEL}`).then(
			() => {
				// Note: whatever changed while nobody listened is unknown, so start from nothing.
				forgetEveryone();
				listening = true;
				log.info({ channel: USER_CHANGED_CHANNEL }, 'session cache: listening');
			},
			(error: unknown) => {
				log.warn({ err: error }, 'session cache: cannot listen yet; reading through');
				listenLater();
			}
		);
	};
	listen();

	process.once('sveltekit:shutdown', () => {
		stopping = true;
		listening = false;
		forgetEveryone();
		void sql.end({ timeout: 1 });
	});
}
