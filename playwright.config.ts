import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium where there is one; Playwright's own download otherwise. */
function chromiumPath(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean) as string[];
	const found = candidates.find((path) => existsSync(path));
	if (found) return found;
	if (process.env.CHROMIUM_PATH) {
		throw new Error(`CHROMIUM_PATH points at ${process.env.CHROMIUM_PATH}, which does not exist.`);
	}
	console.warn(
		"No system Chromium found (CHROMIUM_PATH, /usr/bin/chromium). Falling back to Playwright's " +
			'own browser; install one with `sudo apt-get install -y chromium` or ' +
			'`npx playwright install chromium`.'
	);
	return undefined;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

// Note: the config is evaluated in the runner and again in each worker; the runner picks the
// port and the workers inherit it through the environment.
process.env.E2E_PORT ??= String(await freePort());
const port = Number(process.env.E2E_PORT);
export const baseURL = `http://localhost:${port}`;

// The e2e server's own database: a fresh one on TEST_DATABASE_URL's server, else an embedded
// PGlite in a temporary folder. tests/e2e/server.ts creates, migrates and seeds it.
if (process.env.TEST_DATABASE_URL && !process.env.E2E_DATABASE_URL) {
	const url = new URL(process.env.TEST_DATABASE_URL);
	url.pathname = `/openstall_e2e_${randomBytes(6).toString('hex')}`;
	process.env.E2E_DATABASE_URL = url.toString();
}
process.env.E2E_DATA_DIR ??= join(tmpdir(), `openstall-e2e-${randomBytes(6).toString('hex')}`);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	timeout: 30_000,
	use: {
		baseURL,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: chromiumPath(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	globalTeardown: './tests/e2e/global-teardown.ts',
	webServer: {
		command: 'npx tsx tests/e2e/server.ts',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
