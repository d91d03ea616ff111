// The vocabulary of Wheelhouse as plain data. Nothing here knows about Svelte, d3 or the DOM,
// so content can be validated, laid out and stepped through in Node.

/** What a box *is*; the renderer picks shape and pattern from it so colour is never the only cue. */
export type ComponentKind =
	| 'hardware'
	| 'kernel'
	| 'hypervisor'
	| 'runtime'
	| 'library'
	| 'app'
	| 'client'
	| 'server'
	| 'store'
	| 'registry'
	| 'controller'
	| 'agent'
	| 'pod'
	| 'image'
	| 'container'
	| 'network'
	| 'person';

/** A group is a box that holds other boxes: a machine, a VM, a layer, the control plane, a node. */
export type GroupKind = 'machine' | 'vm' | 'container' | 'layer' | 'plane' | 'node' | 'boundary';

export interface Size {
	width: number;
	height: number;
}

export interface Component {
	id: string;
	/** Display name: what the diagram, the inspector and the message log call it. */
	name: string;
	kind: ComponentKind;
	/** Group that holds this component; absent = top level of the scene. */
	parent?: string;
	/** What it is, in one or two plain sentences (the inspector's first paragraph). */
	description: string;
	/**
	 * Shorter visible label, for names that repeat what the enclosing box says ("kubelet" inside node-1
	 * for "kubelet (node-1)"). Must be part of the name, so the accessible name contains what is seen.
	 */
	label?: string;
	/** Stretch to the full inner width of its group (a layer in a stack, like hardware or a kernel). */
	span?: boolean;
	/** Preferred box size; the layout uses it as the node size. */
	size?: Partial<Size>;
}

export interface Group {
	id: string;
	name: string;
	kind: GroupKind;
	parent?: string;
	description: string;
}

/** call: a request over the network; watch: a standing stream of events; data: traffic; local: an in-process call. */
export type ConnectionKind = 'call' | 'watch' | 'data' | 'local';

/** A path a message can travel. Messages may travel either way along it. */
export interface Connection {
	id: string;
	from: string;
	to: string;
	kind?: ConnectionKind;
}

/**
 * A view is one arrangement of the scene: which components and groups are shown.
 * A group in a view is shown only with at least one of its members.
 */
export interface View {
	id: string;
	name: string;
	/** Ids of the components shown; their ancestor groups are shown with them. */
	components: string[];
	/**
	 * Moves a component or group into another group for this view only (null = top level), so one
	 * component can travel between views: App A moves from the OS into a VM and then into a container.
	 */
	place?: Record<string, string | null>;
	/** Layout direction of the layered algorithm (default DOWN). */
	direction?: 'DOWN' | 'UP' | 'RIGHT' | 'LEFT';
	/**
	 * Groups (or 'top' for the top level) whose connections are not used to arrange their members, so
	 * the members line up in one row in the order written, e.g. a control plane's five components.
	 */
	unlinked?: string[];
	/** Forces siblings into ordered rows (or columns) of the layered layout: lower numbers first. */
	partitions?: Record<string, number>;
}

export interface Scene {
	id: string;
	title: string;
	/** Position in the gallery and the course (lower first). */
	order?: number;
	/** What the state panel is called in this scene (e.g. "Cluster"); default "State". */
	stateTitle?: string;
	summary: string;
	components: Component[];
	groups: Group[];
	connections: Connection[];
	views: View[];
}

export type MessageKind = 'request' | 'response' | 'event' | 'data';

export interface Message {
	from: string;
	to: string;
	/** The connection it travels along (in either direction). */
	via: string;
	kind: MessageKind;
	/** Log text after "FROM → TO: ". */
	summary: string;
}

export interface Choice {
	label: string;
	/** Step id the choice leads to. */
	to: string;
}

export interface Terminal {
	/** e.g. "$" or "PS>"; default "$". */
	prompt?: string;
	command: string;
	output?: string;
	/** The REST call(s) the command becomes, e.g. "POST /apis/apps/v1/namespaces/default/deployments". */
	api?: string;
}

export interface SourceFile {
	name: string;
	lines: string[];
	/** 1-based line numbers lit up at this step. */
	focus?: number[];
}

export interface StateTable {
	title: string;
	columns: string[];
	rows: string[][];
}

/**
 * One answer a learner may give to a checkpoint. For a `component` checkpoint `value` is a component
 * id (shown by its display name); for a `choice` checkpoint it is the text shown.
 */
export interface CheckpointOption {
	value: string;
	/**
	 * The wrong idea a learner who picks this holds, said to them after the traffic plays (one
	 * sentence). Every wrong option has one; the right answer has none.
	 */
	misconception?: string;
}

/**
 * Predict, then see: a question asked before a step's traffic plays. Its id is its step's id (a step
 * holds at most one), so a host page or the progress store can name it.
 */
export interface Checkpoint {
	question: string;
	/** component: answered by clicking a part of the diagram (or from a list); choice: a list of values. */
	kind: 'component' | 'choice';
	/** Two to four, so a room can answer A–D. */
	options: CheckpointOption[];
	/** The value of the right option. */
	answer: string;
	/** Why the answer is right, in one or two sentences, shown to everyone after answering. */
	feedback: string;
}

export interface Step {
	id: string;
	title: string;
	/** View id shown during this step. */
	view: string;
	/** What the learner reads (and a screen reader announces) at this step. */
	narration: string;
	/** Notes for the teacher's speaker view. */
	notes?: string;
	/** Component or group ids drawn emphasised. */
	highlight?: string[];
	/** Messages that travel during this step, in order. */
	messages?: Message[];
	/** What a component does in this step, shown in its inspector. */
	roles?: Record<string, string>;
	/** Explicit next step id; default is the following step in the list, none after the last. */
	next?: string;
	/** A branch point: the learner picks one. "Next" follows the first choice unless `next` is set. */
	choices?: Choice[];
	/** Marks the end of a path even if more steps follow in the list (e.g. the end of a branch). */
	end?: boolean;
	/** The command typed at this step, its output, and the API call it becomes. */
	terminal?: Terminal;
	/** A source file shown beside the diagram (e.g. a Dockerfile) with the lines this step is about; carried forward. */
	file?: SourceFile;
	/** State tables (like `kubectl get` or `docker ps -a`) as they stand after this step; carried forward. */
	tables?: StateTable[];
	/** Simulated time shown on screen, e.g. "t = 50 s"; carried forward. */
	clock?: string;
	/** Short status badges on parts, e.g. { 'pod-1a': 'Pending', 'node-2': 'NotReady' }. */
	badges?: Record<string, string>;
	/** How long autoplay lingers on the step at 1× (ms); default grows with the narration. */
	dwellMs?: number;
	/** A question asked before this step's messages travel. */
	checkpoint?: Checkpoint;
}

/** What the gallery and the not-found page list about a walkthrough. */
export interface WalkthroughEntry {
	/** "<scene>/<walkthrough>" */
	id: string;
	title: string;
	summary: string;
}

/**
 * Where the course deck is out of date, as a step's narration already corrects it ("The deck says …").
 * `text` is that aside word for word (content tests hold it to the narration); a handout gathers them.
 */
export interface DeckCorrection {
	step: string;
	text: string;
}

export interface Walkthrough {
	id: string;
	scene: string;
	title: string;
	/** Position among its scene's walkthroughs in the gallery and the course (lower first). */
	order?: number;
	summary: string;
	/** The deck's dated claims this walkthrough corrects, in step order. */
	deckCorrections?: DeckCorrection[];
	steps: Step[];
}
