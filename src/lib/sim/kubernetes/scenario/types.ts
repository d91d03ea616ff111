// A scenario: the simulated run behind a walkthrough, written as data. It names where it starts (a
// fresh cluster, or the scenario it continues), and for each walkthrough step what is done (actions),
// when the step ends (a stop condition) and which of the step's simulated messages the step shows (a
// selection; runs of same-shape messages are folded). Narration, title, view and the rest stay in the
// walkthrough's data file; messages, tables, badges and the clock come from the run.
import type { MessageKind } from '$lib/model/types';
import type { ClusterOptions } from '../cluster/cluster';

/** A literal (equal) or a pattern (tested). */
export type Text = string | RegExp;

/** Which messages: every field given must match. */
export interface MessageRule {
	from?: Text;
	to?: Text;
	kind?: MessageKind;
	summary?: Text;
	/** The message that caused this one (its direct cause) has a summary matching this. */
	cause?: Text;
	/** Only the first n messages this rule matches among the step's candidates. */
	first?: number;
	/** Only the last n (e.g. the latest heartbeats after a long wait). */
	last?: number;
	/** Show each message this rule selects on its own line, never folded (e.g. bindings, whose nodes matter). */
	alone?: boolean;
}

/** When a step ends. Counts run from the start of the scenario's own steps (not the one it continues). */
export type Until =
	| { started: true }
	| { message: MessageRule; count?: number }
	/** Until `count` (default 1) requests matching the rule have had a 2xx answer (what they wrote is stored). */
	| { answered: MessageRule; count?: number }
	/** Until `count` (default 1) notes fit, e.g. every kube-proxy's "programmed rules". */
	| { note: Text; count?: number }
	/** Every Pod's kubectl STATUS is this (and there is at least one Pod). */
	| { pods: string }
	| { settled: true };

/** What the learner (or a fault) does at the start of a step; kubectl runs as user `student`. */
export type Action =
	| { kubectl: 'create deployment'; name: string; image: string; replicas: number }
	| { kubectl: 'scale deployment'; name: string; replicas: number }
	| { kubectl: 'get deployment'; name: string }
	| { kubectl: 'expose deployment'; name: string; port: number; type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' }
	| { kubectl: 'get services' }
	| { kubectl: 'get nodes' }
	/** Graceful: the API server sets deletionTimestamp (30 s grace); the node's kubelet stops it and deletes it. */
	| { kubectl: 'delete pod'; name: string }
	/** `kubectl logs <pod>`: the API server asks the Pod's node's kubelet for the container's log. */
	| { kubectl: 'logs'; name: string }
	/** An end user's request to a Service through its load balancer (needs kubeProxy). */
	| { request: string }
	/** A node's machine powered off (with a cloud: its VM stopped, not deleted), or back on. */
	| { powerOff: string }
	| { powerOn: string }
	/** A node's VM deleted in the cloud (needs cloud). */
	| { deleteVm: string }
	/** A new VM for a node whose VM was deleted: its kubelet registers the Node (needs cloud). */
	| { createVm: string }
	/**
	 * A Pod's running container exits with `exitCode` (a Pod name, or the scene slot it is drawn in,
	 * `pod-1a`); with `runsFor` (ms) the cause stays: every restarted container exits again after that long.
	 */
	| { crash: string; exitCode: number; runsFor?: number }
	/** The clock reads 0 from here (e.g. at a fault, after the actions that set the stage). */
	| { zero: true }
	| { wait: number }
	/** Run the clock until the condition holds, then go on with the next action. */
	| { until: Until };

export interface StepScript {
	/** The walkthrough step this records. */
	step: string;
	/** Done in order at the step's start. */
	actions?: Action[];
	/** When the step ends (default: at once, after the actions). */
	until?: Until;
	/**
	 * The messages shown: from those sent during the step, and those sent earlier but not shown yet,
	 * back to the start of the latest step with actions (a command starts a new story).
	 */
	show?: MessageRule[];
	/**
	 * Titles of the tables shown (default Deployments, ReplicaSets, Pods); `Pods with restarts` is the
	 * Pods table with kubectl's READY and RESTARTS columns (titled Pods).
	 */
	tables?: string[];
	/** The step's terminal output is what this command prints at the step's end (the data file keeps the command). */
	terminal?: 'get pods';
	/** The clock reads 0 at this step's start; steps before the first zero show no clock. */
	zero?: boolean;
	/**
	 * A branch off the main path: a second run of the same scenario on a cluster changed by
	 * `cluster`, replaying the main path up to and including step `from`, then this step.
	 */
	branch?: { from: string; cluster: Partial<ClusterOptions> };
}

export interface Scenario {
	title: string;
	/** A fresh cluster (seed and options), or the scenario whose main path this one continues. */
	start: { cluster: ClusterOptions } | { continues: Scenario };
	steps: StepScript[];
}
