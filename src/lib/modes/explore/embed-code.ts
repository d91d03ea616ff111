// Builds what a course author pastes into an LMS. Pure, so the exact output is tested.
import type { ControlsMode } from '$lib/model/embed-options';
import type { Theme } from '$lib/ui/theme';

export interface EmbedOptions {
	/** Absolute URL of the embed page, e.g. https://host/embed/stacks/overview/ */
	embedUrl: string;
	title: string;
	step: number;
	controls: ControlsMode;
	theme: Theme;
	autoplay: boolean;
	width: number;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSrc(o: EmbedOptions): string {
	const url = new URL(o.embedUrl);
	if (o.step > 1) url.searchParams.set('step', String(o.step));
	if (o.controls !== 'full') url.searchParams.set('controls', o.controls);
	if (o.theme !== 'light') url.searchParams.set('theme', o.theme);
	if (o.autoplay) url.searchParams.set('autoplay', '1');
	return url.toString();
}

export function embedCode(o: EmbedOptions): string {
	const height = Math.round((o.width * 9) / 16);
	return (
		`<iframe src="${escapeAttr(embedSrc(o))}" title="${escapeAttr(`Wheelhouse: ${o.title}`)}" ` +
		`width="${o.width}" height="${height}" style="border:0;max-width:100%;aspect-ratio:16/9;height:auto" ` +
		`allow="fullscreen" allowfullscreen loading="lazy"></iframe>`
	);
}
