// The walkthrough as a directed graph of steps: which step follows which, and how to get anywhere.
import type { Step, Walkthrough } from './types';

/** The step "Next" leads to, or undefined at the end of a path. */
export function defaultNext(w: Walkthrough, index: number): string | undefined {
	const step = w.steps[index];
	if (!step) return undefined;
	if (step.next) return step.next;
	if (step.choices?.length) return step.choices[0]?.to;
	if (step.end) return undefined;
	return w.steps[index + 1]?.id;
}

/** Every step the learner can go to from this one (default next and all choices). */
export function successors(w: Walkthrough, index: number): string[] {
	const step = w.steps[index];
	if (!step) return [];
	const out = new Set<string>();
	const next = defaultNext(w, index);
	if (next) out.add(next);
	for (const c of step.choices ?? []) out.add(c.to);
	return [...out];
}

export function indexOfStep(w: Walkthrough, id: string): number {
	return w.steps.findIndex((s) => s.id === id);
}

export function stepById(w: Walkthrough, id: string): Step | undefined {
	return w.steps.find((s) => s.id === id);
}

/**
 * The way a learner would have come to `target` from the first step (excluding the target itself): the
 * main path if the target is on it, else the shortest path. A deep link uses it as the history, so
 * "Previous" walks back along that way and "Step N of M" counts it.
 */
export function pathTo(w: Walkthrough, target: string): string[] | undefined {
	const start = w.steps[0]?.id;
	if (!start) return undefined;
	// On the main path the way a learner comes is the main path, even where a branch offers a shortcut.
	const main = mainPath(w).map((i) => w.steps[i]!.id);
	const onMain = main.indexOf(target);
	if (onMain >= 0) return main.slice(0, onMain);
	const cameFrom = new Map<string, string | null>([[start, null]]);
	const queue = [start];
	while (queue.length) {
		const id = queue.shift()!;
		if (id === target) {
			const path: string[] = [];
			let at = cameFrom.get(id) ?? null;
			while (at !== null) {
				path.unshift(at);
				at = cameFrom.get(at) ?? null;
			}
			return path;
		}
		for (const next of successors(w, indexOfStep(w, id))) {
			if (!cameFrom.has(next)) {
				cameFrom.set(next, id);
				queue.push(next);
			}
		}
	}
	return undefined;
}

/** The step indices "Next" visits from the first step: the main path, without branches. */
export function mainPath(w: Walkthrough): number[] {
	const path: number[] = [];
	for (let i = 0; i >= 0 && !path.includes(i); ) {
		path.push(i);
		const next = defaultNext(w, i);
		i = next ? indexOfStep(w, next) : -1;
	}
	return path;
}

/** Ids of steps reachable from the first step. */
export function reachableSteps(w: Walkthrough): Set<string> {
	const seen = new Set<string>();
	const start = w.steps[0]?.id;
	if (!start) return seen;
	const stack = [start];
	while (stack.length) {
		const id = stack.pop()!;
		if (seen.has(id)) continue;
		seen.add(id);
		const i = indexOfStep(w, id);
		if (i >= 0) stack.push(...successors(w, i));
	}
	return seen;
}

/** Where a learner stands on the path being walked: what "Step N of M" counts. */
export interface PathPosition {
	/** 1-based position on the path walked so far. */
	number: number;
	/** Steps on this path: those walked, this one, and those "Next" would still visit. */
	total: number;
	/** True off the main path (a side branch chosen at a choice). */
	branch: boolean;
}

/**
 * The count a step indicator shows. It follows the path being walked, not the list of steps, so the end
 * of the main path reads "Step 13 of 13" even when a side branch is listed as a 14th step.
 */
export function pathPosition(w: Walkthrough, history: string[], id: string): PathPosition {
	const index = indexOfStep(w, id);
	const seen = new Set<number>([index, ...history.map((h) => indexOfStep(w, h))]);
	let ahead = 0;
	for (let next = defaultNext(w, index); next !== undefined; ) {
		const i = indexOfStep(w, next);
		if (i < 0 || seen.has(i)) break;
		seen.add(i);
		ahead++;
		next = defaultNext(w, i);
	}
	return { number: history.length + 1, total: history.length + 1 + ahead, branch: !mainPath(w).includes(index) };
}
