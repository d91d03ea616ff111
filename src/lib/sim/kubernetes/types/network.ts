// Service and EndpointSlice: K4 in flows.md.
import type { ObjectMeta, ObjectReference } from './meta';

export interface ServicePort {
	name?: string;
	protocol?: 'TCP' | 'UDP';
	port: number;
	targetPort?: number | string;
	/** Allocated by the API server (30000–32767) for NodePort and LoadBalancer Services. */
	nodePort?: number;
}

export interface Service {
	apiVersion: 'v1';
	kind: 'Service';
	metadata: ObjectMeta;
	spec: {
		type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
		selector?: Record<string, string>;
		ports: ServicePort[];
		/** Allocated by the API server from the service CIDR unless set. */
		clusterIP?: string;
	};
	status?: { loadBalancer: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface Endpoint {
	addresses: string[];
	conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
	nodeName?: string;
	targetRef?: ObjectReference;
}

/** discovery.k8s.io/v1: no spec or status; labelled kubernetes.io/service-name=<service>. */
export interface EndpointSlice {
	apiVersion: 'discovery.k8s.io/v1';
	kind: 'EndpointSlice';
	metadata: ObjectMeta;
	addressType: 'IPv4' | 'IPv6' | 'FQDN';
	endpoints: Endpoint[];
	ports?: { name?: string; port?: number; protocol?: 'TCP' | 'UDP' }[];
}
