// `docker images` and `docker ps -a` as they stand, shared by the Docker walkthroughs.
// Since docker/cli v29.0.0 (c41815f, "image/list: Show collapsed tree by default") a plain `docker images`
// prints a tree (IMAGE / ID / DISK USAGE / CONTENT SIZE / EXTRA); any --format gives the classic table
// (cli/command/image/list.go shouldUseTree), which is what these tables show.
import type { StateTable } from '$lib/model/types';

export const IDS = {
	// nginx and web are the IDs of the recorded pull-and-run (src/content/docker/pull-and-run.ts); whale (the
	// manifest docker-whale names) and old (jolly_lovelace) of the recorded build-and-push; whale2 (v2) of push-to-acr;
	// killed (admiring_hopper) and hello (nginx-hello:v1) of inspect-containers. The facts tests check each against its
	// run. base is not shown by any walkthrough (BuildKit keeps debian in its build cache). SIZE stays Engine 29's
	// (content + unpacked snapshots), which the simulator does not compute.
	nginx: 'eafa2a465504',
	base: '1b4c3f2ba5d0',
	whale: '37e1c72eea79',
	whale2: '87fd37dc1f60',
	web: 'e44228eea7a2',
	old: '60e2389836ad',
	killed: '98bddcfdf5a6',
	hello: 'c7fb044fc00f'
} as const;

type ImageRow = [repository: string, tag: string, id: string, size: string];
// The columns of `docker ps` (docker/cli defaultContainerTableFormat): COMMAND as printed (quoted, cut at
// 20 characters), CREATED and STATUS as the daemon and CLI word them (go-units HumanDuration: "About an hour").
export type ContainerRow = [id: string, image: string, command: string, created: string, status: string, ports: string, name: string];

export const images = (rows: ImageRow[]): StateTable => ({
	title: 'Images (docker images --format table)',
	columns: ['REPOSITORY', 'TAG', 'IMAGE ID', 'SIZE'],
	rows: rows.map((r) => [...r])
});

export const containers = (rows: ContainerRow[]): StateTable => ({
	title: 'Containers (docker ps -a)',
	columns: ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
	rows: rows.map((r) => [...r])
});

/**
 * The same rows as `docker ps` prints them, so a step's terminal and its table cannot disagree: docker/cli's
 * tabwriter pads every column but the last to its widest cell + 3 spaces, at least 10 characters.
 */
export const psText = (rows: ContainerRow[]): string => {
	const lines: string[][] = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], ...rows];
	const widths = lines[0]!.map((_, c) => Math.max(10, ...lines.map((l) => [...l[c]!].length + 3)));
	return lines.map((l) => l.map((cell, c) => (c === l.length - 1 ? cell : cell.padEnd(widths[c]!))).join('')).join('\n');
};

// With the containerd image store the IMAGE ID is the digest the name points to (for a BuildKit build, the
// index; moby daemon/containerd/image_list.go `ID: target.Digest`), and SIZE is the compressed content plus
// the unpacked snapshots (TotalSize): nginx is about 65 MB + 175 MB.
export const NGINX: ImageRow = ['nginx', 'latest', IDS.nginx, '240MB'];
// Listed only after an explicit `docker pull debian:trixie-slim`; a BuildKit build keeps its FROM image in the build cache.
export const BASE: ImageRow = ['debian', 'trixie-slim', IDS.base, '78.6MB'];
export const WHALE: ImageRow = ['docker-whale', 'latest', IDS.whale, '176MB'];
// nginx's ENTRYPOINT + CMD, "/docker-entrypoint.sh nginx -g 'daemon off;'", cut as docker ps cuts it.
const NGINX_CMD = '"/docker-entrypoint.…"';
// -p 8080:80 publishes on IPv4 and IPv6; docker ps (CLI 28+) brackets the IPv6 address.
export const WEB_PORTS = '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp';
/** web, the container `docker run -d --name web -p 8080:80 nginx` created; its times change as the story goes on. */
export const web = (created: string, status: string): ContainerRow => [IDS.web, 'nginx', NGINX_CMD, created, status, status.startsWith('Up') ? WEB_PORTS : '', 'web'];
// docker-whale's CMD `fortune | cowsay` is shell form, so the process is /bin/sh -c 'fortune | cowsay'.
/** jolly_lovelace, the container `docker run docker-whale` (no --rm) left behind in build-and-push. */
export const whaleRun = (created: string, status: string): ContainerRow => [IDS.old, 'docker-whale', '"/bin/sh -c \'fortune…"', created, status, '', 'jolly_lovelace'];
export const OLD: ContainerRow = whaleRun('About an hour ago', 'Exited (0) About an hour ago');
export const KILLED: ContainerRow = [IDS.killed, 'nginx', NGINX_CMD, '50 minutes ago', 'Exited (137) 45 minutes ago', '', 'admiring_hopper'];
