import { describe, expect, it } from 'vitest';
import { findScene, walkthroughs } from '../../content/registry';
import { logLines } from './message-log';

const w = walkthroughs.find((x) => x.id === 'stacks/overview')!;
const scene = findScene('stacks')!;

describe('message log', () => {
	it('writes FROM → TO: SUMMARY with display names', () => {
		const lines = logLines(scene, w, [], 'physical', 2);
		expect(lines.map((l) => l.text)).toEqual(['App A → Shared libraries: read("orders.csv")', 'Shared libraries → Host OS kernel: system call read()']);
	});
	it('holds every message of the steps behind, then what has arrived of this one', () => {
		const lines = logLines(scene, w, ['physical', 'problems'], 'vms', 0);
		expect(lines).toHaveLength(w.steps[0]!.messages!.length + w.steps[1]!.messages!.length);
		expect(lines.at(-1)!.text).toContain('libssl 3.0');
	});
});
