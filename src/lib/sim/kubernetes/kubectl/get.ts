// `kubectl get`: a LIST per type (or a GET per name) and the tables; `-w` lists then watches from the
// list's resourceVersion and prints a row for every change, as kubectl's watch printer does. Several
// types (`get deploy,rs,pods`, `get all`) print a table each, names as `deployment.apps/nginx`.
import type { KubeObject } from '../types';
import type { GetCommand, ResourceType } from './command';
import { KIND_OF, NAMESPACED, type Handled, type HandlerContext } from './context';
import { resourceAt } from './names';
import { serverError } from './output';
import { formatTable, tableOf } from './printers';
import { toJson, toYaml } from './serialize';

type Listed = [ResourceType, KubeObject[]];

const ordered = ({ apiVersion, kind, ...rest }: KubeObject) => ({ apiVersion, kind, ...rest });

export function get(cmd: GetCommand, ctx: HandlerContext): Handled {
	const { client, term } = ctx;
	const wide = cmd.output === 'wide';
	const first = cmd.resources[0] as ResourceType;
	const namespaceOf = (type: ResourceType) => (NAMESPACED[type] && !cmd.allNamespaces ? cmd.namespace : undefined);
	const namespaces = (type: ResourceType) => cmd.allNamespaces && NAMESPACED[type];
	const several = cmd.resources.length > 1;

	const print = (lists: Listed[]) => {
		const all = lists.flatMap(([, objects]) => objects);
		// One named object prints alone; anything else as a List, apiVersion and kind first as kubectl's JSON has them.
		const document = () => (all.length === 1 && cmd.names.length === 1 ? ordered(all[0] as KubeObject) : { apiVersion: 'v1', items: all.map(ordered), kind: 'List', metadata: { resourceVersion: '' } });
		if (cmd.output === 'name') return lists.forEach(([type, objects]) => objects.forEach((o) => term.out(resourceAt(type, o.metadata.name))));
		if (cmd.output === 'json') return term.out(toJson(document()));
		if (cmd.output === 'yaml') return term.out(toYaml(document()));
		const tables = lists
			.filter(([, objects]) => objects.length)
			.map(([type, objects]) => {
				const table = tableOf(type, objects, ctx.now(), { wide, namespaces: namespaces(type) });
				// With several types, NAME reads `type/name` (the column after NAMESPACE with -A).
				const at = namespaces(type) ? 1 : 0;
				if (several) table.rows.forEach((r) => (r[at] = resourceAt(type, r[at] ?? '')));
				return formatTable(table);
			});
		term.out(tables.join('\n\n'));
	};
	const none = () => {
		const ns = namespaceOf(first);
		term.err(ns ? `No resources found in ${ns} namespace.` : 'No resources found');
	};

	if (cmd.watch) return watch(cmd, ctx, print, none);

	if (cmd.names.length === 0) {
		const lists: Listed[] = [];
		// One LIST after another, in the order the types were given, as kubectl visits them.
		const next = (i: number): void => {
			const type = cmd.resources[i];
			if (type === undefined) {
				if (lists.some(([, objects]) => objects.length)) print(lists);
				else none();
				return term.done(0);
			}
			client.list(KIND_OF[type], {
				namespace: namespaceOf(type),
				labelSelector: cmd.selector,
				done: (r) => {
					if (!r.ok) return (term.err(serverError(r)), term.done(1));
					lists.push([type, r.items]);
					next(i + 1);
				}
			});
		};
		return next(0);
	}
	// One GET per name, printed together once all have answered, the errors after the table.
	const found: KubeObject[] = [];
	const errors: string[] = [];
	let left = cmd.names.length;
	for (const name of cmd.names)
		client.get(KIND_OF[first], { name, namespace: cmd.namespace }, {
			done: (r) => {
				if (r.ok) found.push(r.object);
				else errors.push(serverError(r));
				if (--left > 0) return;
				const order = (o: KubeObject) => cmd.names.indexOf(o.metadata.name);
				if (found.length) print([[first, found.sort((a, b) => order(a) - order(b))]]);
				errors.forEach((e) => term.err(e));
				term.done(errors.length ? 1 : 0);
			}
		});
}

/** `-w`: LIST then WATCH (one type); the table once synced, then each change on its own line. */
function watch(cmd: GetCommand, ctx: HandlerContext, print: (lists: Listed[]) => void, none: () => void): Handled {
	const { term } = ctx;
	const type = cmd.resources[0] as ResourceType;
	const wide = cmd.output === 'wide';
	let listed: KubeObject[] = [];
	let synced = false;
	const handle = ctx.client.watch(KIND_OF[type], {
		namespace: NAMESPACED[type] && !cmd.allNamespaces ? cmd.namespace : undefined,
		labelSelector: cmd.selector,
		onEvent: ({ object, listed: fromList }) => {
			if (cmd.names.length && !cmd.names.includes(object.metadata.name)) return;
			if (fromList && !synced) return void listed.push(object);
			// Each change is flushed on its own, so its cells are padded to themselves, as kubectl's are.
			const namespaces = cmd.allNamespaces && NAMESPACED[type];
			if (cmd.output === 'table' || wide) term.out(formatTable({ columns: tableOf(type, [object], ctx.now(), { wide, namespaces }).rows[0] ?? [], rows: [] }));
			else print([[type, [object]]]);
		},
		onSynced: () => {
			synced = true;
			if (listed.length) print([[type, listed]]);
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
