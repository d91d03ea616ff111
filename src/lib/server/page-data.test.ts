import { describe, expect, it } from 'vitest';
import { branchy } from '$lib/model/fixtures/branchy';
import { fixtureScene } from '$lib/model/fixtures/scene';
import type { SceneLayout } from '$lib/layout/types';
import { embedData, layoutsFor } from './page-data';

const layout = (view: string) => ({ view, width: 10, height: 10, nodes: {}, edges: {} });
const layouts: SceneLayout = { only: layout('only'), wide: layout('wide'), unused: layout('unused') };
const rich = {
	...branchy,
	steps: branchy.steps.map((s, i) => ({
		...s,
		view: i === 2 ? 'wide' : 'only',
		notes: 'Ask the class…',
		roles: { p: 'sends' },
		terminal: { command: 'kubectl get pods' },
		file: { name: 'Dockerfile', lines: ['FROM x'] },
		tables: [{ title: 'Pods', columns: ['NAME'], rows: [['a']] }]
	}))
};

describe('page data', () => {
	it('ships the layouts of the views the walkthrough shows, no others', () => {
		expect(Object.keys(layoutsFor(rich, layouts))).toEqual(['only', 'wide']);
	});

	it('gives an embed what it draws and steps through, and nothing it never shows', () => {
		const data = embedData(fixtureScene, rich, layouts);
		const step = data.walkthrough.steps[1]!;
		expect(step).toEqual({ id: 'b', title: 'Step b', view: 'only', narration: 'Narration of b', messages: rich.steps[1]!.messages, choices: rich.steps[1]!.choices });
		expect(data.scene.components.map((c) => [c.id, c.name, c.kind, c.description])).toEqual([['p', 'Producer', 'client', ''], ['q', 'Queue server', 'server', '']]);
		expect(data.scene.connections).toEqual(fixtureScene.connections);
		expect(Object.keys(data.layouts)).toEqual(['only', 'wide']);
	});
});
