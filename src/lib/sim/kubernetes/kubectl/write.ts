// The verbs that change one object: each is the request kubectl sends (POST, PATCH, DELETE) and the
// one line it prints back (`deployment.apps/nginx created`, and, as recent kubectl words it (the namespace added),
// `pod "x" deleted from default namespace`).
import type { ApiResult } from '../apiserver/status';
import type { Deployment, KubeObject, Service } from '../types';
import type { CreateDeploymentCommand, DeleteCommand, ExposeCommand, LogsCommand, ScaleCommand, SetImageCommand } from './command';
import { KIND_OF, type Handled, type HandlerContext } from './context';
import { quoted } from './names';
import { serverError } from './output';

/** What kubectl delete puts in DeleteOptions by default (--cascade=background): the garbage collector removes the dependents. */
const BACKGROUND = 'propagationPolicy Background';

/** Prints the error (and exits 1) or runs `then` with the object. */
const answer =
	<T>(ctx: HandlerContext, then: (object: T) => void) =>
	(r: ApiResult<T>) => {
		if (r.ok) return then(r.object);
		ctx.term.err(serverError(r));
		ctx.term.done(1);
	};

const print = (ctx: HandlerContext, line: string) => {
	ctx.term.out(line);
	ctx.term.done(0);
};

/** The container kubectl names after the image: `registry.io/team/web:1.2` → `web`. */
export const containerName = (image: string) => (image.split('/').pop() ?? image).split(/[:@]/)[0] || 'container';

/** The Deployment `kubectl create deployment` sends: labels, selector and template all `app=<name>`. */
export function deploymentFor(cmd: Pick<CreateDeploymentCommand, 'name' | 'image' | 'replicas' | 'port' | 'namespace'>) {
	const labels = { app: cmd.name };
	const container = { name: containerName(cmd.image), image: cmd.image, ...(cmd.port ? { ports: [{ containerPort: cmd.port }] } : {}) };
	return {
		kind: 'Deployment' as const,
		metadata: { name: cmd.name, namespace: cmd.namespace, labels },
		spec: { replicas: cmd.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } }
	};
}

export function createDeployment(cmd: CreateDeploymentCommand, ctx: HandlerContext): Handled {
	ctx.client.create(deploymentFor(cmd), { note: `${cmd.name}, replicas ${cmd.replicas}`, done: answer(ctx, () => print(ctx, `deployment.apps/${cmd.name} created`)) });
}

export function scale(cmd: ScaleCommand, ctx: HandlerContext): Handled {
	ctx.client.scale('Deployment', { name: cmd.name, namespace: cmd.namespace }, cmd.replicas, { done: answer(ctx, () => print(ctx, `deployment.apps/${cmd.name} scaled`)) });
}

/** GET the Deployment, then PATCH its containers with the new images (the whole list: a merge patch replaces lists). */
export function setImage(cmd: SetImageCommand, ctx: HandlerContext): Handled {
	const key = { name: cmd.name, namespace: cmd.namespace };
	ctx.client.get('Deployment', key, {
		done: answer<Deployment>(ctx, (d) => {
			const containers = d.spec.template.spec.containers;
			const missing = cmd.images.find(([c]) => c !== '*' && !containers.some((x) => x.name === c));
			if (missing) return (ctx.term.err(`error: unable to find container named "${missing[0]}"`), ctx.term.done(1));
			const next = containers.map((c) => ({ ...c, image: cmd.images.find(([n]) => n === c.name || n === '*')?.[1] ?? c.image }));
			// No change, no PATCH and no line, as kubectl skips an empty patch.
			if (next.every((c, i) => c.image === containers[i]?.image)) return ctx.term.done(0);
			const images = cmd.images.map(([c, i]) => `${c}=${i}`).join(', ');
			ctx.client.patch('Deployment', key, { spec: { template: { spec: { containers: next } } } }, { note: `image ${images}`, done: answer(ctx, () => print(ctx, `deployment.apps/${cmd.name} image updated`)) });
		})
	});
}

/** GET the Deployment (selector, labels, container port), then POST a Service of the same name. */
export function expose(cmd: ExposeCommand, ctx: HandlerContext): Handled {
	ctx.client.get('Deployment', { name: cmd.name, namespace: cmd.namespace }, {
		note: 'read its selector',
		done: answer<Deployment>(ctx, (d) => {
			const port = cmd.port || d.spec.template.spec.containers.flatMap((c) => c.ports ?? [])[0]?.containerPort;
			if (!port) return (ctx.term.err('error: couldn\'t find port via --port flag or introspection\nSee \'kubectl expose -h\' for help and examples'), ctx.term.done(1));
			if (d.spec.selector.matchExpressions?.length) return (ctx.term.err('error: couldn\'t retrieve selectors via --selector flag or introspection: the Deployment uses matchExpressions'), ctx.term.done(1));
			const selector = d.spec.selector.matchLabels ?? {};
			const service = {
				kind: 'Service' as const,
				metadata: { name: cmd.name, namespace: cmd.namespace, labels: d.metadata.labels },
				spec: { ...(cmd.type ? { type: cmd.type } : {}), selector, ports: [{ protocol: 'TCP' as const, port, targetPort: cmd.targetPort ?? port }] }
			};
			const note = `${cmd.name}, ${cmd.type ?? 'ClusterIP'}, port ${port}, selector ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',')}`;
			ctx.client.create(service, { note, done: answer<Service>(ctx, () => print(ctx, `service/${cmd.name} exposed`)) });
		})
	});
}

/**
 * DELETE each object, printing `pod "x" deleted` as each answer arrives; then, as kubectl's default
 * --wait does, wait until every gracefully deleted object is gone (a watch on its name).
 */
export function del(cmd: DeleteCommand, ctx: HandlerContext): Handled {
	const kind = KIND_OF[cmd.resource];
	let left = cmd.names.length;
	let failed = false;
	const waiting: KubeObject[] = [];
	const watches: { stop(): void }[] = [];
	const finish = () => {
		if (waiting.length === 0) return ctx.term.done(failed ? 1 : 0);
		let gone = 0;
		for (const o of waiting) {
			let present = false;
			const finished = () => {
				w.stop();
				if (++gone === waiting.length) ctx.term.done(failed ? 1 : 0);
			};
			const w = ctx.client.watch(kind, {
				namespace: cmd.namespace,
				fieldSelector: `metadata.name=${o.metadata.name}`,
				onEvent: ({ type, object, listed }) => {
					if (type === 'DELETED' || object.metadata.uid !== o.metadata.uid) return finished();
					if (listed) present = true;
				},
				// Not in the list: it was gone before the watch began.
				onSynced: () => (present ? undefined : finished())
			});
			watches.push(w);
		}
	};
	for (const name of cmd.names)
		ctx.client.delete(kind, { name, namespace: cmd.namespace }, {
			note: cmd.resource === 'pods' ? undefined : BACKGROUND,
			done: (r) => {
				if (r.ok) {
					ctx.term.out(`${quoted(cmd.resource, name)} deleted from ${cmd.namespace} namespace`);
					if ((r.object as KubeObject).metadata.deletionTimestamp) waiting.push(r.object as KubeObject);
				} else {
					failed = true;
					ctx.term.err(serverError(r));
				}
				if (--left === 0) finish();
			}
		});
	return { stop: () => watches.forEach((w) => w.stop()) };
}

/** `kubectl logs`: through the LogsSource the prompt was given (the cluster's `pods/<p>/log`). */
export function logs(cmd: LogsCommand, ctx: HandlerContext): Handled {
	if (!ctx.logs) return (ctx.term.err('error: container logs are not connected to this prompt yet'), ctx.term.done(1));
	ctx.logs({ namespace: cmd.namespace, pod: cmd.pod, container: cmd.container, previous: cmd.previous, tail: cmd.tail }, (r) => {
		if (!r.ok) return (ctx.term.err(r.message), ctx.term.done(1));
		const lines = r.text.replace(/\n$/, '').split('\n');
		const shown = cmd.tail !== undefined && cmd.tail >= 0 ? lines.slice(Math.max(0, lines.length - cmd.tail)) : lines;
		if (r.text !== '') ctx.term.out(shown.join('\n'));
		ctx.term.done(0);
	});
}
