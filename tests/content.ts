// The walkthroughs for end-to-end specs. The app finds them with Vite's import.meta.glob, which
// Playwright's loader lacks, so this reads the same folders from disk and hands them to the same
// discover(): the specs see exactly the walkthroughs the site was built from.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { discover } from '../src/lib/model/discover';

const root = fileURLToPath(new URL('../src/content/', import.meta.url));
const files = readdirSync(root, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.flatMap((d) => readdirSync(`${root}${d.name}`).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `./${d.name}/${f}`));

const modules: Record<string, Record<string, unknown>> = {};
for (const f of files) modules[f] = (await import(`../src/content/${f.slice(2)}`)) as Record<string, unknown>;

export const { scenes, walkthroughs } = discover(modules);
