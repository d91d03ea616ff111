// Which scene connection (src/content/docker/scene.ts) a message between two components travels along.
// Connections are named by their ends in the scene's direction (cli-dockerd, dockerd-hub); a message
// the other way uses the same connection. Containers are `ctr-<name>` and their connections drop the
// prefix (runc-web, bridge-web); images are `img-<name>` and keep it (dockerd-img-nginx).

const PAIRS = [
	'cli-dockerd',
	'az-cli',
	'az-entra',
	'az-acr',
	'dockerd-buildkit',
	'dockerd-containerd',
	'containerd-runc',
	'dockerd-hub',
	'dockerd-acr',
	'buildkit-hub',
	'buildkit-acr',
	'dockerd-bridge'
];

export function viaOf(from: string, to: string): string {
	for (const [a, b] of [
		[from, to],
		[to, from]
	] as const) {
		if (PAIRS.includes(`${a}-${b}`)) return `${a}-${b}`;
		if ((a === 'runc' || a === 'bridge') && b.startsWith('ctr-')) return `${a}-${b.slice(4)}`;
		if ((a === 'dockerd' || a === 'buildkit') && b.startsWith('img-')) return `${a}-${b}`;
	}
	return `${from}-${to}`;
}

/** The component drawing an image in the scene; the walkthroughs' base and built images have their own. */
export function defaultImageComponent(familiar: string): string {
	return `img-${familiar.split('/').pop()!.replace(/[^a-z0-9-]/g, '-')}`;
}
