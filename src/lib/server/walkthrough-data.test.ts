import { describe, expect, it } from 'vitest';
import { branchy } from '$lib/model/fixtures/branchy';
import { fixtureScene } from '$lib/model/fixtures/scene';
import { discover } from '$lib/model/discover';
import { checkedWalkthrough, walkthroughEntries } from './walkthrough-data';

// "Adding a walkthrough is one data file": a module that only exports a walkthrough is discovered,
// gets its pages, and is validated before a page is built from it.
describe('a new walkthrough file', () => {
	const broken = { ...branchy, id: 'fixture/broken', steps: [{ ...branchy.steps[0]!, view: 'no-such-view' }] };
	const source = discover({
		'./fixture/scene.ts': { fixtureScene },
		'./fixture/branchy.ts': { branchy },
		'./fixture/broken.ts': { broken }
	});

	it('is routed: explore, present, speaker and embed prerender a page for it', () => {
		expect(walkthroughEntries(source)).toEqual([
			{ scene: 'fixture', walkthrough: 'branchy' },
			{ scene: 'fixture', walkthrough: 'broken' }
		]);
	});

	it('is validated: a good one is served, a broken one stops the build with the problem named', () => {
		expect(checkedWalkthrough({ scene: 'fixture', walkthrough: 'branchy' }, source).walkthrough).toBe(branchy);
		expect(() => checkedWalkthrough({ scene: 'fixture', walkthrough: 'broken' }, source)).toThrow(expect.objectContaining({ status: 500, body: { message: expect.stringContaining('no-such-view') } }));
	});

	it('an unknown id is a 404, not a crash', () => {
		expect(() => checkedWalkthrough({ scene: 'fixture', walkthrough: 'nope' }, source)).toThrow(expect.objectContaining({ status: 404 }));
	});
});
