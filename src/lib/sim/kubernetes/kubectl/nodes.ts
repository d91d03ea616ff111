// cordon, uncordon, drain as k8s.io/kubectl/pkg/drain does them: GET the Node and PATCH
// spec.unschedulable; drain cordons, lists the node's Pods (field selector), refuses Pods no controller
// owns unless --force, POSTs pods/<p>/eviction for each (DELETE with --disable-eviction), then polls
// each every second until it is gone, printing kubectl's lines as it goes.
import { controllerOf } from '../controllers/informer';
import type { Node, Pod } from '../types';
import type { DrainCommand, NodeCommand } from './command';
import type { Handled, HandlerContext } from './context';
import { serverError } from './output';

/** drain's poll interval while it waits for the evicted Pods to be gone (waitForDelete). */
const POLL_MS = 1_000;

function setUnschedulable(ctx: HandlerContext, node: string, on: boolean, then: (line: string) => void): void {
	const fail = (e: Parameters<typeof serverError>[0]) => (ctx.term.err(serverError(e)), ctx.term.done(1));
	ctx.client.get('Node', { name: node }, {
		done: (g) => {
			if (!g.ok) return fail(g);
			const verb = on ? 'cordoned' : 'uncordoned';
			if (Boolean((g.object as Node).spec.unschedulable) === on) return then(`node/${node} already ${verb}`);
			ctx.client.patch('Node', { name: node }, { spec: { unschedulable: on ? true : null } }, { done: (p) => (p.ok ? then(`node/${node} ${verb}`) : fail(p)) });
		}
	});
}

export function cordon(cmd: NodeCommand, ctx: HandlerContext): Handled {
	setUnschedulable(ctx, cmd.node, cmd.verb === 'cordon', (line) => (ctx.term.out(line), ctx.term.done(0)));
}

export function drain(cmd: DrainCommand, ctx: HandlerContext): Handled {
	const { client, term } = ctx;
	let stopped = false;
	const timers: { cancel(): void }[] = [];
	setUnschedulable(ctx, cmd.node, true, (line) => {
		term.out(line);
		client.list('Pod', {
			fieldSelector: `spec.nodeName=${cmd.node}`,
			done: (l) => {
				if (stopped) return;
				if (!l.ok) return (term.err(serverError(l)), term.done(1));
				const pods = l.items.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
				const bare = pods.filter((p) => !controllerOf(p)).map((p) => `${p.metadata.namespace ?? ''}/${p.metadata.name}`);
				if (bare.length && !cmd.force) {
					term.err(`error: unable to drain node "${cmd.node}" due to error: cannot delete Pods that declare no controller (use --force to override): ${bare.join(', ')}, continuing command...`);
					term.err(`There are pending nodes to be drained:\n ${cmd.node}\nerror: cannot delete Pods that declare no controller (use --force to override): ${bare.join(', ')}`);
					return term.done(1);
				}
				if (bare.length) term.err(`Warning: deleting Pods that declare no controller: ${bare.join(', ')}`);
				if (pods.length === 0) return (term.out(`node/${cmd.node} drained`), term.done(0));
				let left = pods.length;
				const gone = () => {
					if (--left > 0 || stopped) return;
					term.out(`node/${cmd.node} drained`);
					term.done(0);
				};
				for (const pod of pods) {
					const key = { name: pod.metadata.name, namespace: pod.metadata.namespace };
					const done = (r: { ok: boolean }) => {
						if (stopped) return;
						if (!r.ok) return (term.err(serverError(r as Parameters<typeof serverError>[0])), gone());
						// kubectl prints `pod/x evicted` once the Pod is gone, not when the eviction is accepted.
						waitGone(ctx, pod, timers, () => (stopped ? undefined : (term.out(`pod/${pod.metadata.name} ${cmd.disableEviction ? 'deleted' : 'evicted'}`), gone())));
					};
					if (!cmd.disableEviction) term.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}`);
					if (cmd.disableEviction) client.delete('Pod', key, { note: `drain ${cmd.node}`, done });
					else client.evict(key, { note: `drain ${cmd.node}`, done });
				}
			}
		});
	});
	return {
		stop: () => {
			stopped = true;
			timers.forEach((t) => t.cancel());
		}
	};
}

/** GET the Pod every second until the API says 404 (or it is another Pod of that name: another uid). */
function waitGone(ctx: HandlerContext, pod: Pod, timers: { cancel(): void }[], then: () => void): void {
	const poll = () =>
		ctx.client.get('Pod', { name: pod.metadata.name, namespace: pod.metadata.namespace }, {
			done: (r) => (r.ok && r.object.metadata.uid === pod.metadata.uid ? timers.push(ctx.after(POLL_MS, poll)) : then())
		});
	timers.push(ctx.after(POLL_MS, poll));
}
