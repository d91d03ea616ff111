import { describe, expect, it } from 'vitest';
import { fixtureScene } from '../model/fixtures/scene';
import type { Message } from '../model/types';
import { messageInWords as phrase } from '../model/describe-step';
import { announcementFor, BURST_WINDOW_MS, createAnnouncer, type Delivery } from './message-announcer';

const m = (summary: string, kind: Message['kind'] = 'request', from = 'p', to = 'q'): Message => ({ from, to, via: 'pq', kind, summary });
const A = m('GET a');
const B = m('200 OK', 'response', 'q', 'p');
const C = m('ADDED c', 'event', 'q', 'p');

/** A fake clock: timers run only when the test advances it. */
function harness(start: Delivery) {
	const said: string[] = [];
	let now = 0;
	let timers: { at: number; run: () => void }[] = [];
	const announcer = createAnnouncer(
		{
			scene: fixtureScene,
			say: (t) => said.push(t),
			schedule: (run, ms) => {
				const t = { at: now + ms, run };
				timers.push(t);
				return () => (timers = timers.filter((x) => x !== t));
			}
		},
		start
	);
	const advance = (ms: number) => {
		now += ms;
		for (const t of timers.filter((x) => x.at <= now)) {
			timers = timers.filter((x) => x !== t);
			t.run();
		}
	};
	return { said, announcer, advance };
}

describe('messageInWords', () => {
	it('says from, to, kind and what, with display names', () => {
		expect(phrase(fixtureScene, A)).toBe('Producer to Queue server, request: GET a');
		expect(phrase(fixtureScene, B)).toBe('Queue server to Producer, response: 200 OK');
	});
});

describe('announcementFor', () => {
	it.each([
		[[A], 'Producer to Queue server, request: GET a.'],
		[[A, B], 'Producer to Queue server, request: GET a. Queue server to Producer, response: 200 OK.'],
		[
			[A, B, C],
			'3 messages: 1 request, 1 response and 1 event. First, Producer to Queue server, request: GET a. Last, Queue server to Producer, event: ADDED c. The message log lists them all.'
		],
		[[A, A, A, A], '4 messages: 4 requests. First, Producer to Queue server, request: GET a. Last, Producer to Queue server, request: GET a. The message log lists them all.']
	])('%#', (messages, expected) => expect(announcementFor(fixtureScene, messages)).toBe(expected));
});

describe('createAnnouncer', () => {
	const step = (id: string, delivered: number, messages = [A, B, C]): Delivery => ({ id, messages, delivered });

	it('says each message once as it arrives, apart', () => {
		const h = harness(step('one', 0));
		h.announcer.observe(step('one', 1));
		h.advance(BURST_WINDOW_MS);
		h.announcer.observe(step('one', 1)); // the same state again (a speed change, a pause)
		h.advance(1000);
		h.announcer.observe(step('one', 2));
		h.advance(BURST_WINDOW_MS);
		expect(h.said).toEqual(['Producer to Queue server, request: GET a.', 'Queue server to Producer, response: 200 OK.']);
	});

	it('says nothing before the window closes, then a burst as one summary', () => {
		const h = harness(step('one', 0));
		h.announcer.observe(step('one', 1));
		h.announcer.observe(step('one', 3));
		h.advance(BURST_WINDOW_MS - 1);
		expect(h.said).toEqual([]);
		h.advance(1);
		expect(h.said).toHaveLength(1);
		expect(h.said[0]).toMatch(/^3 messages: /);
	});

	it('does not say what was on screen when announcing began', () => {
		const h = harness(step('one', 3));
		h.announcer.observe(step('one', 3));
		h.advance(5000);
		expect(h.said).toEqual([]);
	});

	it('drops what was waiting when the step changes, and counts the new step from its first message', () => {
		const h = harness(step('one', 0));
		h.announcer.observe(step('one', 1));
		h.announcer.observe(step('two', 1, [C]));
		h.advance(BURST_WINDOW_MS);
		expect(h.said).toEqual(['Queue server to Producer, event: ADDED c.']);
	});

	it('says a replayed step again, once', () => {
		const h = harness(step('one', 1));
		h.announcer.observe(step('one', 0));
		h.announcer.observe(step('one', 1));
		h.advance(BURST_WINDOW_MS * 3);
		expect(h.said).toEqual(['Producer to Queue server, request: GET a.']);
	});

	it('says nothing after destroy', () => {
		const h = harness(step('one', 0));
		h.announcer.observe(step('one', 1));
		h.announcer.destroy();
		h.advance(BURST_WINDOW_MS);
		expect(h.said).toEqual([]);
	});
});
