/**
 * `npm run bench`: how fast the production build serves a public page, a signed-in page, the
 * seller dashboard and a listing page. It measures and prints; it asserts nothing.
 *
 * Every page is measured once per round, in a rotating order, so that whatever else the machine
 * is doing falls on all of them alike; the table shows medians over the rounds.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import postgres from 'postgres';
import { DEMO_PASSWORD } from '../src/lib/server/seed';
import {
	assertBuildExists,
	cpuTimeMs,
	createScratchDatabase,
	migrateAndSeed,
	peakMemoryKib,
	signInAs,
	startAppServer,
	type AppServer,
	type ScratchDatabase
} from '../tests/helpers/app-server';

const ROUNDS = positiveInteger('BENCH_ROUNDS', 5);
const DURATION = positiveInteger('BENCH_DURATION', 5);
const CONNECTIONS = positiveInteger('BENCH_CONNECTIONS', 10);
// Note: the bench measures what a deployment runs by default (no role cache, a database read on
// every signed-in request); SESSION_CACHE=listen measures the optional cache.
const SESSION_CACHE = process.env.SESSION_CACHE?.trim() || 'off';
const POSTGRES_SERVER =
	process.env.BENCH_POSTGRES_URL ??
	process.env.TEST_DATABASE_URL ??
	'postgres://postgres@127.0.0.1:5432/postgres';

type Target = {
	name: string;
	path: string | null;
	cookie: string | null;
	/** Text the page shows only when it was served as intended (signed in, allowed). */
	expect: string | null;
};

type Sample = {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	cpuPerRequestUs: number | null;
	failures: number;
};

function positiveInteger(name: string, fallback: number): number {
	const raw = process.env[name];
	if (!raw) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
	return value;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon');

/** One autocannon run in a process of its own, so the load it makes costs the server nothing. */
async function runLoad(url: string, cookie: string | null, seconds: number): Promise<unknown> {
	const args = [autocannonBin, '-j', '-n', '-c', String(CONNECTIONS), '-d', String(seconds)];
	if (cookie) args.push('-H', `cookie=${cookie}`);
	args.push(url);
	const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
	let output = '';
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => (output += chunk));
	const code = await new Promise<number | null>((done) => child.on('exit', done));
	if (code !== 0) throw new Error(`autocannon exited with code ${code}`);
	return JSON.parse(output);
}

type AutocannonResult = {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number };
	non2xx: number;
	errors: number;
	timeouts: number;
};

async function measure(server: AppServer, target: Target, seconds: number): Promise<Sample> {
	const before = cpuTimeMs(server.pid);
	const result = (await runLoad(
		`${server.origin}${target.path}`,
		target.cookie,
		seconds
	)) as AutocannonResult;
	const after = cpuTimeMs(server.pid);
	const total = result.requests.total;
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		cpuPerRequestUs:
			before !== null && after !== null && total > 0 ? ((after - before) * 1000) / total : null,
		failures: result.non2xx + result.errors + result.timeouts
	};
}

/** A listing to measure, if the build has listing pages yet: from the home page, else the data. */
async function findListingPath(origin: string, databaseUrl: string): Promise<string | null> {
	const home = await (await fetch(`${origin}/`)).text();
	const linked = /href="(\/listings\/[^"?#]+)"/.exec(home)?.[1];
	if (linked) return linked;

	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const [table] = await sql`select to_regclass('public.listing') as name`;
		if (!table?.name) return null;
		const [row] = await sql`select slug from listing limit 1`;
		return row?.slug ? `/listings/${encodeURIComponent(String(row.slug))}` : null;
	} catch {
		return null;
	} finally {
		await sql.end();
	}
}

/** Refuses to measure a page that is not what it claims: a redirect or an error page is fast. */
async function checkTarget(origin: string, target: Target): Promise<string | null> {
	const response = await fetch(`${origin}${target.path}`, {
		redirect: 'manual',
		headers: target.cookie ? { cookie: target.cookie } : {}
	});
	const body = await response.text();
	if (response.status !== 200) return `answered ${response.status}`;
	if (target.expect && !body.includes(target.expect)) return `does not show "${target.expect}"`;
	return null;
}

function format(value: number | null, digits = 0): string {
	return value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

function printMachine(): void {
	const processors = cpus();
	console.log('Machine');
	console.log(`  CPU      ${processors[0]?.model ?? 'unknown'} × ${processors.length}`);
	console.log(`  memory   ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
	console.log(`  node     ${process.version}`);
	console.log(
		`  load     ${loadavg()
			.map((n) => n.toFixed(2))
			.join(' ')} (1, 5, 15 min) at start`
	);
	console.log(
		`  run      ${ROUNDS} rounds × ${DURATION} s per page, ${CONNECTIONS} connections, ` +
			'autocannon in its own process'
	);
	console.log(`  server   node build, SESSION_CACHE=${SESSION_CACHE}`);
	console.log();
}

function printTable(targets: Target[], samples: Map<string, Sample[]>): void {
	const rows = [
		['page', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'req/s min–max', 'failed'],
		...targets.map((target) => {
			const runs = samples.get(target.name) ?? [];
			if (runs.length === 0) return [target.name, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a'];
			const rates = runs.map((run) => run.requestsPerSecond);
			const cpu = runs.map((run) => run.cpuPerRequestUs).filter((n): n is number => n !== null);
			return [
				target.name,
				format(median(rates)),
				format(median(runs.map((run) => run.p50))),
				format(median(runs.map((run) => run.p99))),
				cpu.length ? format(median(cpu)) : 'n/a',
				`${format(Math.min(...rates))}–${format(Math.max(...rates))}`,
				String(runs.reduce((sum, run) => sum + run.failures, 0))
			];
		})
	];
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
	const pad = (cell: string, column: number) =>
		column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!);
	const line = (row: string[]) => `| ${row.map(pad).join(' | ')} |`;
	const rule = widths.map((width, column) =>
		column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`
	);
	console.log(line(rows[0]!));
	console.log(`|${rule.join('|')}|`);
	for (const row of rows.slice(1)) console.log(line(row));
}

/**
 * Ratios taken within each round, where the two pages shared the machine's conditions, and the
 * same ratio from the server's CPU time per request, which other load on the machine disturbs
 * far less: it is what the throughput ratio would be on a quiet machine where the server is the
 * bottleneck.
 */
function printRatio(label: string, over: Sample[] | undefined, under: Sample[] | undefined): void {
	if (!over?.length || !under?.length || over.length !== under.length) {
		console.log(`  ${label.padEnd(32)} n/a`);
		return;
	}
	const ratios = over.map((run, i) => run.requestsPerSecond / under[i]!.requestsPerSecond);
	const cpuRatios = over.flatMap((run, i) => {
		const base = under[i]!.cpuPerRequestUs;
		return base !== null && run.cpuPerRequestUs ? [base / run.cpuPerRequestUs] : [];
	});
	console.log(
		`  ${label.padEnd(32)} ${median(ratios).toFixed(2)} req/s, ` +
			`${cpuRatios.length ? median(cpuRatios).toFixed(2) : 'n/a'} CPU  ` +
			`(req/s by round: ${ratios.map((r) => r.toFixed(2)).join(' ')})`
	);
}

async function main(): Promise<void> {
	assertBuildExists();
	printMachine();

	let scratch: ScratchDatabase | null = null;
	let server: AppServer | null = null;
	const cleanUp = async () => {
		await server?.stop();
		server = null;
		await scratch?.drop();
		scratch = null;
	};
	const interrupted = () => {
		void cleanUp().finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);

	try {
		let databaseUrl = process.env.BENCH_DATABASE_URL;
		if (!databaseUrl) {
			scratch = await createScratchDatabase(POSTGRES_SERVER, 'openstall_bench');
			databaseUrl = scratch.url;
		}
		await migrateAndSeed(databaseUrl);
		server = await startAppServer({
			databaseUrl,
			authSecret: randomBytes(33).toString('base64url'),
			env: { SESSION_CACHE }
		});

		const buyer = await signInAs(server.origin, 'buyer@example.com', DEMO_PASSWORD);
		const seller = await signInAs(server.origin, 'seller@example.com', DEMO_PASSWORD);
		const listingPath = await findListingPath(server.origin, databaseUrl);
		const targets: Target[] = [
			{ name: 'anonymous home', path: '/', cookie: null, expect: 'Sign in' },
			{ name: 'signed-in home (buyer)', path: '/', cookie: buyer, expect: 'Demo Buyer' },
			{
				name: 'seller dashboard',
				path: '/seller/dashboard',
				cookie: seller,
				expect: 'Demo Seller'
			},
			{ name: 'listing page (buyer)', path: listingPath, cookie: buyer, expect: 'Demo Buyer' }
		];

		const measured: Target[] = [];
		for (const target of targets) {
			const problem = target.path ? await checkTarget(server.origin, target) : 'not built yet';
			if (problem) console.log(`Skipping ${target.name}: ${target.path ?? ''} ${problem}`);
			else measured.push(target);
		}

		// Note: one short run per page first, so that lazy module loading, JIT warm-up and the
		// connection pool are behind us before the first sample counts.
		for (const target of measured) await measure(server, target, 2);

		const samples = new Map<string, Sample[]>(measured.map((target) => [target.name, []]));
		for (let round = 0; round < ROUNDS; round++) {
			for (let i = 0; i < measured.length; i++) {
				const target = measured[(i + round) % measured.length]!;
				samples.get(target.name)!.push(await measure(server, target, DURATION));
			}
			process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
		}

		const peak = peakMemoryKib(server.pid);
		console.log();
		printTable(targets, samples);
		console.log();
		console.log(
			'Ratios: requests per second, and CPU time per request inverted (medians by round)'
		);
		printRatio(
			'signed-in home / anonymous home',
			samples.get(targets[1]!.name),
			samples.get(targets[0]!.name)
		);
		printRatio(
			'dashboard / anonymous home',
			samples.get(targets[2]!.name),
			samples.get(targets[0]!.name)
		);
		console.log();
		console.log(
			`Server peak memory (VmHWM): ${peak === null ? 'n/a' : `${(peak / 1024).toFixed(0)} MiB`}`
		);
		console.log(
			`Load average at the end: ${loadavg()
				.map((n) => n.toFixed(2))
				.join(' ')}`
		);
	} finally {
		await cleanUp();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
