import type { Scene } from '$lib/model/types';

// One physical server seen four ways. The same apps appear in every view, so the morph shows them
// moving from a shared OS into VMs and into containers while the layers beneath appear and vanish.

/**
 * Every app and library is one tile, wider than its short name needs: an app then sits squarely above
 * its own libraries in every view, and the three columns line up.
 */
const TILE = { width: 150 };
/**
 * The physical machine's layers (libraries, kernel, hardware) as one broad stack, wider than the row of
 * three app tiles above it. A layer marked `span` stretches across its whole group (or the whole
 * diagram), so in the other views the groups set their width and this one does not matter.
 */
const STACK = { width: 640 };
export const stacksScene: Scene = {
	id: 'stacks',
	order: 2,
	title: 'Physical machines, virtual machines and containers',
	summary: 'Where an application runs, what it shares, and what each layer costs.',
	groups: [
		{ id: 'vm-1', name: 'Virtual machine 1', kind: 'vm', description: 'A complete computer emulated in software: its own virtual CPU, memory, disk and a full guest operating system.' },
		{ id: 'vm-2', name: 'Virtual machine 2', kind: 'vm', description: 'A second, fully separate virtual computer with its own guest operating system.' },
		{ id: 'vm-3', name: 'Virtual machine 3', kind: 'vm', description: 'A third virtual computer. Every VM pays for a whole operating system of its own.' },
		{ id: 'ctr-a', name: 'Container A', kind: 'container', description: 'An isolated process (or group of processes) with its own filesystem, made from an image. It has no kernel of its own.' },
		{ id: 'ctr-b', name: 'Container B', kind: 'container', description: 'Another isolated process with its own libraries, sharing the same kernel as its neighbours.' },
		{ id: 'ctr-c', name: 'Container C', kind: 'container', description: 'A third container. Starting one is starting a process, not booting an operating system.' }
	],
	components: [
		{ id: 'app-a', name: 'App A', kind: 'app', description: 'An application, for example a web shop front end.', size: TILE },
		{ id: 'app-b', name: 'App B', kind: 'app', description: 'A second application, for example an order service.', size: TILE },
		{ id: 'app-c', name: 'App C', kind: 'app', description: 'A third application, for example a reporting job.', size: TILE },
		{ id: 'libs', span: true, name: 'Shared libraries', kind: 'library', description: 'Libraries and runtimes installed once on the machine and shared by every app on it: one version of each for everyone.', size: STACK },
		{ id: 'libs-1', span: true, name: 'Libs (VM 1)', kind: 'library', description: 'The libraries App A needs, installed inside VM 1.' },
		{ id: 'libs-2', span: true, name: 'Libs (VM 2)', kind: 'library', description: 'The libraries App B needs, installed inside VM 2.' },
		{ id: 'libs-3', span: true, name: 'Libs (VM 3)', kind: 'library', description: 'The libraries App C needs, installed inside VM 3.' },
		{ id: 'libs-a', name: 'Libs A', kind: 'library', parent: 'ctr-a', description: 'The libraries App A needs, packed into its container image.', size: TILE },
		{ id: 'libs-b', name: 'Libs B', kind: 'library', parent: 'ctr-b', description: 'The libraries App B needs, packed into its image: a different version from App A is no problem.', size: TILE },
		{ id: 'libs-c', name: 'Libs C', kind: 'library', parent: 'ctr-c', description: 'The libraries App C needs, packed into its image.', size: TILE },
		{ id: 'host-os', span: true, name: 'Host OS kernel', kind: 'kernel', description: 'The operating system kernel on the real machine. It schedules processes, manages memory and talks to the hardware through drivers.', size: STACK },
		{ id: 'guest-os-1', span: true, name: 'Guest OS 1', kind: 'kernel', parent: 'vm-1', description: 'A complete operating system, kernel included, booted inside VM 1. It takes gigabytes of disk and memory and boots in tens of seconds.' },
		{ id: 'guest-os-2', span: true, name: 'Guest OS 2', kind: 'kernel', parent: 'vm-2', description: 'Another complete operating system, booted inside VM 2.' },
		{ id: 'guest-os-3', span: true, name: 'Guest OS 3', kind: 'kernel', parent: 'vm-3', description: 'Another complete operating system, booted inside VM 3.' },
		{ id: 'docker-engine', name: 'Docker Engine', kind: 'runtime', description: 'The daemon that builds images and starts containers. It asks the kernel to create the isolation (namespaces) and limits (cgroups); it is not on the path of every system call.' },
		{ id: 'docker-engine-2', name: 'Docker Engine 2', kind: 'runtime', parent: 'vm-2', description: 'A second Docker Engine, running inside VM 2, starting containers on that guest kernel.' },
		{ id: 'hypervisor', span: true, name: 'Hypervisor', kind: 'hypervisor', description: 'Software (such as KVM, Hyper-V, ESXi) that divides one physical machine into several virtual ones and steps in whenever a guest touches hardware.' },
		{ id: 'hardware', span: true, name: 'Hardware', kind: 'hardware', description: 'The physical server: CPUs, memory, disks and network cards.', size: STACK }
	],
	connections: [
		{ id: 'a-libs', from: 'app-a', to: 'libs' },
		{ id: 'b-libs', from: 'app-b', to: 'libs' },
		{ id: 'c-libs', from: 'app-c', to: 'libs' },
		{ id: 'libs-host', from: 'libs', to: 'host-os' },
		{ id: 'host-hw', from: 'host-os', to: 'hardware' },

		{ id: 'a-libs1', from: 'app-a', to: 'libs-1' },
		{ id: 'b-libs2', from: 'app-b', to: 'libs-2' },
		{ id: 'c-libs3', from: 'app-c', to: 'libs-3' },
		{ id: 'libs1-guest1', from: 'libs-1', to: 'guest-os-1' },
		{ id: 'libs2-guest2', from: 'libs-2', to: 'guest-os-2' },
		{ id: 'libs3-guest3', from: 'libs-3', to: 'guest-os-3' },
		{ id: 'guest1-hv', from: 'guest-os-1', to: 'hypervisor' },
		{ id: 'guest2-hv', from: 'guest-os-2', to: 'hypervisor' },
		{ id: 'guest3-hv', from: 'guest-os-3', to: 'hypervisor' },
		{ id: 'hv-hw', from: 'hypervisor', to: 'hardware' },

		{ id: 'a-libsa', from: 'app-a', to: 'libs-a' },
		{ id: 'b-libsb', from: 'app-b', to: 'libs-b' },
		{ id: 'c-libsc', from: 'app-c', to: 'libs-c' },
		{ id: 'libsa-host', from: 'libs-a', to: 'host-os' },
		{ id: 'libsb-host', from: 'libs-b', to: 'host-os' },
		{ id: 'libsc-host', from: 'libs-c', to: 'host-os' },
		{ id: 'engine-host', from: 'docker-engine', to: 'host-os' },

		{ id: 'libsa-guest1', from: 'libs-a', to: 'guest-os-1' },
		{ id: 'libsb-guest1', from: 'libs-b', to: 'guest-os-1' },
		{ id: 'libsc-guest2', from: 'libs-c', to: 'guest-os-2' },
		{ id: 'engine-guest1', from: 'docker-engine', to: 'guest-os-1' },
		{ id: 'engine2-guest2', from: 'docker-engine-2', to: 'guest-os-2' }
	],
	views: [
		{
			id: 'physical',
			name: 'Physical machine',
			components: ['app-a', 'app-b', 'app-c', 'libs', 'host-os', 'hardware'],
			place: { 'app-a': null, 'app-b': null, 'app-c': null }
		},
		{
			id: 'vms',
			name: 'Virtual machines',
			components: ['app-a', 'libs-1', 'guest-os-1', 'app-b', 'libs-2', 'guest-os-2', 'app-c', 'libs-3', 'guest-os-3', 'hypervisor', 'hardware'],
			place: { 'app-a': 'vm-1', 'app-b': 'vm-2', 'app-c': 'vm-3', 'libs-1': 'vm-1', 'libs-2': 'vm-2', 'libs-3': 'vm-3' }
		},
		{
			id: 'containers',
			name: 'Containers',
			components: ['app-a', 'libs-a', 'app-b', 'libs-b', 'app-c', 'libs-c', 'docker-engine', 'host-os', 'hardware'],
			place: { 'app-a': 'ctr-a', 'app-b': 'ctr-b', 'app-c': 'ctr-c' }
		},
		{
			id: 'vm-containers',
			name: 'Containers inside virtual machines',
			components: ['app-a', 'libs-a', 'app-b', 'libs-b', 'docker-engine', 'guest-os-1', 'app-c', 'libs-c', 'docker-engine-2', 'guest-os-2', 'hypervisor', 'hardware'],
			place: { 'app-a': 'ctr-a', 'app-b': 'ctr-b', 'app-c': 'ctr-c', 'ctr-a': 'vm-1', 'ctr-b': 'vm-1', 'ctr-c': 'vm-2', 'docker-engine': 'vm-1' }
		}
	]
};
