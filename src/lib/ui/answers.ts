// Every prediction a learner makes in explore passes through onAnswer: the one place the progress
// store is told (recordAnswer: the gallery's score; best-effort, never in an embed). It also tells the
// page as a `wheelhouse:answer` event, so a page script or a test can see answers without reaching in.
import { recordAnswer } from './progress';

export interface AnswerDetail {
	walkthrough: string;
	/** The checkpoint's id, which is its step's id. */
	checkpoint: string;
	correct: boolean;
}

export function onAnswer(walkthroughId: string, checkpointId: string, correct: boolean): void {
	recordAnswer(walkthroughId, checkpointId, correct);
	const detail: AnswerDetail = { walkthrough: walkthroughId, checkpoint: checkpointId, correct };
	globalThis.dispatchEvent?.(new CustomEvent('wheelhouse:answer', { detail }));
}
