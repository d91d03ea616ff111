// Every test runs with the API server's shared objects deep-frozen, so a component that changes an
// object it received (instead of copying it first) fails its tests rather than silently changing
// what other components see (see kubernetes/objects.ts).
import { freezeShared } from './kubernetes/objects';

freezeShared(true);
