// The daemon's error answers: the status and the message the CLI prints after "Error response from daemon: ".
import type { Exchange } from '../http';

export function fail(ex: Exchange, status: number, message: string): void {
	ex.reply({ status, body: { message }, summary: `${status} ${message}` });
}

export const noSuchContainer = (ref: string) => `No such container: ${ref}`;
