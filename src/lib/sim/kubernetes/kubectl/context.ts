// What every verb's handler gets: the client it speaks through, the simulated wall clock, a timer,
// and the terminal it prints to. Handlers run inside the user action, so every request they send is
// caused by the command line.
import type { ApiClient } from '../client';
import type { ControlPlane } from '../control-plane';
import type { Kind } from '../types';
import type { ResourceType } from './command';
import type { Running, Terminal } from './output';

export interface LogsRequest {
	namespace: string;
	pod: string;
	container?: string;
	previous: boolean;
	tail?: number;
}

/** The Pod's container output (the kubelet's log file, through `GET pods/<p>/log`): what `kubectl logs` prints, or the API's error. */
export type LogsSource = (req: LogsRequest, done: (result: { ok: true; text: string } | { ok: false; message: string }) => void) => void;

export interface HandlerContext {
	cp: ControlPlane;
	client: ApiClient;
	/** Wall-clock milliseconds now (epoch + simulated time), for AGE and timestamps. */
	now(): number;
	term: Terminal;
	/** Runs fn after ms of simulated time, unless stopped. */
	after(ms: number, fn: () => void): { cancel(): void };
	logs?: LogsSource;
	/** `apply -f <file>`: the editor's text for `-`, a preset's for a name. */
	files?: (name: string) => string | undefined;
}

/** What a handler returns: nothing (it calls term.done), or a handle for a command that keeps going. */
export type Handled = Running | void;

export const KIND_OF: Record<ResourceType, Kind> = {
	pods: 'Pod',
	deployments: 'Deployment',
	replicasets: 'ReplicaSet',
	nodes: 'Node',
	services: 'Service',
	endpointslices: 'EndpointSlice',
	events: 'Event'
};

export const NAMESPACED: Record<ResourceType, boolean> = {
	pods: true,
	deployments: true,
	replicasets: true,
	nodes: false,
	services: true,
	endpointslices: true,
	events: true
};
