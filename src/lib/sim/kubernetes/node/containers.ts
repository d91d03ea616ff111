// The runtime's containers by id, in creation order (ListContainers lists them so), with a count of
// the exited ones: the kubelet's PLEG looks for exited containers every second on every node (180,000
// looks in an hour of 50 nodes), and most looks find none, which the count answers without a walk.
import type { ContainerInfo } from './cri';
import type { Image } from './images';

export interface Container extends ContainerInfo {
	image: Image;
	stopTimer?: { cancel(): void };
	signalled?: boolean; // sent its stop signal: nginx closes its listening socket at once on SIGQUIT
}

/** What ListContainers tells about a container: a copy, without the runtime's own handles. */
export const info = ({ image: _i, stopTimer: _t, ...c }: Container): ContainerInfo => ({ ...c });

export class Containers {
	private readonly byId = new Map<string, Container>();
	private exited = 0;

	get size(): number {
		return this.byId.size;
	}

	/** How many are EXITED. */
	get exitedCount(): number {
		return this.exited;
	}

	get(id: string): Container | undefined {
		return this.byId.get(id);
	}

	values(): IterableIterator<Container> {
		return this.byId.values();
	}

	add(c: Container): void {
		this.byId.set(c.id, c);
		if (c.state === 'EXITED') this.exited++;
	}

	remove(c: Container): void {
		if (this.byId.delete(c.id) && c.state === 'EXITED') this.exited--;
	}

	/** Every process is gone (power off): their pending exits (stop timers) are cancelled too. */
	clear(): void {
		for (const c of this.byId.values()) c.stopTimer?.cancel();
		this.byId.clear();
		this.exited = 0;
	}

	/** Changes a container (its state and what goes with it) and keeps the count. */
	update(c: Container, fields: Partial<Container>): void {
		const was = c.state === 'EXITED';
		Object.assign(c, fields);
		if (this.byId.get(c.id) === c) this.exited += Number(c.state === 'EXITED') - Number(was);
	}
}
