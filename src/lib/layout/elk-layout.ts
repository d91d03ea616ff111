// The only module that imports elkjs. It runs at build time (prerender and tests), never in the browser:
// pages receive the resulting JSON, so no client chunk carries ELK's 1.5 MB.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { parentIn, visibleIds, componentById } from '../model/scene';
import type { Scene, View } from '../model/types';
import { routeEdges, type RouteBox } from './route';
import { componentSize, GROUP_LABEL_KEEP_OUT, GROUP_LABEL_SIZE, GROUP_LABEL_X, GROUP_PAD, labelLines, textWidth } from './sizing';
import type { PlacedEdge, PlacedNode, SceneLayout, ViewLayout } from './types';

const ROOT_PAD = 12;
const ROOT_LAYER_GAP = 44;
const GROUP_PADDING = `[top=${GROUP_PAD.top},left=${GROUP_PAD.side},bottom=${GROUP_PAD.side},right=${GROUP_PAD.side}]`;

type Direction = NonNullable<View['direction']>;

function layeredOptions(direction: Direction): Record<string, string> {
	return {
		'elk.algorithm': 'layered',
		'elk.direction': direction,
		// Each group is laid out on its own and then placed as one box: groups stay compact, and edges
		// between members of different groups are lifted to the groups (see liftedEdges).
		'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
		'elk.spacing.nodeNode': '24',
		'elk.layered.spacing.nodeNodeBetweenLayers': '32',
		'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
		'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
		'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
		'elk.randomSeed': '1',
		// Unconnected parts stay in their layer instead of being packed into a grid elsewhere.
		'elk.separateConnectedComponents': 'false'
	};
}

/** The chain from a node up to the top level, itself first. */
function chain(scene: Scene, view: View, id: string): string[] {
	const out = [id];
	let at = parentIn(scene, view, id);
	while (at && !out.includes(at)) {
		out.push(at);
		at = parentIn(scene, view, at);
	}
	return out;
}

/**
 * Each connection becomes an edge between the two siblings that contain its ends, inside their
 * nearest common group: kubelet (node-1) → kube-apiserver becomes node-1 → control plane at the top.
 */
function liftedEdges(scene: Scene, view: View, shown: Set<string>): Map<string, [string, string][]> {
	const byContainer = new Map<string, [string, string][]>();
	for (const c of scene.connections) {
		if (!shown.has(c.from) || !shown.has(c.to)) continue;
		const a = chain(scene, view, c.from);
		const b = chain(scene, view, c.to);
		const common = a.find((x) => b.includes(x) && x !== c.from && x !== c.to);
		const container = common ?? '__root';
		const sa = common ? a[a.indexOf(common) - 1] : a.at(-1);
		const sb = common ? b[b.indexOf(common) - 1] : b.at(-1);
		if (!sa || !sb || sa === sb) continue;
		const list = byContainer.get(container) ?? [];
		if (!list.some(([x, y]) => x === sa && y === sb)) list.push([sa, sb]);
		byContainer.set(container, list);
	}
	return byContainer;
}

function buildGraph(scene: Scene, view: View): ElkNode {
	const { components, groups } = visibleIds(scene, view);
	const nodes = new Map<string, ElkNode>();
	const direction = view.direction ?? 'DOWN';
	// Keep the order the author wrote: ELK's model-order option then keeps siblings left-to-right.
	for (const g of scene.groups.filter((g) => groups.includes(g.id)))
		nodes.set(g.id, {
			id: g.id,
			children: [],
			edges: [],
			layoutOptions: {
				...layeredOptions(direction),
				'elk.padding': GROUP_PADDING,
				// Wide enough for its own label, which sits inside the top padding.
				'elk.nodeSize.constraints': 'MINIMUM_SIZE',
				'elk.nodeSize.minimum': `(${textWidth(g.name, GROUP_LABEL_SIZE) + 2 * GROUP_PAD.side + 8}, 60)`
			}
		});
	for (const id of components) {
		const c = componentById(scene, id);
		if (c) nodes.set(id, { id, ...componentSize(c) });
	}
	const root: ElkNode = {
		id: '__root',
		layoutOptions: {
			...layeredOptions(direction),
			'elk.padding': `[top=${ROOT_PAD},left=${ROOT_PAD},bottom=${ROOT_PAD},right=${ROOT_PAD}]`,
			// Routed edges between groups run in these gaps: room for a few lines side by side.
			'elk.layered.spacing.nodeNodeBetweenLayers': String(ROOT_LAYER_GAP)
		},
		children: [],
		edges: []
	};
	for (const [id, node] of nodes) {
		const parent = parentIn(scene, view, id);
		const holder = (parent ? nodes.get(parent) : root) ?? root;
		holder.children!.push(node);
		const row = view.partitions?.[id];
		if (row !== undefined) {
			node.layoutOptions = { ...node.layoutOptions, 'elk.partitioning.partition': String(row) };
			holder.layoutOptions = { ...holder.layoutOptions, 'elk.partitioning.activate': 'true' };
		}
	}
	let n = 0;
	for (const [container, pairs] of liftedEdges(scene, view, new Set(components))) {
		if (view.unlinked?.includes(container === '__root' ? 'top' : container)) continue;
		const holder = container === '__root' ? root : nodes.get(container);
		for (const [a, b] of pairs) holder?.edges!.push({ id: `e${n++}`, sources: [a], targets: [b] });
	}
	return root;
}

function flatten(node: ElkNode, dx: number, dy: number, depth: number, groups: Set<string>, out: Record<string, PlacedNode>) {
	for (const child of node.children ?? []) {
		const x = dx + (child.x ?? 0);
		const y = dy + (child.y ?? 0);
		out[child.id] = {
			id: child.id,
			role: groups.has(child.id) ? 'group' : 'component',
			depth,
			x: Math.round(x),
			y: Math.round(y),
			width: Math.round(child.width ?? 0),
			height: Math.round(child.height ?? 0)
		};
		flatten(child, x, y, depth + 1, groups, out);
	}
}

/**
 * Each group's name, drawn in its top padding (sizing.ts: GROUP_LABEL_X, GROUP_LABEL_BASELINE), as a box
 * lines keep clear of, even lines that enter the group. Slimmer than the text: the router adds its clearance.
 */
function groupLabels(scene: Scene, nodes: Record<string, PlacedNode>): RouteBox[] {
	const out: RouteBox[] = [];
	for (const g of scene.groups) {
		const n = nodes[g.id];
		if (n) out.push({
				id: `label:${g.id}`,
				x: n.x + GROUP_LABEL_X,
				y: n.y + GROUP_LABEL_KEEP_OUT.top,
				width: Math.min(textWidth(g.name, GROUP_LABEL_SIZE), n.width - 2 * GROUP_LABEL_X),
				height: GROUP_LABEL_KEEP_OUT.height
			});
	}
	return out;
}

export async function layoutView(scene: Scene, view: View): Promise<ViewLayout> {
	const elk = new ELK();
	const result = await elk.layout(buildGraph(scene, view));
	const nodes: Record<string, PlacedNode> = {};
	flatten(result, 0, 0, 0, new Set(visibleIds(scene, view).groups), nodes);
	for (const c of scene.components) {
		const node = nodes[c.id];
		if (node) node.lines = labelLines(c.label ?? c.name);
	}
	const width = Math.round(result.width ?? 0);
	const height = Math.round(result.height ?? 0);
	// ELK sizes boxes to their labels; a layer of a stack should read as a band across its whole group.
	for (const c of scene.components) {
		const node = nodes[c.id];
		if (!c.span || !node) continue;
		const parent = parentIn(scene, view, c.id);
		const holder = parent ? nodes[parent] : undefined;
		const [left, inner] = holder
			? [holder.x + GROUP_PAD.side, holder.width - 2 * GROUP_PAD.side]
			: [ROOT_PAD, width - 2 * ROOT_PAD];
		node.x = left;
		node.width = inner;
	}
	// Edges are routed over the placed boxes (ELK's own routes exist only inside each group).
	const boxes: RouteBox[] = Object.values(nodes).map((n) => ({ id: n.id, x: n.x, y: n.y, width: n.width, height: n.height, parent: parentIn(scene, view, n.id) }));
	const shownConnections = scene.connections.filter((c) => nodes[c.from] && nodes[c.to]);
	const routes = routeEdges([...boxes, ...groupLabels(scene, nodes)], shownConnections);
	const edges: Record<string, PlacedEdge> = {};
	for (const c of shownConnections) edges[c.id] = { id: c.id, from: c.from, to: c.to, points: routes[c.id] ?? [] };
	return { view: view.id, width, height, nodes, edges };
}

export async function layoutScene(scene: Scene): Promise<SceneLayout> {
	const out: SceneLayout = {};
	for (const view of scene.views) out[view.id] = await layoutView(scene, view);
	return out;
}
