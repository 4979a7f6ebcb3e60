import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';

const postgresUrl = process.env.TEST_DATABASE_URL;

/** Integration tests run once per database driver: always PGlite, PostgreSQL when it is named. */
const integrationProjects = [
	{ name: 'integration:pglite', driver: 'pglite' },
	...(postgresUrl ? [{ name: 'integration:postgres', driver: 'postgres' }] : [])
].map(({ name, driver }) => ({
	extends: true as const,
	test: {
		name,
		environment: 'node',
		include: ['tests/**/*.test.ts'],
		exclude: ['tests/e2e/**'],
		env: { TEST_DB_DRIVER: driver },
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
}));

export default defineConfig({
	plugins: [tailwindcss(), sveltekit()],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts']
				}
			},
			...integrationProjects
		]
	}
});
