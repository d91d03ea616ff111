// The sandbox page's state and what its buttons, keys and prompt do, on one live run: the clock (pacer
// → LiveRun.advance on each frame), the picture (slots, badges, the view morphing as Pods come and go),
// the message log (the last LOG_CAP lines), tokens (at most MAX_TOKENS moving; none with reduced
// motion), the tables (refreshed a few times a second), the announcer and the URL (the run's link).
import type { LogLine } from '$lib/engine/message-log';
import type { ViewLayout, SceneLayout } from '$lib/layout/types';
import { messageInWords } from '$lib/model/describe-step';
import { displayName } from '$lib/model/scene';
import type { Message, Scene, StateTable } from '$lib/model/types';
import { DisplaySlots, type SlotPlan } from './display-slots';
import { createLiveAnnouncer } from './live-announcer';
import { connectionIndex, livePicture, shownMessage, withView, type LivePicture } from './live-picture';
import { clockText, createPacer, type Speed } from './pacer';
import type { Entry } from './prompt';
import { decodeRun, encodeRun } from './run-url';
import { startSandboxCluster, type CourseOptions, type LiveRun } from './start-cluster';

export const LOG_CAP = 300;
const MAX_TOKENS = 6;
const TABLES_EVERY_MS = 250;
const TOKEN_MS: Record<Speed, number> = { 1: 700, 10: 450, 60: 300 };

/** What the controller needs of the diagram (render/Diagram.svelte's exports). */
export interface DiagramHandle {
	showView(view: string, duration: number): Promise<void>;
	sendMessage(m: Message, duration: number): Promise<void>;
}

export class SandboxState {
	status: 'loading' | 'ready' | 'failed' = $state('loading');
	busy = $state(true);
	playing = $state(false);
	speed: Speed = $state(1);
	now = $state(0);
	picture: LivePicture = $state.raw() as LivePicture;
	layouts: SceneLayout = $state.raw({});
	lines: LogLine[] = $state.raw([]);
	total = $state(0);
	tables: StateTable[] = $state.raw([]);
	tablesBefore: StateTable[] | undefined = $state.raw();
	entries: Entry[] = $state([]);
	notice: string | undefined = $state();
	said = $state({ seq: 0, text: '' });

	private run: LiveRun | undefined;
	private readonly pacer = createPacer();
	private readonly slots: DisplaySlots;
	private plan: SlotPlan;
	private readonly connections: Map<string, string>;
	private moving = 0;
	private tablesAt = -Infinity;
	private readonly announcer = createLiveAnnouncer({
		scene: () => this.picture.scene,
		say: (text) => (this.said = { seq: this.said.seq + 1, text }),
		now: () => performance.now(),
		schedule: (run, ms) => {
			const t = setTimeout(run, ms);
			return () => clearTimeout(t);
		}
	});

	constructor(
		private readonly base: Scene,
		private readonly full: ViewLayout,
		private readonly course: CourseOptions,
		letters: string,
		private readonly deps: { diagram: () => DiagramHandle | undefined; reduced: () => boolean; writeUrl: (query: string) => void }
	) {
		this.slots = new DisplaySlots(letters);
		this.plan = this.slots.update([]);
		this.connections = connectionIndex(base);
		this.picture = livePicture(base, full, this.plan, [], []);
		this.layouts = { [this.picture.viewId]: this.picture.layout };
	}

	/** Starts the run a link asks for (`search`: the page's query string). */
	async start(search: string): Promise<void> {
		const { spec, notice } = decodeRun(search);
		this.notice = notice;
		try {
			this.run = await startSandboxCluster(spec, this.course);
		} catch (e) {
			this.status = 'failed';
			this.notice = `The simulator could not start this run (${e instanceof Error ? e.message : String(e)}). Reload, or open the sandbox without a link's run.`;
			return;
		}
		// The link's actions, in the transcript as they were run (their output was printed then, not kept).
		this.entries = spec.actions.map((a) => ({ at: clockText(a.at), line: a.line, output: '(from the link)' }));
		this.refresh({ tokens: false, announce: false, tables: true });
		this.tablesBefore = this.tables; // nothing has changed yet: no row is marked
		this.status = 'ready';
		this.busy = false;
		this.announcer.sayNow(`Cluster started at ${clockText(this.now)}: ${this.run.pods().length} Pods.`);
		if (notice || spec.actions.length) this.saveUrl();
	}

	destroy(): void {
		this.announcer.destroy();
	}

	/** One animation frame: the clock moves by the wall time since the last one × the speed. */
	frame(wallMs: number): void {
		const ms = this.pacer.advance(wallMs);
		if (!this.run || this.busy || ms <= 0) return;
		this.run.advance(ms);
		this.refresh({ tokens: true, announce: true });
	}

	togglePlay(): void {
		if (this.busy) return;
		if (this.pacer.playing) this.pause();
		else this.pacer.play(performance.now());
		this.playing = this.pacer.playing;
	}

	setSpeed(speed: Speed): void {
		this.pacer.setSpeed(speed, performance.now());
		this.speed = speed;
	}

	nextMessage(): void {
		if (!this.run || this.busy) return;
		this.pause();
		const found = this.run.nextMessage();
		const fresh = this.refresh({ tokens: true, announce: false, tables: true });
		const last = fresh.at(-1);
		this.announcer.sayNow(found && last ? `${clockText(this.now)}: ${messageInWords(this.picture.scene, last)}.` : 'No message within a simulated minute.');
		this.saveUrl();
	}

	async settle(): Promise<void> {
		if (!this.run || this.busy) return;
		this.pause();
		this.busy = true;
		const result = await this.run.settle(async () => {
			this.now = this.run!.now;
			await new Promise((r) => setTimeout(r, 0));
		});
		this.refresh({ tokens: false, announce: false, tables: true });
		this.busy = false;
		if (result.ok) this.announcer.sayNow(`Settled at ${clockText(this.now)}.`);
		else {
			this.notice = result.message;
			this.announcer.sayNow(result.message);
		}
		this.saveUrl();
	}

	/** An action (typed, or chosen on the diagram), recorded at the simulated time it is made. */
	act(line: string): void {
		if (!this.run || this.busy) return;
		const entry: Entry = { at: clockText(Math.ceil(this.now)), line, output: '…' };
		this.entries.push(entry);
		const index = this.entries.length - 1;
		this.run.act(line, (output) => (this.entries[index]!.output = output));
		this.refresh({ tokens: true, announce: false, tables: true });
		this.announcer.sayNow(`${line}: ${this.entries[index]!.output === '…' ? 'sent; the answer comes as the clock runs' : this.entries[index]!.output.split('\n')[0]}`);
		this.saveUrl();
	}

	complete = (line: string, cursor: number) => this.run?.prompt.complete(line, cursor) ?? [];

	private pause(): void {
		this.pacer.pause();
		this.playing = false;
		this.saveUrl();
	}

	private saveUrl(): void {
		if (this.run) this.deps.writeUrl(`?${encodeRun(this.run.spec())}`);
	}

	/** Brings the page up to the run: returns the messages sent since the last call, as shown. */
	private refresh(o: { tokens: boolean; announce: boolean; tables?: boolean }): Message[] {
		const run = this.run!;
		this.now = run.now;
		const fresh = run.drain();
		const pods = run.pods();
		this.plan = this.slots.update(pods);
		const previous = this.picture.viewId;
		const next = livePicture(this.base, this.full, this.plan, pods, run.nodes());
		if (next.viewId !== previous) this.layouts = withView(this.layouts, previous, next);
		// Same slots, other Pods in them (a replacement in a freed slot): the view stays, its labels change.
		else if (labelsDiffer(this.layouts[next.viewId], next.layout)) this.layouts = { ...this.layouts, [next.viewId]: next.layout };
		this.picture = next;
		if (next.viewId !== previous) void this.deps.diagram()?.showView(next.viewId, this.deps.reduced() ? 0 : 400);
		const shown = fresh.map((m) => shownMessage(m, this.plan, this.connections));
		const name = (id: string) => displayName(next.scene, id);
		const added = fresh.slice(-LOG_CAP).map((m, i, list) => {
			const s = shown[shown.length - list.length + i]!.message;
			return { key: `m${m.id}`, stepId: 'live', kind: m.kind, text: `${name(s.from)} → ${name(s.to)}: ${s.summary}` };
		});
		this.total += fresh.length;
		if (added.length) this.lines = [...this.lines, ...added].slice(-LOG_CAP);
		if (o.tokens && !this.deps.reduced()) this.send(shown.filter((s) => s.drawable).map((s) => s.message));
		if (o.announce) this.announcer.observe(shown.map((s) => s.message));
		const wall = performance.now();
		if (o.tables || wall - this.tablesAt > TABLES_EVERY_MS) {
			this.tablesAt = wall;
			// Rows stay marked until the next change, so the last change can be read at leisure.
			const tables = run.tables();
			if (JSON.stringify(tables) !== JSON.stringify(this.tables)) {
				this.tablesBefore = this.tables;
				this.tables = tables;
			}
		}
		return shown.map((s) => s.message);
	}

	/** Tokens for the newest messages, as many as may move at once; the rest are in the log only. */
	private send(messages: Message[]): void {
		const diagram = this.deps.diagram();
		const room = MAX_TOKENS - this.moving;
		if (!diagram || room <= 0) return; // (slice(-0) would be every message)
		for (const m of messages.slice(-room)) {
			this.moving++;
			void diagram.sendMessage(m, TOKEN_MS[this.speed]).finally(() => this.moving--);
		}
	}
}

/** Whether any part of a view is drawn with other label lines (a slot now named after another Pod). */
function labelsDiffer(before: ViewLayout | undefined, after: ViewLayout): boolean {
	if (!before) return true;
	return Object.entries(after.nodes).some(([id, n]) => (before.nodes[id]?.lines ?? []).join('\n') !== (n.lines ?? []).join('\n'));
}
