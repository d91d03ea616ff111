// How kubectl names an object in its one-line answers: `deployment.apps/nginx scaled`, `pod/x evicted`,
// and in delete's `pod "x" deleted`.
import type { ResourceType } from './command';
import { SINGULAR } from './vocabulary';

/** `deployment.apps/nginx`, `pod/nginx-…`, `node/node-2` (what `-o name` prints). */
export const resourceAt = (type: ResourceType, name: string) => `${SINGULAR[type]}/${name}`;

/** `deployment.apps "nginx"`, `pod "x"` (delete's wording). */
export const quoted = (type: ResourceType, name: string) => `${SINGULAR[type]} "${name}"`;
