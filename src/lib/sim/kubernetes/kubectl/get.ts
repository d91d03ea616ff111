// `kubectl get`: a LIST (or a GET per name) and the table; `-w` lists then watches from the list's
// resourceVersion and prints a row for every change, as kubectl's watch printer does.
import { resourceAt } from './names';
import type { GetCommand } from './command';
import { KIND_OF, NAMESPACED, type Handled, type HandlerContext } from './context';
import { serverError } from './output';
import { formatTable, tableOf } from './printers';
import { toJson, toYaml } from './serialize';
import type { KubeObject } from '../types';

export function get(cmd: GetCommand, ctx: HandlerContext): Handled {
	const { client, term } = ctx;
	const kind = KIND_OF[cmd.resource];
	const namespace = NAMESPACED[cmd.resource] && !cmd.allNamespaces ? cmd.namespace : undefined;
	const wide = cmd.output === 'wide';
	// One named object prints alone; anything else as a List, apiVersion and kind first as kubectl's JSON has them.
	const ordered = ({ apiVersion, kind, ...rest }: KubeObject) => ({ apiVersion, kind, ...rest });
	const document = (objects: KubeObject[]) =>
		objects.length === 1 && cmd.names.length === 1 ? ordered(objects[0] as KubeObject) : { apiVersion: 'v1', items: objects.map(ordered), kind: 'List', metadata: { resourceVersion: '' } };
	const print = (objects: KubeObject[]) => {
		if (cmd.output === 'name') objects.forEach((o) => term.out(resourceAt(cmd.resource, o.metadata.name)));
		else if (cmd.output === 'json') term.out(toJson(document(objects)));
		else if (cmd.output === 'yaml') term.out(toYaml(document(objects)));
		else term.out(formatTable(tableOf(cmd.resource, objects, ctx.now(), { wide, namespaces: cmd.allNamespaces && NAMESPACED[cmd.resource] })));
	};
	const none = () => term.err(namespace ? `No resources found in ${namespace} namespace.` : 'No resources found');

	if (cmd.watch) {
		let listed: KubeObject[] = [];
		let synced = false;
		const handle = client.watch(kind, {
			namespace,
			labelSelector: cmd.selector,
			onEvent: ({ object, listed: fromList }) => {
				if (cmd.names.length && !cmd.names.includes(object.metadata.name)) return;
				if (fromList && !synced) return void listed.push(object);
				// Each change is flushed on its own, so its cells are padded to themselves, as kubectl's are.
				const namespaces = cmd.allNamespaces && NAMESPACED[cmd.resource];
				if (cmd.output === 'table' || wide) term.out(formatTable({ columns: tableOf(cmd.resource, [object], ctx.now(), { wide, namespaces }).rows[0] ?? [], rows: [] }));
				else print([object]);
			},
			onSynced: () => {
				synced = true;
				if (listed.length) print(listed);
				else none();
				listed = [];
			},
			onError: (e) => {
				term.err(serverError(e));
				handle.stop();
				term.done(1);
			}
		});
		return handle;
	}

	if (cmd.names.length === 0)
		return client.list(kind, {
			namespace,
			labelSelector: cmd.selector,
			done: (r) => {
				if (!r.ok) return (term.err(serverError(r)), term.done(1));
				if (r.items.length) print(r.items);
				else none();
				term.done(0);
			}
		});
	// One GET per name, printed together once all have answered, the errors after the table.
	const found: KubeObject[] = [];
	const errors: string[] = [];
	let left = cmd.names.length;
	for (const name of cmd.names)
		client.get(kind, { name, namespace: cmd.namespace }, {
			done: (r) => {
				if (r.ok) found.push(r.object);
				else errors.push(serverError(r));
				if (--left > 0) return;
				const order = (o: KubeObject) => cmd.names.indexOf(o.metadata.name);
				if (found.length) print(found.sort((a, b) => order(a) - order(b)));
				errors.forEach((e) => term.err(e));
				term.done(errors.length ? 1 : 0);
			}
		});
}
