// The message log as a pure function of where the learner is: every message of the steps they came
// through, then the current step's messages that have arrived so far. Going back shrinks it again.
import { stepById } from '../model/graph';
import { displayName } from '../model/scene';
import type { Message, MessageKind, Scene, Walkthrough } from '../model/types';

export interface LogLine {
	/** Stable across re-renders: step id and message index. */
	key: string;
	stepId: string;
	kind: MessageKind;
	/** `FROM → TO: SUMMARY`, with display names. */
	text: string;
	/** The current step's lines only: 1, 2, 3 … as the diagram numbers its still traffic. */
	n?: number;
}

export function formatMessage(scene: Scene, m: Message): string {
	return `${displayName(scene, m.from)} → ${displayName(scene, m.to)}: ${m.summary}`;
}

export function logLines(scene: Scene, w: Walkthrough, history: string[], currentId: string, delivered: number): LogLine[] {
	const lines: LogLine[] = [];
	const addStep = (id: string, count: number, numbered: boolean) => {
		const messages = stepById(w, id)?.messages ?? [];
		messages.slice(0, count).forEach((m, i) =>
			lines.push({ key: `${id}:${i}`, stepId: id, kind: m.kind, text: formatMessage(scene, m), ...(numbered && { n: i + 1 }) })
		);
	};
	for (const id of history) addStep(id, Infinity, false);
	addStep(currentId, delivered, true);
	return lines;
}
