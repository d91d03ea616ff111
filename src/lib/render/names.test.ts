import { describe, expect, it } from 'vitest';
import { GROUP_LABEL_BASELINE, GROUP_LABEL_SIZE, GROUP_LABEL_X, LABEL_LINE, LABEL_SIZE, CHAR_WIDTH } from './metrics';
import { firstLineY, groupNameRect, labelRect, nameRects } from './names';

const box = { x: 100, y: 200, width: 300, height: 120 };

describe('names', () => {
	it('a group name starts where the markup draws it and covers its text above the baseline', () => {
		const r = groupNameRect(box, 'Node 1');
		expect(r.x).toBe(box.x + GROUP_LABEL_X);
		expect(r.y).toBeLessThan(box.y + GROUP_LABEL_BASELINE);
		expect(r.y + r.height).toBeGreaterThan(box.y + GROUP_LABEL_BASELINE);
		expect(r.width).toBe(6 * GROUP_LABEL_SIZE * CHAR_WIDTH);
	});

	it('a label is centred in its box, one line height per line', () => {
		const r = labelRect(box, ['kube-', 'apiserver']);
		expect(r.x + r.width / 2).toBeCloseTo(box.x + box.width / 2);
		expect(r.y + r.height / 2).toBeCloseTo(box.y + box.height / 2);
		expect(r.width).toBeCloseTo(9 * LABEL_SIZE * CHAR_WIDTH);
		expect(r.height).toBeCloseTo(2 * LABEL_LINE);
	});

	it('the first line sits half the extra lines above the middle', () => {
		expect(firstLineY(box, ['one'])).toBe(60);
		expect(firstLineY(box, ['one', 'two'])).toBeCloseTo(60 - LABEL_LINE / 2);
	});

	it('nameRects takes each part by its kind', () => {
		const rects = nameRects(
			[
				{ id: 'g', group: true, box },
				{ id: 'c', group: false, box }
			],
			(id) => (id === 'g' ? ['Group'] : ['Comp'])
		);
		expect(rects).toEqual([groupNameRect(box, 'Group'), labelRect(box, ['Comp'])]);
	});
});
