// Pod, ReplicaSet and Deployment: the objects of K1, K2 and K5 in flows.md.
import type { Condition, LabelSelector, ObjectMeta } from './meta';

export interface ResourceList {
	cpu?: string;
	memory?: string;
	pods?: string;
}

export interface Container {
	name: string;
	image: string;
	/** Defaulted by the API server: Always for an untagged or :latest image, else IfNotPresent. */
	imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
	command?: string[];
	ports?: { containerPort: number; name?: string; protocol?: 'TCP' | 'UDP' }[];
	resources?: { requests?: ResourceList; limits?: ResourceList };
}

export interface Toleration {
	key?: string;
	operator?: 'Exists' | 'Equal';
	value?: string;
	effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
	tolerationSeconds?: number;
}

export interface PodSpec {
	containers: Container[];
	/** Empty until the scheduler binds the Pod (pods/binding); a kubelet watches for its own node's name. */
	nodeName?: string;
	nodeSelector?: Record<string, string>;
	tolerations?: Toleration[];
	restartPolicy?: 'Always' | 'OnFailure' | 'Never';
	terminationGracePeriodSeconds?: number;
	schedulerName?: string;
}

export interface ContainerState {
	waiting?: { reason?: string; message?: string };
	running?: { startedAt?: string };
	terminated?: { exitCode: number; reason?: string; startedAt?: string; finishedAt?: string };
}

export interface ContainerStatus {
	name: string;
	image: string;
	ready: boolean;
	started?: boolean;
	restartCount: number;
	state?: ContainerState;
	lastState?: ContainerState;
	containerID?: string;
}

export interface PodStatus {
	phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
	conditions?: Condition[];
	hostIP?: string;
	podIP?: string;
	startTime?: string;
	containerStatuses?: ContainerStatus[];
	reason?: string;
	message?: string;
}

export interface Pod {
	apiVersion: 'v1';
	kind: 'Pod';
	metadata: ObjectMeta;
	spec: PodSpec;
	status?: PodStatus;
}

export interface PodTemplateSpec {
	metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
	spec: PodSpec;
}

export interface ReplicaSetSpec {
	replicas?: number;
	selector: LabelSelector;
	template: PodTemplateSpec;
	minReadySeconds?: number;
}

export interface ReplicaSetStatus {
	replicas: number;
	fullyLabeledReplicas?: number;
	readyReplicas?: number;
	availableReplicas?: number;
	observedGeneration?: number;
}

export interface ReplicaSet {
	apiVersion: 'apps/v1';
	kind: 'ReplicaSet';
	metadata: ObjectMeta;
	spec: ReplicaSetSpec;
	status?: ReplicaSetStatus;
}

export interface DeploymentSpec {
	replicas?: number;
	selector: LabelSelector;
	template: PodTemplateSpec;
	strategy?: {
		type: 'RollingUpdate' | 'Recreate';
		rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
	};
	revisionHistoryLimit?: number;
	progressDeadlineSeconds?: number;
	minReadySeconds?: number;
	paused?: boolean;
}

export interface DeploymentStatus {
	observedGeneration?: number;
	replicas?: number;
	updatedReplicas?: number;
	readyReplicas?: number;
	availableReplicas?: number;
	unavailableReplicas?: number;
	conditions?: Condition[];
}

export interface Deployment {
	apiVersion: 'apps/v1';
	kind: 'Deployment';
	metadata: ObjectMeta;
	spec: DeploymentSpec;
	status?: DeploymentStatus;
}

/** The scale subresource's object (autoscaling/v1 Scale), what `kubectl scale` reads and patches. */
export interface Scale {
	apiVersion: 'autoscaling/v1';
	kind: 'Scale';
	metadata: { name: string; namespace?: string; uid: string; resourceVersion: string };
	spec: { replicas: number };
	status: { replicas: number; selector?: string };
}
