// Geometry of one view of a scene, in diagram units. Plain JSON: computed at build time, shipped as data.

/** A point in diagram units; routes and connectors are lists of them. */
export type Point = [number, number];

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PlacedNode extends Box {
	id: string;
	/** 'group' boxes enclose others and are drawn behind them. */
	role: 'component' | 'group';
	/** Nesting depth (0 = top level); groups are painted shallowest first. */
	depth: number;
	/** A component's label as drawn, already wrapped (worked out here so the browser need not). */
	lines?: string[];
}

export interface PlacedEdge {
	id: string;
	from: string;
	to: string;
	/** Polyline from the sender's border to the receiver's border. */
	points: Point[];
}

export interface ViewLayout {
	view: string;
	width: number;
	height: number;
	nodes: Record<string, PlacedNode>;
	edges: Record<string, PlacedEdge>;
}

export type SceneLayout = Record<string, ViewLayout>;
