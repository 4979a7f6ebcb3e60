import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { expect } from '@playwright/test';
import { E2E_AUTH_SECRET } from './support';

export async function freePort(): Promise<number> {
	const server = createServer().listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	const address = server.address();
	await new Promise((resolve) => server.close(resolve));
	return typeof address === 'object' && address ? address.port : 0;
}

export type Instance = { origin: string; process: ChildProcess; output: () => string };

/**
 * Another `node build` on the e2e database: a second server instance, as a deployment with
 * several app servers would run. Only on PostgreSQL, which many processes can share.
 */
export async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	let output = '';
	const child = spawn('node', ['build'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			AUTH_SECRET: E2E_AUTH_SECRET,
			DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			...env
		}
	});
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await expect
		.poll(
			() =>
				fetch(`${origin}/healthz`).then(
					(r) => r.status,
					() => 0
				),
			{ timeout: 20_000 }
		)
		.toBe(200);
	return { origin, process: child, output: () => output };
}
