import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		// Generated or written by tools: the build, SvelteKit's types, migrations, test output.
		ignores: [
			'build/',
			'.svelte-kit/',
			'.data/',
			'drizzle/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'blob-report/',
			'coverage/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// `x == null` is the one loose comparison worth keeping: it means null or undefined.
			eqeqeq: ['error', 'always', { null: 'ignore' }],
			'no-undef': 'off',
			// Openstall is served from the root (no `paths.base`), so `resolve()` would not change
			// a single href; navigation through goto() is still checked.
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				// Scripts and tool configs sit outside the app's tsconfig (SvelteKit generates its
				// include list) but still get the type-aware rules, with the same compiler options.
				projectService: {
					allowDefaultProject: ['drizzle.config.ts', 'playwright.config.ts', 'scripts/*.ts'],
					defaultProject: 'tsconfig.json',
					maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20
				},
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/require-await': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	}
);
