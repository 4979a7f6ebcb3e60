import adapterNode from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Note: adapter-node is the default. A serverless deploy selects its adapter at build time with
 * `ADAPTER=<package>` (for example `ADAPTER=@sveltejs/adapter-vercel`), once that package is
 * installed; the app keeps no state in the process, so nothing else changes.
 */
async function selectAdapter() {
	const name = process.env.ADAPTER;
	if (!name || name === 'node') return adapterNode();
	const module = await import(name);
	return module.default();
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Note: SvelteKit's CSRF origin check stays at its default (on); Auth.js relies on it.
		adapter: await selectAdapter()
	}
};

export default config;
