// `docker images` and `docker ps -a` as they stand, shared by the Docker walkthroughs.
import type { StateTable } from '$lib/model/types';

export const IDS = {
	nginx: 'a8758716bb6a',
	base: '1b4c3f2ba5d0',
	whale: '7e2f1c9d4a10',
	whale2: 'c41d0a6e93b2',
	web: '3f9a1c2b7d4e',
	old: '9b2e5d7a1c03',
	killed: '5c8d3e1f6a27'
} as const;

type ImageRow = [repository: string, tag: string, id: string, size: string];
type ContainerRow = [id: string, image: string, status: string, ports: string, name: string];

export const images = (rows: ImageRow[]): StateTable => ({
	title: 'Images (docker images)',
	columns: ['REPOSITORY', 'TAG', 'IMAGE ID', 'SIZE'],
	rows: rows.map((r) => [...r])
});

export const containers = (rows: ContainerRow[]): StateTable => ({
	title: 'Containers (docker ps -a)',
	columns: ['CONTAINER ID', 'IMAGE', 'STATUS', 'PORTS', 'NAMES'],
	rows: rows.map((r) => [...r])
});

export const NGINX: ImageRow = ['nginx', 'latest', IDS.nginx, '192MB'];
export const BASE: ImageRow = ['debian', 'bookworm-slim', IDS.base, '74.8MB'];
export const WHALE: ImageRow = ['docker-whale', 'latest', IDS.whale, '131MB'];
export const WEB: ContainerRow = [IDS.web, 'nginx', 'Up 2 minutes', '0.0.0.0:8080->80/tcp', 'web'];
export const OLD: ContainerRow = [IDS.old, 'docker-whale', 'Exited (0) 2 hours ago', '', 'quirky_turing'];
export const KILLED: ContainerRow = [IDS.killed, 'nginx', 'Exited (137) 1 hour ago', '', 'happy_lamport'];
