// The embed URL's parameters come from course authors' copy-and-paste and from LMS rewriting: take what
// is valid, ignore the rest with one warning each, and never fail.
import { MAX_SPEED, MIN_SPEED } from '$lib/engine/speed';
import { parseStepNumber, toStepIndex } from '$lib/model/step-number';
import { isControlsMode, type ControlsMode } from '$lib/model/embed-options';
import { isTheme, type Theme } from '$lib/ui/theme';

export interface EmbedConfig {
	/** 0-based */
	step: number;
	controls: ControlsMode;
	theme: Theme;
	autoplay: boolean;
	speed: number;
	/** 0-based inclusive range the embed is limited to. */
	start: number;
	end: number;
	/** Predict, then see: ask each checkpoint before its traffic plays (predict=1, the default). */
	predict: boolean;
}

const KNOWN = new Set(['step', 'controls', 'theme', 'autoplay', 'speed', 'start', 'end', 'scorm', 'predict']);

export function parseEmbedParams(params: URLSearchParams, total: number): { config: EmbedConfig; warnings: string[] } {
	const warnings: string[] = [];
	const last = Math.max(1, total);
	const config: EmbedConfig = { step: 0, controls: 'full', theme: 'light', autoplay: false, speed: 1, start: 0, end: last - 1, predict: true };
	const stepNumber = (name: string, raw: string): number | undefined => {
		const parsed = parseStepNumber(raw, last);
		if (parsed.ok) return toStepIndex(parsed.number);
		warnings.push(`Wheelhouse: ignoring ${name}="${raw.slice(0, 40)}": expected a whole number from 1 to ${last}.`);
		return undefined;
	};

	for (const key of new Set(params.keys())) if (!KNOWN.has(key)) warnings.push(`Wheelhouse: ignoring unknown parameter "${key.slice(0, 40)}".`);

	const start = params.get('start');
	if (start !== null) config.start = stepNumber('start', start) ?? config.start;
	const end = params.get('end');
	if (end !== null) config.end = stepNumber('end', end) ?? config.end;
	if (config.end < config.start) {
		warnings.push(`Wheelhouse: ignoring end=${config.end + 1}: it is before start=${config.start + 1}.`);
		config.end = last - 1;
	}

	const step = params.get('step');
	config.step = config.start;
	if (step !== null) {
		const s = stepNumber('step', step);
		if (s !== undefined) {
			if (s < config.start || s > config.end) warnings.push(`Wheelhouse: step=${s + 1} is outside start–end; showing step ${Math.min(config.end, Math.max(config.start, s)) + 1}.`);
			config.step = Math.min(config.end, Math.max(config.start, s));
		}
	}

	const controls = params.get('controls');
	if (controls !== null) {
		if (isControlsMode(controls)) config.controls = controls;
		else warnings.push(`Wheelhouse: ignoring controls="${controls.slice(0, 40)}": expected full, minimal or none.`);
	}

	const theme = params.get('theme');
	if (theme !== null) {
		if (isTheme(theme)) config.theme = theme;
		else warnings.push(`Wheelhouse: ignoring theme="${theme.slice(0, 40)}": expected light, dark or projector.`);
	}

	for (const name of ['autoplay', 'predict'] as const) {
		const raw = params.get(name);
		if (raw === null) continue;
		if (raw === '0' || raw === '1') config[name] = raw === '1';
		else warnings.push(`Wheelhouse: ignoring ${name}="${raw.slice(0, 40)}": expected 0 or 1.`);
	}

	const speed = params.get('speed');
	if (speed !== null) {
		const n = Number(speed);
		if (speed.trim() !== '' && Number.isFinite(n) && n >= MIN_SPEED && n <= MAX_SPEED) config.speed = n;
		else warnings.push(`Wheelhouse: ignoring speed="${speed.slice(0, 40)}": expected a number from ${MIN_SPEED} to ${MAX_SPEED}.`);
	}
	return { config, warnings };
}
