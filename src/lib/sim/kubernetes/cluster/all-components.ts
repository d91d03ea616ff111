// Every optional component, imported statically: the synchronous path for code that runs in Node
// (recorded runs at build time, tests, the bench), where bundle size does not matter.
// `startCluster(options, allComponents)` starts whichever the options switch on.
import * as nodeLifecycle from '../controllers/node-controllers';
import * as endpoints from '../controllers/endpointslice';
import * as garbageCollector from '../controllers/garbagecollector';
import * as kubeProxy from '../proxy';
import * as cloud from '../cloud';
import type { ClusterComponents } from './components';

export const allComponents: Required<ClusterComponents> = { nodeLifecycle, endpoints, garbageCollector, kubeProxy, cloud };
