/**
 * Runs the production build (`node build`) as a child process on a database of its own: what
 * the benchmark and the multi-instance tests need, and nothing they would each write again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import postgres from 'postgres';
import { connectPostgres, useConnection } from '../../src/lib/server/db/index';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { seedDemoData } from '../../src/lib/server/seed';

export const BUILD_ENTRY = resolve('build/index.js');

export const SESSION_COOKIE = 'authjs.session-token';

export function assertBuildExists(): void {
	if (!existsSync(BUILD_ENTRY)) {
		throw new Error(`There is no production build at ${BUILD_ENTRY}: run \`npm run build\` first.`);
	}
}

export async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.unref();
		server.on('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/** A new, empty database on the server `serverUrl` names; `drop()` removes it again. */
export async function createScratchDatabase(
	serverUrl: string,
	prefix: string
): Promise<ScratchDatabase> {
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

/** Applies the committed migrations and the demo data; both are safe to run again. */
export async function migrateAndSeed(databaseUrl: string): Promise<void> {
	const connection = connectPostgres(databaseUrl, { max: 2 });
	useConnection(connection);
	try {
		await migrateDatabase(connection);
		await seedDemoData();
	} finally {
		await connection.close();
	}
}

export type AppServer = {
	origin: string;
	process: ChildProcess;
	pid: number;
	/** Everything the server has written to stdout and stderr so far (its log lines). */
	output: () => string;
	stop: () => Promise<void>;
};

/** Starts `node build` on a free port and waits until /healthz answers. */
export async function startAppServer(options: {
	databaseUrl: string;
	authSecret: string;
	env?: Record<string, string>;
}): Promise<AppServer> {
	assertBuildExists();
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, [BUILD_ENTRY], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			AUTH_SECRET: options.authSecret,
			DATABASE_URL: options.databaseUrl,
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			...options.env
		}
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	// Note: adapter-node waits for open keep-alive connections and the database pool before it
	// exits; a few seconds of grace, then it is stopped for good.
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const grace = setTimeout(() => child.kill('SIGKILL'), 3_000);
		await exited;
		clearTimeout(grace);
	};

	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) {
			throw new Error(`node build exited with code ${child.exitCode}:\n${output}`);
		}
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.ok) break;
		} catch {
			// Note: not listening yet.
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`node build did not answer on ${origin} within 30 s`);
		}
		await new Promise((done) => setTimeout(done, 100));
	}
	return { origin, process: child, pid: child.pid ?? 0, output: () => output, stop };
}

/** Signs in through the /signin form, as a browser without JavaScript would. */
export async function signInAs(origin: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${origin}/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password, redirectTo: '/' })
	});
	const token = sessionTokenFrom(response);
	if (!token) throw new Error(`Signing in as ${email} failed with status ${response.status}`);
	return `${SESSION_COOKIE}=${token}`;
}

/** The session token a response sets, `''` when it clears it, undefined when it leaves it. */
export function sessionTokenFrom(response: Response): string | undefined {
	for (const line of response.headers.getSetCookie()) {
		const [pair] = line.split(';');
		const at = pair?.indexOf('=') ?? -1;
		if (pair && at > 0 && pair.slice(0, at) === SESSION_COOKIE) return pair.slice(at + 1);
	}
	return undefined;
}

/** Linux only: the high-water mark of the process's resident memory, in kibibytes. */
export function peakMemoryKib(pid: number): number | null {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : null;
	} catch {
		return null;
	}
}

/** Linux only: user plus system CPU time the process has used, in milliseconds. */
export function cpuTimeMs(pid: number): number | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Note: utime and stime are fields 14 and 15 of stat(5), counted in clock ticks of 10 ms.
		const ticks = Number(fields[11]) + Number(fields[12]);
		return Number.isFinite(ticks) ? ticks * 10 : null;
	} catch {
		return null;
	}
}
