import type { Walkthrough } from '$lib/model/types';

// Narration follows the deck's "problems with traditional infrastructure", "virtual machines",
// "physical machines with Docker", "virtual machines with Docker" and "why containers" slides,
// and adds what the deck leaves out: a container is a process on a shared kernel, not a small VM.
export const stacksOverview: Walkthrough = {
	id: 'stacks/overview',
	scene: 'stacks',
	order: 1,
	title: 'Physical machines, VMs and containers',
	summary: 'Follow one system call through a bare server, a VM and a container, and see which layers each one pays for.',
	deckCorrections: [
		{ step: 'containers', text: 'The deck says, in its drawing, that Docker is a layer under the containers; here the Docker Engine stands beside them, because it sets containers up but does not relay their calls.' },
		{ step: 'caveat', text: 'The deck says containers are secure by default; they are isolated processes, not separate machines, so tenants who do not trust each other belong in separate VMs.' }
	],
	steps: [
		{
			id: 'physical',
			title: 'One server, one operating system',
			view: 'physical',
			narration:
				'The traditional way: three apps installed straight onto one server. They share one operating system and one set of libraries. When App A reads a file, the call goes through the shared libraries into the kernel, which drives the disk.',
			notes: 'Ask who has installed software on a server by hand. Point out the single set of libraries every app must agree on.',
			highlight: ['app-a', 'libs', 'host-os', 'hardware'],
			messages: [
				{ from: 'app-a', to: 'libs', via: 'a-libs', kind: 'request', summary: 'read("orders.csv")' },
				{ from: 'libs', to: 'host-os', via: 'libs-host', kind: 'request', summary: 'system call read()' },
				{ from: 'host-os', to: 'hardware', via: 'host-hw', kind: 'request', summary: 'disk driver reads blocks' },
				{ from: 'hardware', to: 'host-os', via: 'host-hw', kind: 'response', summary: 'blocks delivered' },
				{ from: 'host-os', to: 'libs', via: 'libs-host', kind: 'response', summary: 'read() returns 4096 bytes' },
				{ from: 'libs', to: 'app-a', via: 'a-libs', kind: 'response', summary: 'file contents' }
			],
			roles: {
				'app-a': 'Asks for a file; it neither knows nor cares which disk holds it.',
				libs: 'Turns the library call into a system call.',
				'host-os': 'Handles the system call and drives the disk.',
				hardware: 'Reads the blocks from the disk.'
			}
		},
		{
			id: 'problems',
			title: 'Problems with traditional infrastructure',
			view: 'physical',
			narration:
				'App B needs a newer version of a library than App A, but the machine has one shared copy: a dependency conflict. Every server in every environment (dev, QA, staging, production) is installed and configured by hand, so they drift apart, patching takes people, and a new developer waits days for a working machine.',
			notes: "Ask which of the deck's five problems the class has met: installation and configuration, compatibility and dependencies, inconsistent environments, operational support, developer environments. Misconception to expect: \"just install both versions\". Some libraries allow that, but one system-wide Python package (or one system Java, PHP or Node.js) serves every app.",
			highlight: ['libs', 'app-a', 'app-b'],
			messages: [
				{ from: 'app-a', to: 'libs', via: 'a-libs', kind: 'request', summary: 'import numpy 1.26' },
				{ from: 'app-b', to: 'libs', via: 'b-libs', kind: 'request', summary: 'import numpy 2.1 (conflict: the shared install holds one version)' }
			],
			roles: {
				libs: 'The shared Python packages hold one numpy, so App A (tested with 1.26) and App B (needs 2.1) cannot both be satisfied.',
				'app-a': 'Was tested against the old library version.',
				'app-b': 'Needs the new library version.'
			}
		},
		{
			id: 'vms',
			title: 'Virtual machines',
			view: 'vms',
			narration:
				'A hypervisor splits the server into virtual machines. Each app gets its own VM, with its own guest operating system and its own libraries, so the conflict is gone. The price: three full operating systems to store, boot, patch and license.',
			notes: 'Watch the shared libraries vanish and a guest OS appear in each VM. Ask: what did we just triple?',
			highlight: ['hypervisor', 'guest-os-1', 'guest-os-2', 'guest-os-3'],
			roles: {
				hypervisor: 'Gives each VM its share of CPU, memory, disk and network.',
				'guest-os-1': 'A whole operating system, only for App A.',
				'guest-os-2': 'A whole operating system, only for App B.',
				'guest-os-3': 'A whole operating system, only for App C.'
			}
		},
		{
			id: 'vm-syscall',
			checkpoint: {
				question: 'App A reads a file inside Virtual machine 1. Which part does the real read on the disk?',
				kind: 'component',
				options: [
					{ value: 'hypervisor' },
					{ value: 'guest-os-1', misconception: 'The guest kernel drives the real disk itself. It drives a virtual disk; the hypervisor does the real I/O.' },
					{ value: 'libs-1', misconception: 'Libraries read the disk on their own. They only turn the call into a system call for the kernel.' }
				],
				answer: 'hypervisor',
				feedback: 'The guest kernel\'s disk is virtual, so the access traps into the hypervisor, which performs the real read. One more layer each way than on a physical server.'
			},
			title: 'A system call inside a VM',
			notes: 'Misconception to expect: "a VM emulates every instruction, so it is slow". With hardware virtualisation (VT-x, AMD-V) guest code runs directly on the CPU; only privileged operations and I/O exit to the hypervisor, and paravirtual drivers (virtio) make even those cheaper.',
			view: 'vms',
			narration:
				"Now App A's read goes to its own guest kernel. The guest kernel drives a disk, but the disk is virtual: the access is handed to the hypervisor (by a trap, or through a paravirtual driver), which performs the real read on the hardware. One more layer on the way down, and on the way back.",
			highlight: ['app-a', 'libs-1', 'guest-os-1', 'hypervisor', 'hardware'],
			messages: [
				{ from: 'app-a', to: 'libs-1', via: 'a-libs1', kind: 'request', summary: 'read("orders.csv")' },
				{ from: 'libs-1', to: 'guest-os-1', via: 'libs1-guest1', kind: 'request', summary: 'system call read()' },
				{ from: 'guest-os-1', to: 'hypervisor', via: 'guest1-hv', kind: 'request', summary: 'virtual disk I/O (trap)' },
				{ from: 'hypervisor', to: 'hardware', via: 'hv-hw', kind: 'request', summary: 'real disk read' },
				{ from: 'hardware', to: 'hypervisor', via: 'hv-hw', kind: 'response', summary: 'blocks delivered' },
				{ from: 'hypervisor', to: 'guest-os-1', via: 'guest1-hv', kind: 'response', summary: 'virtual disk I/O complete' },
				{ from: 'guest-os-1', to: 'libs-1', via: 'libs1-guest1', kind: 'response', summary: 'read() returns 4096 bytes' },
				{ from: 'libs-1', to: 'app-a', via: 'a-libs1', kind: 'response', summary: 'file contents' }
			],
			roles: {
				'app-a': 'Makes exactly the same call as before.',
				'guest-os-1': 'Handles the system call with its own kernel, then touches its virtual disk.',
				hypervisor: 'Intercepts the virtual disk access and performs it on the real disk.',
				hardware: 'Does the real work, as always.'
			}
		},
		{
			id: 'containers',
			title: 'Containers on one host',
			view: 'containers',
			narration:
				'With Docker, each app runs in a container: its own files and libraries, packed into an image, but no operating system kernel of its own. The three guest operating systems and the hypervisor disappear. Every container shares the one host kernel. The deck says, in its drawing, that Docker is a layer under the containers; here the Docker Engine stands beside them, because it sets containers up but does not relay their calls.',
			notes: 'Misconception to expect: each container has "a small OS". It has an operating system\'s files and libraries, not a kernel. Demo: docker run --rm alpine uname -r prints the host\'s kernel version (on Docker Desktop, its Linux VM\'s), not an Alpine one.',
			highlight: ['ctr-a', 'ctr-b', 'ctr-c', 'host-os'],
			roles: {
				'host-os': 'One kernel, shared by every container on this machine.',
				'docker-engine': 'Started these containers; now it only watches over them.',
				'libs-a': 'Libraries for App A only, from its image.',
				'libs-b': 'Libraries for App B only: a different version is fine.'
			}
		},
		{
			id: 'container-syscall',
			checkpoint: {
				question: 'App A now runs in a container and makes the same read. Which part receives the system call from App A\'s libraries?',
				kind: 'component',
				options: [
					{ value: 'host-os' },
					{ value: 'docker-engine', misconception: 'Docker sits on the path of every call, like a hypervisor. It only sets a container up; at run time the kernel serves the call directly.' },
					{ value: 'hardware', misconception: 'A container talks to the hardware directly. It is an ordinary process, so its calls go to the shared host kernel.' }
				],
				answer: 'host-os',
				feedback: 'A container has no kernel of its own: its system calls go straight to the one host kernel, with no guest kernel, no hypervisor and no Docker Engine in between.'
			},
			title: 'A system call from a container',
			notes: 'Count the hops against the VM step: no guest kernel, no hypervisor.',
			view: 'containers',
			narration:
				"App A makes the same read. Its libraries come from its own image, but the system call goes straight to the shared host kernel: there is no guest kernel and no hypervisor in between, and the Docker Engine is not on the path. A container is an ordinary process that the kernel keeps apart from the others.",
			highlight: ['app-a', 'libs-a', 'host-os', 'hardware'],
			messages: [
				{ from: 'app-a', to: 'libs-a', via: 'a-libsa', kind: 'request', summary: 'read("orders.csv")' },
				{ from: 'libs-a', to: 'host-os', via: 'libsa-host', kind: 'request', summary: 'system call read() (same kernel as every container)' },
				{ from: 'host-os', to: 'hardware', via: 'host-hw', kind: 'request', summary: 'disk driver reads blocks' },
				{ from: 'hardware', to: 'host-os', via: 'host-hw', kind: 'response', summary: 'blocks delivered' },
				{ from: 'host-os', to: 'libs-a', via: 'libsa-host', kind: 'response', summary: 'read() returns 4096 bytes' },
				{ from: 'libs-a', to: 'app-a', via: 'a-libsa', kind: 'response', summary: 'file contents' }
			],
			roles: {
				'libs-a': "Container A's own copy of the libraries.",
				'host-os': 'Handles the call directly, checking which namespace the process lives in.',
				'docker-engine': 'Not involved: it is not a layer the call passes through.'
			}
		},
		{
			id: 'engine',
			title: 'What the Docker Engine does',
			notes: 'Demo on a Linux host: docker run -d --name web nginx, then ps -ef | grep nginx: the container\'s processes are ordinary host processes. docker stats shows the whole host\'s memory as the limit until you set one (docker run --memory 256m --cpus 0.5).',
			view: 'containers',
			narration:
				'Starting a container is asking the kernel for isolation, not booting a machine. The Docker Engine, through containerd and runc, asks the host kernel for new namespaces (what the process can see) and a cgroup (how much CPU and memory it may use, unlimited unless you set limits), then starts the app inside them. That takes well under a second.',
			highlight: ['docker-engine', 'host-os', 'ctr-b'],
			messages: [
				{ from: 'docker-engine', to: 'host-os', via: 'engine-host', kind: 'request', summary: 'create namespaces for Container B (pid, net, mount)' },
				{ from: 'docker-engine', to: 'host-os', via: 'engine-host', kind: 'request', summary: 'create cgroup (limits as asked: --cpus 0.5 --memory 256m)' },
				{ from: 'docker-engine', to: 'host-os', via: 'engine-host', kind: 'request', summary: 'start App B inside those namespaces and that cgroup (runc: clone, then exec)' },
				{ from: 'host-os', to: 'docker-engine', via: 'engine-host', kind: 'response', summary: 'App B running as PID 4211' }
			],
			roles: {
				'docker-engine': 'Sets up Container B through containerd and runc: namespaces, cgroup, filesystem from the image, then starts App B.',
				'host-os': 'Creates the isolation and the resource limits. These are kernel features, not Docker inventions.',
				'ctr-b': 'Starts in a fraction of a second, because nothing has to boot.'
			}
		},
		{
			id: 'why',
			title: 'Why containers?',
			view: 'containers',
			narration:
				'Flexible: even complex applications can be containerised. Lightweight: containers share the host kernel, so they use far fewer resources than VMs. Portable: build on a laptop, run in the cloud. Loosely coupled: replace or upgrade one without disturbing others. Scalable: start more copies across a datacentre. Secure: processes are constrained and isolated by default.',
			notes: 'Ask which of the six words a VM could claim too, and which one it cannot (lightweight: no kernel to boot, megabytes instead of gigabytes). Then let the class choose the branch: the security question, or straight on.',
			highlight: ['ctr-a', 'ctr-b', 'ctr-c'],
			choices: [
				{ label: 'But is a shared kernel safe?', to: 'caveat' },
				{ label: 'Skip to containers inside VMs', to: 'vm-containers' }
			],
			roles: {
				'ctr-a': 'Can be upgraded or replaced without touching B or C.',
				'host-os': 'The one thing every container shares.'
			}
		},
		{
			id: 'caveat',
			title: 'The honest caveat: one kernel',
			view: 'containers',
			narration:
				'Sharing a kernel is what makes containers light, and it is also their weak spot. A container cannot run a different kernel than its host (no Windows containers on a Linux kernel), and a kernel bug that lets a process escape its namespaces affects every container on the host. The deck says containers are secure by default; they are isolated processes, not separate machines, so tenants who do not trust each other belong in separate VMs.',
			notes: 'Ask: a container runs as root; is that root on the host? (By default the same user ID as host root, limited by namespaces, capabilities and seccomp; user namespaces or rootless mode change that.) Sandboxed runtimes such as gVisor and Kata Containers add a kernel boundary per container.',
			highlight: ['host-os'],
			messages: [
				{ from: 'libs-a', to: 'host-os', via: 'libsa-host', kind: 'request', summary: 'system call from Container A' },
				{ from: 'libs-b', to: 'host-os', via: 'libsb-host', kind: 'request', summary: 'system call from Container B' },
				{ from: 'libs-c', to: 'host-os', via: 'libsc-host', kind: 'request', summary: 'system call from Container C (one kernel serves all three)' }
			],
			roles: {
				'host-os': 'Every container depends on it; one kernel flaw exposes them all.'
			}
		},
		{
			id: 'vm-containers',
			title: 'Containers inside virtual machines',
			view: 'vm-containers',
			narration:
				'In practice the two are combined. Cloud servers are usually VMs, and containers run inside them: here VM 1 hosts Containers A and B, VM 2 hosts Container C. The VMs give strong isolation between customers or teams; the containers give fast, light packaging inside each VM.',
			notes: 'Ask where the class will meet this again: Kubernetes worker nodes in a cloud (for example AKS node pools) are VMs running containers.',
			highlight: ['vm-1', 'vm-2'],
			roles: {
				'vm-1': 'A VM with a Docker Engine, running two containers on its guest kernel.',
				'vm-2': 'A second VM, running one container.',
				hypervisor: 'Still divides the physical machine into VMs.'
			}
		},
		{
			id: 'vm-container-syscall',
			title: 'A system call from a container in a VM',
			notes: 'Ask the class to count the layers a read now crosses and compare with the bare container step: one guest kernel and the hypervisor. Then ask why clouds accept that cost (isolation between customers).',
			view: 'vm-containers',
			narration:
				"App C's read goes to the kernel it shares with its neighbours, which is now the guest kernel of VM 2. From there the path is the VM's: a trap into the hypervisor and the real disk read.",
			highlight: ['app-c', 'libs-c', 'guest-os-2', 'hypervisor', 'hardware'],
			messages: [
				{ from: 'app-c', to: 'libs-c', via: 'c-libsc', kind: 'request', summary: 'read("report.pdf")' },
				{ from: 'libs-c', to: 'guest-os-2', via: 'libsc-guest2', kind: 'request', summary: 'system call read() (shared guest kernel)' },
				{ from: 'guest-os-2', to: 'hypervisor', via: 'guest2-hv', kind: 'request', summary: 'virtual disk I/O (trap)' },
				{ from: 'hypervisor', to: 'hardware', via: 'hv-hw', kind: 'request', summary: 'real disk read' },
				{ from: 'hardware', to: 'hypervisor', via: 'hv-hw', kind: 'response', summary: 'blocks delivered' },
				{ from: 'hypervisor', to: 'guest-os-2', via: 'guest2-hv', kind: 'response', summary: 'virtual disk I/O complete' },
				{ from: 'guest-os-2', to: 'libs-c', via: 'libsc-guest2', kind: 'response', summary: 'read() returns the bytes' },
				{ from: 'libs-c', to: 'app-c', via: 'c-libsc', kind: 'response', summary: 'file contents' }
			],
			roles: {
				'guest-os-2': 'The kernel that Container C shares with every container in VM 2.',
				hypervisor: 'Performs the real disk access for VM 2.'
			}
		},
		{
			id: 'summary',
			title: 'Summary',
			notes: 'Ask students to say, in one sentence each, when they would choose a VM and when a container.',
			view: 'vm-containers',
			narration:
				'A VM packages a whole computer: strong isolation, but a full operating system each. A container packages just an app and its libraries: small and quick to start, but it shares a kernel. Next, see how Docker builds, ships and runs those containers.',
			highlight: ['ctr-a', 'ctr-b', 'ctr-c', 'guest-os-1', 'guest-os-2']
		}
	]
};
