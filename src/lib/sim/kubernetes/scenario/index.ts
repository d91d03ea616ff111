// Scenarios: walkthroughs recorded from the simulator at build time (see README.md).
export type { Action, MessageRule, Scenario, StepScript, Text, Until } from './types';
export { recordScenario, clockText, type RecordedStep } from './run';
export { recordWalkthrough, type Recorded } from './record';
export { goldenText } from './golden';
export { fold, foldSummary, shape } from './fold';
