// The Container Runtime Interface as the kubelet uses it here: the RuntimeService and ImageService
// calls (a subset), each a gRPC request over /run/containerd/containerd.sock.

export interface PodRef {
	name: string;
	namespace: string;
	uid: string;
}

export type CriRequest =
	| { op: 'RunPodSandbox'; pod: PodRef }
	| { op: 'StopPodSandbox'; sandbox: string }
	| { op: 'ImageStatus'; image: string }
	| { op: 'PullImage'; image: string }
	| { op: 'CreateContainer'; sandbox: string; name: string; image: string; attempt: number }
	| { op: 'StartContainer'; id: string }
	| { op: 'StopContainer'; id: string; timeoutSeconds: number }
	| { op: 'ListContainers' };

export interface ContainerInfo {
	id: string;
	sandbox: string;
	name: string;
	state: 'CREATED' | 'RUNNING' | 'EXITED';
	exitCode?: number;
	reason?: string;
	startedAt?: number;
	finishedAt?: number;
	/** Id of the exit's message in the trace, so what the kubelet does about it names it as its cause. */
	exitId?: number;
}

export interface CriResponse {
	ok: boolean;
	/** The gRPC error text, as the kubelet quotes it in Events and status. */
	error?: string;
	/** RunPodSandbox: the sandbox id; CreateContainer: the container id; PullImage: the image id. */
	id?: string;
	/** RunPodSandbox: the Pod IP CNI assigned. */
	ip?: string;
	/** ImageStatus: whether the image is in the node's store. */
	present?: boolean;
	containers?: ContainerInfo[];
	exitCode?: number;
}

/** What the kubelet holds: a way to call its own runtime, nothing more. */
export interface CriClient {
	call(req: CriRequest, summary: string, done: (res: CriResponse) => void): void;
	/**
	 * PLEG's relist without a message: the kubelet lists containers every second; only a relist that
	 * finds a change is sent (and logged) as a real ListContainers call, to keep the log readable.
	 * Only the exited containers: all a relist looks for, and far fewer than a busy node runs.
	 */
	peekExited(): ContainerInfo[];
	/** The kubelet process stopped: answers in flight are never handled. */
	reset(): void;
}

/** containerd ids are 64 hex digits; the log shows the first 12, as crictl does. */
export const shortId = (id: string) => id.slice(0, 12);
