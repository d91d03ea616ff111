// What a parsed kubectl line is: one typed command per verb the prompt supports. The parser
// (parse.ts) builds these; the executor (execute.ts) turns each into the REST calls kubectl makes.

/** The resource types the simulated cluster stores, by kubectl's plural name. */
export type ResourceType = 'pods' | 'deployments' | 'replicasets' | 'nodes' | 'services' | 'endpointslices' | 'events';

export type OutputFormat = 'table' | 'wide' | 'name' | 'yaml' | 'json';

export interface GetCommand {
	verb: 'get';
	/** One type, or several (`get deploy,rs,pods`, `get all`): then each prints its own table. */
	resources: ResourceType[];
	/** Absent: every object of the type. */
	names: string[];
	output: OutputFormat;
	/** `-w`: after the table, a line per change. Executing it opens a watch the caller stops. */
	watch: boolean;
	selector?: string;
	/** `-A`: every namespace. */
	allNamespaces: boolean;
	namespace: string;
}

export interface DescribeCommand {
	verb: 'describe';
	resource: 'pods' | 'deployments' | 'nodes' | 'services';
	/** Absent: describe every object of the type (as kubectl does). */
	name?: string;
	namespace: string;
}

export interface CreateDeploymentCommand {
	verb: 'create deployment';
	name: string;
	image: string;
	replicas: number;
	port?: number;
	namespace: string;
}

export interface ScaleCommand {
	verb: 'scale';
	name: string;
	replicas: number;
	namespace: string;
}

export interface SetImageCommand {
	verb: 'set image';
	name: string;
	/** container name (or `*` for every container) → image. */
	images: [string, string][];
	namespace: string;
}

export interface RolloutCommand {
	verb: 'rollout';
	action: 'status' | 'history' | 'undo';
	name: string;
	/** `--to-revision=N` (undo) or `--revision=N` (history); absent or 0: the previous one / all. */
	revision?: number;
	namespace: string;
}

export interface ExposeCommand {
	verb: 'expose';
	name: string;
	port: number;
	targetPort?: number;
	type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
	namespace: string;
}

export interface DeleteCommand {
	verb: 'delete';
	resource: 'pods' | 'deployments' | 'services';
	names: string[];
	namespace: string;
}

export interface NodeCommand {
	verb: 'cordon' | 'uncordon';
	node: string;
}

export interface DrainCommand {
	verb: 'drain';
	node: string;
	ignoreDaemonsets: boolean;
	/** Delete Pods that no controller owns (they will not come back). */
	force: boolean;
	/** DELETE each Pod instead of POSTing an eviction. */
	disableEviction: boolean;
}

export interface LogsCommand {
	verb: 'logs';
	pod: string;
	container?: string;
	/** `-p`: the previous (crashed) instance's output. */
	previous: boolean;
	/** `-f`: keep streaming; the caller decides how (the UI can poll). */
	follow: boolean;
	tail?: number;
	namespace: string;
}

export interface ApplyCommand {
	verb: 'apply';
	/** `-f <file>`: `-` is the editor's text; other names are looked up by the caller (presets). */
	file: string;
	namespace: string;
}

export interface HelpCommand {
	verb: 'help';
	/** The verb asked about (`kubectl get --help`), or none: the whole list. */
	topic?: string;
}

export type Command =
	| GetCommand
	| DescribeCommand
	| CreateDeploymentCommand
	| ScaleCommand
	| SetImageCommand
	| RolloutCommand
	| ExposeCommand
	| DeleteCommand
	| NodeCommand
	| DrainCommand
	| LogsCommand
	| ApplyCommand
	| HelpCommand;

/** A parse either gives a command or the text kubectl would print (`error: …`), never a throw. */
export type Parsed = { ok: true; command: Command } | { ok: false; error: string };
