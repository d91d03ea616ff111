// Random events for the fuzz suite (tests/fuzz.spec.ts), as plain data: a failing run prints its
// seed and the event list, and the list replays without the generator.
import { Prng } from '../../src/lib/sim/core/prng';

export type Mode = 'explore' | 'present' | 'embed';

export type FuzzEvent =
	| { type: 'key'; key: string }
	| { type: 'click'; nth: number }
	| { type: 'wheel'; x: number; y: number; dy: number }
	| { type: 'drag'; x: number; y: number; dx: number; dy: number }
	| { type: 'resize'; width: number; height: number }
	| { type: 'history'; back: boolean }
	| { type: 'params'; query: string }
	/** From the host page to the embed's frame; `cyclic` makes the object refer to itself (structured clone allows it). */
	| { type: 'message'; payload: unknown; burst?: number; cyclic?: boolean }
	/** From the speaker window (our origin) to the presentation. */
	| { type: 'speaker'; payload: unknown }
	/** A key pressed in the speaker window. */
	| { type: 'speakerKey'; key: string }
	/** A well-formed speaker command from a window on another origin: the presentation must not move. */
	| { type: 'foreign'; payload: unknown };

const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'PageDown', 'PageUp', 'Space', 'Home', 'End', 'n', 'p', 'k', '?', 'Escape', 'Tab', 'Shift+Tab', 'Enter', 'b', '.', 't', 'x', '0'];
const PRESENT_KEYS = [...KEYS, 'f'];

/** Step values a person or an LMS might put in a URL: garbage, huge, repeated, unicode. */
function stepValue(rng: Prng): string {
	return rng.pick([
		String(rng.between(-5, 20)),
		String(rng.next() * 20),
		'',
		'abc',
		'1e309',
		'9'.repeat(rng.between(10, 400)),
		'%F0%9F%90%B3',
		'٣',
		'３',
		'0x3',
		' 4 ',
		'NaN',
		'-0',
		'%00',
		'%E0%A4%A'
	]);
}

function query(rng: Prng): string {
	const parts = [`step=${stepValue(rng)}`];
	if (rng.next() < 0.3) parts.push(`step=${stepValue(rng)}`);
	if (rng.next() < 0.3) parts.push(`${rng.pick(['controls', 'theme', 'autoplay', 'speed', 'start', 'end', 'zzz'])}=${stepValue(rng)}`);
	// Long, but under the 4 KB a server accepts in a URL (serve.js and nginx answer 414 beyond it).
	if (rng.next() < 0.05) parts.push(`junk=${'x'.repeat(rng.between(1000, 3500))}`);
	return '?' + parts.join('&');
}

/** Host-page messages: mostly wrong, some right, some huge, as an LMS page (or an attacker) may send. */
function payload(rng: Prng): unknown {
	const command = rng.pick(['next', 'previous', 'goto', 'play', 'pause', 'getState', 'eval', '']);
	return rng.pick<unknown>([
		{ target: 'wheelhouse', version: 1, command },
		{ target: 'wheelhouse', version: 1, command: 'goto', step: rng.between(-3, 16) },
		{ target: 'wheelhouse', version: 1, command: 'goto', step: rng.pick<unknown>(['3', null, 2.5, 1e308, -0, [3], { step: 3 }]) },
		{ target: 'wheelhouse', version: rng.pick<unknown>([0, 2, '1', null]), command },
		null,
		42,
		'next',
		'x'.repeat(1_000_000),
		[1, 2, 3],
		{ target: 'wheelhouse' },
		{ context: 'h5p', action: rng.pick(['hello', 'resizePrepared', 'resize', 'explode']) },
		{ subject: 'lti.frameResize', height: rng.pick<unknown>([-1, 1e9, 'tall']) },
		{ a: { b: { c: { d: { e: { f: 'deep' } } } } }, self: '[Circular]' }
	]);
}

/** The speaker link's messages (src/lib/ui/speaker-link.ts): well formed, nearly so, or about another walkthrough. */
function linkPayload(rng: Prng, walkthrough: string): unknown {
	const base = { channel: 'wheelhouse-present', type: 'command', walkthrough };
	return rng.pick<unknown>([
		{ ...base, command: rng.pick(['next', 'previous', 'play', 'pause']) },
		{ ...base, command: 'goto', step: rng.between(1, 14) },
		{ ...base, command: 'goto', step: rng.pick<unknown>([0, -1, 15, 1e9, 2.5, '3', null, Number.MAX_SAFE_INTEGER + 2]) },
		{ ...base, command: rng.pick(['eval', 'first', '', null]) },
		{ ...base, walkthrough: rng.pick(['docker/other', '', null]), command: 'next' },
		{ ...base, type: 'state', step: rng.between(-1, 20), playing: rng.pick<unknown>([true, 'yes']), startedAt: rng.pick<unknown>([0, NaN, -1e300]) },
		{ ...base, type: 'hello' },
		{ ...base, channel: 'wheelhouse-present-v2', command: 'next' }
	]);
}

/** `walkthrough` is the id under test, so speaker-link messages can be about it. */
export function generate(mode: Mode, seed: string | number, count: number, walkthrough: string): FuzzEvent[] {
	const rng = new Prng(`${mode}:${seed}`);
	const events: FuzzEvent[] = [];
	for (let i = 0; i < count; i++) {
		const r = rng.next();
		if (r < 0.45) events.push({ type: 'key', key: rng.pick(mode === 'present' ? PRESENT_KEYS : KEYS) });
		else if (r < 0.6) events.push({ type: 'click', nth: rng.int(1000) });
		else if (r < 0.66) events.push({ type: 'wheel', x: rng.int(1280), y: rng.int(720), dy: rng.between(-600, 600) });
		else if (r < 0.7) events.push({ type: 'drag', x: rng.int(1280), y: rng.int(720), dx: rng.between(-300, 300), dy: rng.between(-300, 300) });
		else if (r < 0.73) events.push({ type: 'resize', width: rng.between(320, 1920), height: rng.between(240, 1200) });
		else if (r < 0.78) events.push({ type: 'history', back: rng.next() < 0.5 });
		else if (r < 0.81) events.push({ type: 'params', query: query(rng) });
		else if (mode === 'embed') events.push({ type: 'message', payload: payload(rng), burst: rng.next() < 0.02 ? 1000 : undefined, cyclic: rng.next() < 0.05 || undefined });
		else if (mode === 'present' && r < 0.87) events.push({ type: 'speaker', payload: rng.next() < 0.7 ? linkPayload(rng, walkthrough) : payload(rng) });
		else if (mode === 'present' && r < 0.93) events.push({ type: 'speakerKey', key: rng.pick(KEYS) });
		else if (mode === 'present') events.push({ type: 'foreign', payload: linkPayload(rng, walkthrough) });
		else events.push({ type: 'key', key: rng.pick(KEYS) });
	}
	return events;
}
