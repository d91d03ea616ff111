// What the CLI prints: tables as docker/cli's tabwriter pads them (every column but the last to its
// widest cell + 3 spaces, at least 10), `docker ps` columns from formatter/container.go (COMMAND quoted
// and cut at 20 characters, CREATED and STATUS in go-units words), `docker images` and `history`.
import { ago, humanDuration } from '../daemon/duration';
import { commandLine, ellipsis, portsText, type Container } from '../daemon/container';
import type { ImageConfig } from '../oci';
import { megabytes } from '../registry/registry';

export function table(header: string[], rows: string[][]): string[] {
	const lines = [header, ...rows];
	const widths = header.map((_, c) => Math.max(10, ...lines.map((l) => [...(l[c] ?? '')].length + 3)));
	return lines.map((l) => l.map((cell, c) => (c === l.length - 1 ? cell : cell.padEnd(widths[c]!))).join('').trimEnd());
}

export const PS_HEADER = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];

/** "Up 5 seconds", "Exited (137) 2 minutes ago", "Created". */
export function statusText(c: Container, now: number): string {
	if (c.state === 'running') return `Up ${humanDuration(now - (c.startedAt ?? now))}`;
	if (c.state === 'exited') return `Exited (${c.exitCode}) ${ago(now - (c.finishedAt ?? now))}`;
	return 'Created';
}

export function psRow(c: Container, now: number): string[] {
	return [c.id.slice(0, 12), c.image, `"${ellipsis(commandLine(c.argv), 20)}"`, ago(now - c.created), statusText(c, now), portsText(c), c.name];
}

export const IMAGES_HEADER = ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];

export interface ImageRow {
	repository: string;
	tag: string;
	image: { target: string };
	created: string;
	size: number;
}

export function imageRow(r: ImageRow, nowMs: number): string[] {
	return [r.repository, r.tag, r.image.target.slice(7, 19), ago(nowMs - Date.parse(r.created)), megabytes(r.size)];
}

export const HISTORY_HEADER = ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'];

/** `docker history`: newest first; only the top row has the image ID (the rest are <missing>). */
export function historyRows(id: string, config: ImageConfig, layerSizes: number[], nowMs: number): string[][] {
	let layer = 0;
	const rows = config.history.map((h) => {
		const size = h.empty_layer ? 0 : (layerSizes[layer++] ?? 0);
		return ['<missing>', ago(nowMs - Date.parse(h.created)), ellipsis(h.created_by, 45), megabytes(size), h.created_by.endsWith('# buildkit') ? 'buildkit.dockerfile.v0' : ''];
	});
	rows.reverse();
	if (rows[0]) rows[0][0] = id.slice(7, 19);
	return rows;
}
