import { describe, expect, it } from 'vitest';
import { formatTable, humanDuration } from './printers';
import { tabwrite } from './tabwriter';

describe('humanDuration (k8s.io/apimachinery duration.HumanDuration)', () => {
	it.each([
		[-5_000, '<invalid>'],
		[-1_000, '0s'],
		[0, '0s'],
		[999, '0s'],
		[59_000, '59s'],
		[119_000, '119s'],
		[120_000, '2m'],
		[125_000, '2m5s'],
		[599_000, '9m59s'],
		[600_000, '10m'],
		[179 * 60_000, '179m'],
		[3 * 3_600_000, '3h'],
		[3 * 3_600_000 + 20 * 60_000, '3h20m'],
		[8 * 3_600_000, '8h'],
		[47 * 3_600_000, '47h'],
		[48 * 3_600_000, '2d'],
		[50 * 3_600_000, '2d2h'],
		[8 * 86_400_000, '8d'],
		[400 * 86_400_000, '400d'],
		[730 * 86_400_000, '2y'],
		[800 * 86_400_000, '2y70d'],
		[9 * 365 * 86_400_000, '9y']
	])('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('formatTable (get) and tabwrite (describe)', () => {
	it('pads each column to its widest cell plus three; the last column is not padded', () => {
		expect(formatTable({ columns: ['NAME', 'READY', 'AGE'], rows: [['nginx-abc', '1/1', '5s'], ['x', '0/1', '10m']] })).toBe('NAME        READY   AGE\nnginx-abc   1/1     5s\nx           0/1     10m');
	});

	it('aligns each block of consecutive tabbed lines on its own (a line without a tab ends one), padding 2, as Go’s tabwriter', () => {
		const text = ['Name:\tweb', 'Namespace:\tdefault', 'Containers:', '  web:', '    Image:\tnginx', '    Restart Count:\t0', 'Events:\t<none>'].join('\n');
		expect(tabwrite(text)).toBe(['Name:       web', 'Namespace:  default', 'Containers:', '  web:', '    Image:          nginx', '    Restart Count:  0', 'Events:             <none>'].join('\n'));
	});

	it('an empty first cell continues the block (labels after the first)', () => {
		expect(tabwrite('Labels:\ta=1\n\tb=2\nIP:\t10.0.0.1')).toBe('Labels:  a=1\n         b=2\nIP:      10.0.0.1');
	});
});
