// Lint gate for `npm test`: TypeScript and Svelte, type-aware where it catches real bugs (floating
// promises), and the house's layering rule (lower floors never import upper ones) as an import ban.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Folders of src/lib from the bottom floor up; a folder may import only folders listed before it. */
const FLOORS = ['model', 'layout', 'engine', 'sim', 'render', 'ui', 'modes'];
const banUpward = FLOORS.map((floor, i) => ({
	files: [`src/lib/${floor}/**/*.{ts,svelte}`],
	ignores: ['**/*.test.ts'],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					...FLOORS.slice(i + 1).map((upper) => ({ group: [`$lib/${upper}/*`, `**/${upper}/*`], message: `${floor}/ sits below ${upper}/ and must not import it (DESIGN.md, Architecture).` })),
					{ group: ['$content/*', '**/content/*'], message: 'Library code gets content from the route, not by importing it.' }
				]
			}
		]
	}
}));

export default ts.config(
	{ ignores: ['build/', 'build-subpath/', '.svelte-kit/', 'dist/', 'node_modules/', 'test-results/', 'screenshots/', 'bench/results*'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Links are built with resolve()/walkthroughHref() helpers that the rule cannot see through.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	...banUpward,
	// Modes do not import each other.
	...['explore', 'present', 'speaker', 'embed', 'sandbox'].map((mode) => ({
		files: [`src/lib/modes/${mode}/**/*.{ts,svelte}`],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['$lib/modes/*', '../*'], message: `A mode does not import another mode; shared widgets live in ui/.` }] }
			]
		}
	}))
);
