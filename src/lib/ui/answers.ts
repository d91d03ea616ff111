// Every prediction a learner makes in explore passes through onAnswer: the one place the progress
// store (issue 17's recordAnswer) is wired in. It also tells the page as a `wheelhouse:answer` event,
// so a page script or a test can see answers without reaching into the app.
export interface AnswerDetail {
	walkthrough: string;
	/** The checkpoint's id, which is its step's id. */
	checkpoint: string;
	correct: boolean;
}

export function onAnswer(walkthroughId: string, checkpointId: string, correct: boolean): void {
	const detail: AnswerDetail = { walkthrough: walkthroughId, checkpoint: checkpointId, correct };
	globalThis.dispatchEvent?.(new CustomEvent('wheelhouse:answer', { detail }));
}
