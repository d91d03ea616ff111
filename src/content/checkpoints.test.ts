// The promise of issue 17 about content: a learner is asked to predict in every walkthrough, at least
// three times in each Kubernetes one, 30 or more in all. (Each checkpoint's own rules are the validator's.)
import { describe, expect, it } from 'vitest';
import { walkthroughs } from './registry';

const count = (id: string) => walkthroughs.find((w) => w.id === id)!.steps.filter((s) => s.checkpoint).length;

describe('checkpoints', () => {
	it.each(walkthroughs.map((w) => [w.id] as const))('%s asks at least once (three times for Kubernetes)', (id) => {
		expect(count(id)).toBeGreaterThanOrEqual(id.startsWith('kubernetes/') ? 3 : 1);
	});
	it('asks 30 or more questions in all, at least a few by pointing at the diagram', () => {
		const all = walkthroughs.flatMap((w) => w.steps.flatMap((s) => (s.checkpoint ? [s.checkpoint] : [])));
		expect(all.length).toBeGreaterThanOrEqual(30);
		expect(all.filter((c) => c.kind === 'component').length).toBeGreaterThanOrEqual(10);
	});
});
