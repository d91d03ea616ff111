// The fuzz invariants (run.ts checks them after every event): no page error or unhandled rejection,
// one step number everywhere and in range, the URL saying the same, the narration and the message
// log of that step. The functions passed to evaluate() run in the page, so they are self-contained.
import type { Frame, Page } from '@playwright/test';
import { formatMessage } from '../../src/lib/engine/message-log';
import { WITHHELD_NARRATION } from '../../src/lib/model/checkpoint';
import { walkthroughs, scenes } from '../content';

// A walkthrough without choices: the invariants below count steps and log lines along one straight
// path (a branch changes "of M" and the path; checking those needs pathPosition, not done yet).
export const ID = 'docker/build-and-push';
const walkthrough = walkthroughs.find((w) => w.id === ID)!;
const scene = scenes.find((s) => s.id === walkthrough.scene)!;
if (walkthrough.steps.some((s) => 'choices' in s && s.choices)) throw new Error(`${ID} has choices; the fuzz invariants assume a straight path`);
/** Per step (0-based): the log lines once that step has delivered everything. */
const cumulative: string[][] = [];
for (const [i, s] of walkthrough.steps.entries()) cumulative.push([...(cumulative[i - 1] ?? []), ...(s.messages ?? []).map((m) => formatMessage(scene, m))]);
// While a step's question is open (the embed asks by default) its narration is withheld: it would answer it.
const expected = { total: walkthrough.steps.length, narrations: walkthrough.steps.map((s) => s.narration), cumulative, withheld: WITHHELD_NARRATION };

type Shown = { steps: number[][]; playing: boolean };
// window.__fuzzShown() is installed by the init script (page-init.ts): functions given to evaluate()
// are sent as source text, so they cannot share a helper, and the site's CSP forbids building one there.

function invariants({ total, narrations, cumulative, withheld, checkUrl }: typeof expected & { checkUrl: boolean }): string | undefined {
	// Recorded by the init script (page-init.ts): Playwright's pageerror does not see every one.
	const recorded = (window as unknown as { __fuzzProblems?: string[] }).__fuzzProblems;
	if (recorded?.length) return recorded[0];
	const { steps } = (window as unknown as { __fuzzShown: () => Shown }).__fuzzShown();
	if (steps.length === 0) return `no step indicator (at ${location.pathname})`;
	const [n, m] = steps[0]!;
	if (steps.some(([a, b]) => a !== n || b !== m)) return `step indicators disagree: ${JSON.stringify(steps)}`;
	if (m !== total || n! < 1 || n! > total) return `step ${n} of ${m} is out of range (${total} steps)`;
	const param = new URL(location.href).searchParams.get('step');
	if (checkUrl && (param === null ? n !== 1 : Number(param) !== n)) return `the URL says step=${param}, the page step ${n}`;
	const narration = narrations[n! - 1]!;
	const statuses = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? '');
	const asking = document.querySelector('.checkpoint.open, .poll:not(.revealed)') !== null;
	if (!statuses.some((t) => t.includes(asking ? withheld : narration))) return `no status region holds step ${n}'s narration${asking ? ' (withheld)' : ''}`;
	const log = document.querySelector('[role="log"]');
	if (log) {
		const items = [...log.querySelectorAll('li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
		const full = cumulative[n! - 1]!;
		const before = cumulative[n! - 2]?.length ?? 0;
		const wrong = items.findIndex((t, i) => !full[i] || !t.includes(full[i]!));
		if (items.length < before || items.length > full.length || wrong >= 0) return `the log (${items.length} lines, first wrong ${wrong}) does not match step ${n} (${before}–${full.length} lines)`;
	}
	return undefined;
}

/** The speaker view may lag the presentation (it hears of each change), but its step is always in range. */
function speakerInvariants(total: number): string | undefined {
	const recorded = (window as unknown as { __fuzzProblems?: string[] }).__fuzzProblems;
	if (recorded?.length) return `speaker view: ${recorded[0]}`;
	const { steps } = (window as unknown as { __fuzzShown: () => Shown }).__fuzzShown();
	if (steps.length !== 1) return `speaker view: ${steps.length} step indicators`;
	const [n, m] = steps[0]!;
	return m !== total || n! < 1 || n! > total ? `speaker view: step ${n} of ${m} is out of range` : undefined;
}

/**
 * Waits (briefly) for the invariants to hold, as the page settles after an event; else says why not.
 * Polled from here: invariants() is undefined when all is well, which waitForFunction would read as "not yet".
 */
/** The step shown and whether it plays, in the presentation (or any page of the walkthrough). */
export const readShown = (target: Frame) => target.evaluate(() => (window as unknown as { __fuzzShown: () => Shown }).__fuzzShown());

export async function check(target: Frame, problems: string[], checkUrl: boolean, speaker?: Page): Promise<string | undefined> {
	if (problems.length > 0) return problems[0];
	const args = { ...expected, checkUrl };
	const deadline = Date.now() + 3000;
	for (;;) {
		let problem = await target.evaluate(invariants, args).catch((e: Error) => `could not check: ${e.message}`);
		if (!problem && speaker && !speaker.isClosed() && speaker.url().includes('/speaker'))
			problem = await speaker.evaluate(speakerInvariants, expected.total).catch(() => undefined);
		if (!problem) return problems[0];
		if (Date.now() > deadline) return problem;
		await new Promise((r) => setTimeout(r, 50));
	}
}
