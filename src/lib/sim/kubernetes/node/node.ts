// Wires one worker node: its container runtime (runtime-<n>), the CRI link from its kubelet over
// kubelet-runtime-<n>, and the kubelet (kubelet-<n>, with its own ApiClient to kube-apiserver). The
// registry is shared by every node. Faults are injected here: a crash, power off and on.
import type { ControlPlane } from '../control-plane';
import type { CriRequest, CriResponse } from './cri';
import { startKubelet, type Kubelet, type KubeletOptions } from './kubelet';
import { Link } from './link';
import { Registry, REGISTRY, type RegistryOptions } from './registry';
import { ContainerRuntime, type RuntimeOptions } from './runtime';

/** The image registry every node pulls from (Docker Hub in the scene). */
export function startRegistry(cp: ControlPlane, options?: RegistryOptions): Registry {
	return new Registry(cp.sim.queue, cp.sim.rng.fork(`component/${REGISTRY}`), options);
}

export interface NodeOptions extends Omit<RuntimeOptions, 'n'>, Omit<KubeletOptions, 'node' | 'cri' | 'causedBy'> {
	/** node-1 …, or a cloud's own names (aks-nodepool1-…-vmss000000). */
	node: string;
	/** The scene's number for the node (kubelet-<index>, runtime-<index>; default: node-<index>'s number). */
	index?: string;
}

export interface WorkerNode {
	kubelet: Kubelet;
	runtime: ContainerRuntime;
	/** The Pod's running container exits with `exitCode`; with `runsFor` (ms), every restart exits again after that long. */
	crash(pod: string, exitCode: number, runsFor?: number): void;
	/** The cause of the crashes is fixed: restarted containers keep running. */
	heal(pod: string): void;
	powerOff(): void;
	powerOn(): void;
	/**
	 * A new machine under the node's name (the old one was deleted): an empty disk (no images), the
	 * runtime and a fresh kubelet start, and the kubelet registers the Node (POST) before its heartbeats.
	 */
	rebuild(): void;
	/** The node's network to the control plane is cut: the kubelet and its Pods run on, unheard and deaf. */
	disconnect(): void;
	/** The network is back: the kubelet relists its Pods and posts its status. */
	reconnect(): void;
}

export function startNode(cp: ControlPlane, options: NodeOptions): WorkerNode {
	const n = options.index ?? options.node.replace(/^node-/, '');
	const runtime = new ContainerRuntime(cp.sim, { ...options, n });
	const kubeletId = `kubelet-${n}`;
	// gRPC over a local Unix socket: well under a millisecond each way.
	const link = new Link<CriRequest, CriResponse>(cp.sim.net, kubeletId, runtime.id, `kubelet-runtime-${n}`, { min: 0, max: 1 }, runtime.serve);
	// A kubelet authenticates as system:node:<its Node's name>, whatever the scene calls it.
	const kubelet = startKubelet(cp.context(kubeletId, `system:node:${options.node}`), {
		...options,
		cri: { call: (req, summary, done) => link.call(req, summary, done), peekExited: runtime.exited, reset: () => link.reset() },
		causedBy: (cause, fn) => cp.sim.queue.within(cause, fn)
	});
	return {
		kubelet,
		runtime,
		crash: (pod, exitCode, runsFor) => runtime.crash(pod, exitCode, runsFor),
		heal: (pod) => runtime.heal(pod),
		powerOff() {
			kubelet.powerOff();
			runtime.powerOff();
		},
		powerOn() {
			runtime.powerOn();
			kubelet.powerOn();
		},
		rebuild() {
			kubelet.powerOff();
			runtime.powerOff();
			runtime.wipe();
			runtime.powerOn();
			kubelet.powerOn(true);
		},
		disconnect: () => cp.setReachable(kubeletId, false),
		reconnect() {
			cp.setReachable(kubeletId, true);
			kubelet.reconnect();
		}
	};
}
