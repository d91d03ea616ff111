import { describe, expect, it } from 'vitest';
import { MAX_GAP_MS, clockText, createPacer } from './pacer';

describe('pacer', () => {
	it('runs nothing while paused, then wall time × speed', () => {
		const p = createPacer();
		expect(p.advance(1000)).toBe(0);
		p.play(1000);
		expect(p.advance(1100)).toBe(100);
		p.setSpeed(60, 1100);
		expect(p.advance(1200)).toBe(6000);
		p.pause();
		expect(p.advance(1300)).toBe(0);
		expect(p.playing).toBe(false);
	});

	it('counts from the moment play is pressed, not from the last reading before the pause', () => {
		const p = createPacer(10);
		p.play(0);
		p.advance(100);
		p.pause();
		p.play(5000);
		expect(p.advance(5050)).toBe(500);
	});

	it('clamps a long gap (a background tab) to MAX_GAP_MS of wall time', () => {
		const p = createPacer(60);
		p.play(0);
		expect(p.advance(600_000)).toBe(MAX_GAP_MS * 60);
		expect(p.advance(600_010)).toBe(600);
	});

	it('never runs backwards when the readings do', () => {
		const p = createPacer();
		p.play(500);
		expect(p.advance(400)).toBe(0);
	});
});

describe('clockText', () => {
	it.each([
		[0, 't = 0.0 s'],
		[4321, 't = 4.3 s'],
		[72_000, 't = 1 min 12 s'],
		[3_725_000, 't = 1 h 2 min 5 s']
	])('%d ms → %s', (ms, text) => expect(clockText(ms)).toBe(text));
});
