import { describe, expect, it } from 'vitest';
import { embedCode, embedSrc } from './embed-code';

const base = { embedUrl: 'https://teach.example.edu/wheelhouse/embed/stacks/overview/', title: 'Physical machines, VMs & "containers"', step: 1, controls: 'full' as const, theme: 'light' as const, autoplay: false, width: 800 };

describe('embed code', () => {
	it('leaves defaults out of the URL', () => expect(embedSrc(base)).toBe('https://teach.example.edu/wheelhouse/embed/stacks/overview/'));
	it('carries the chosen options', () =>
		expect(embedSrc({ ...base, step: 4, controls: 'minimal', theme: 'projector', autoplay: true })).toBe(
			'https://teach.example.edu/wheelhouse/embed/stacks/overview/?step=4&controls=minimal&theme=projector&autoplay=1'
		));
	it('is an iframe with fullscreen allowed, a 16:9 size and an escaped title', () => {
		const code = embedCode({ ...base, step: 2, controls: 'none' });
		expect(code).toContain('allowfullscreen');
		expect(code).toContain('width="800" height="450"');
		expect(code).toContain('src="https://teach.example.edu/wheelhouse/embed/stacks/overview/?step=2&amp;controls=none"');
		expect(code).toContain('title="Wheelhouse: Physical machines, VMs &amp; &quot;containers&quot;"');
	});
});
