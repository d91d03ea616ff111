import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// ANALYZE=1 adds source maps so bench/analyze.js can attribute bundle bytes to source files.
	build: { sourcemap: Boolean(process.env.ANALYZE) },
	// Which host pages may command an embed: fixed at build time (see README, "Embedding").
	define: { __WHEELHOUSE_ALLOWED_ORIGINS__: JSON.stringify(process.env.WHEELHOUSE_ALLOWED_ORIGINS ?? '*') },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		setupFiles: ['src/lib/sim/vitest.setup.ts'],
		environment: 'node'
	}
});
