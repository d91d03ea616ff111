import { describe, expect, it } from 'vitest';
import type { Message } from '$lib/model/types';
import { fold, foldSummary, shape } from './fold';

const m = (summary: string, from = 'a', to = 'b'): Message => ({ from, to, via: `${from}-${to}`, kind: 'request', summary });

describe('folding runs of same-shape messages', () => {
	it('counts identical summaries', () => {
		expect(foldSummary(['POST /pods (generateName web-, batch 2)', 'POST /pods (generateName web-, batch 2)'])).toBe('POST /pods (generateName web-, batch 2) ×2');
	});
	it('lists up to three names that differ in one word, whole, and makes the kind plural', () => {
		expect(foldSummary(['watch: Pod web-7c5-bnhq8 ADDED', 'watch: Pod web-7c5-tb5r4 ADDED'])).toBe('watch: Pods web-7c5-bnhq8, web-7c5-tb5r4 ADDED');
		expect(foldSummary(['CRI StopContainer(4f6e, timeout 30 s)', 'CRI StopContainer(2a12, timeout 30 s)'])).toBe('CRI StopContainer(4f6e, 2a12, timeout 30 s)');
	});
	it('drops asides that differ (resourceVersions) to list the names', () => {
		expect(foldSummary(['201 Created: web-7c5-bh954 (resourceVersion 48218)', '201 Created: web-7c5-sz2k2 (resourceVersion 48219)'])).toBe('201 Created: web-7c5-bh954, web-7c5-sz2k2');
		expect(foldSummary(['200 OK (resourceVersion 1)', '200 OK (resourceVersion 2)'])).toBe('200 OK ×2');
	});
	it('drops a whole aside that holds brackets of its own, leaving no stray bracket', () => {
		const slices = ['PUT …/endpointslices/web-k56k9 (3 endpoints: 2 ready, 1 terminating (1 still serving))', 'PUT …/endpointslices/web-k56k9 (3 endpoints: 3 ready)'];
		expect(shape(slices[0]!)).toBe(shape(slices[1]!));
		expect(foldSummary(slices)).toBe('PUT …/endpointslices/web-k56k9 ×2');
	});
	it('shortens a shared path but never a name', () => {
		expect(foldSummary(['write /registry/pods/default/web-7c5-bnhq8', 'write /registry/pods/default/web-7c5-tb5r4'])).toBe('write /registry/pods/default/web-7c5-bnhq8, …/web-7c5-tb5r4');
	});
	it('says how many more when the list would be long or several words differ', () => {
		const blobs = ['GET /v2/x/blobs/sha256:aed5… (config)', 'GET /v2/x/blobs/sha256:d5d7… (layer 1/7)', 'GET /v2/x/blobs/sha256:d86c… (layer 2/7)', 'GET /v2/x/blobs/sha256:bab1… (layer 3/7)'];
		expect(foldSummary(blobs)).toBe('GET /v2/x/blobs/sha256:aed5… (config) and 3 more like it');
	});
	it('folds only consecutive messages of one shape between the same two parts', () => {
		expect(shape('GET /v2/x/blobs/sha256:aed5… (config)')).toBe(shape('GET /v2/x/blobs/sha256:d5d7… (layer 1/7)'));
		const shown = fold([m('CRI ImageStatus(nginx)'), m('CRI PullImage(nginx)'), m('watch: Pod web-7c5-bnhq8 ADDED'), m('watch: Pod web-7c5-tb5r4 ADDED', 'a', 'c')]);
		expect(shown.map((x) => x.summary)).toEqual(['CRI ImageStatus(nginx)', 'CRI PullImage(nginx)', 'watch: Pod web-7c5-bnhq8 ADDED', 'watch: Pod web-7c5-tb5r4 ADDED']);
	});
	it('keeps messages apart whose asides say different things, not just other numbers or sizes', () => {
		const status = [m('PATCH …/pods/web-7c5-bnhq8/status (running, restartCount 2, Ready=True)'), m('PATCH …/pods/web-7c5-bnhq8/status (waiting, reason CrashLoopBackOff (back-off 20s); Ready=False)')];
		expect(fold(status).map((x) => x.summary)).toEqual(status.map((x) => x.summary));
		const blobs = [m('GET /v2/x/blobs/sha256:aed5… (config)'), m('GET /v2/x/blobs/sha256:d5d7… (layer 1/7)'), m('GET /v2/x/blobs/sha256:d86c… (layer 2/7)')];
		expect(fold(blobs).map((x) => x.summary)).toEqual(['GET /v2/x/blobs/sha256:aed5… (config)', 'GET /v2/x/blobs/sha256:d5d7…, …/sha256:d86c…']);
		expect(fold([m('layer blob sha256:d33e… (1.3 kB)'), m('layer blob sha256:d5d7… (28.2 MB)')])).toHaveLength(1);
	});
	it('leaves alone what a rule marks alone', () => {
		const binds = [m('bind Pod web-7c5-bnhq8 to node-1 (3 fit)'), m('bind Pod web-7c5-tb5r4 to node-2 (3 fit)')];
		expect(fold(binds)).toHaveLength(1);
		expect(fold(binds, () => true)).toHaveLength(2);
	});
});
