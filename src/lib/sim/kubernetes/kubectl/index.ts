// The kubectl prompt over a simulated cluster: parse a line, complete it, run it (see README.md).
export { parseCommand } from './parse';
export { tokenize } from './tokens';
export { complete, clusterNames, type Completion, type Names } from './complete';
export { makePrompt, help, type KubectlPrompt, type PromptOptions } from './prompt';
export { linePrompt, type LinePrompt } from './line-prompt';
export { recordingTerminal, serverError, type Running, type Terminal } from './output';
export type { LogsRequest, LogsSource } from './context';
export type { Command, Parsed, ResourceType } from './command';
export { parseYaml } from './yaml';
export { SUPPORTED } from './vocabulary';
