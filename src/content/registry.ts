// The one place that knows which scenes and walkthroughs exist. Adding a walkthrough means writing its
// data file and listing it here; no code elsewhere changes.
import type { Scene, Walkthrough } from '$lib/model/types';
import { stacksScene } from './stacks/scene';
import { microservicesScene } from './microservices/scene';
import { monolithVsMicroservices } from './microservices/monolith-vs-microservices';
import { stacksOverview } from './stacks/overview';
import { kubernetesScene } from './kubernetes/scene';
import { dockerScene } from './docker/scene';
import { buildAndPush } from './docker/build-and-push';
import { inspectContainers } from './docker/inspect-containers';
import { pullAndRun } from './docker/pull-and-run';
import { pushToAcr } from './docker/push-to-acr';
import { architecture } from './kubernetes/architecture';
import { createDeployment } from './kubernetes/create-deployment';
import { crashLoop } from './kubernetes/crash-loop';
import { exposeService } from './kubernetes/expose-service';
import { managedAks } from './kubernetes/managed-aks';
import { nodeFailure } from './kubernetes/node-failure';
import { scale } from './kubernetes/scale';
import { catalog } from './catalog';

export interface WalkthroughEntry {
	/** "<scene>/<walkthrough>" */
	id: string;
	title: string;
	summary: string;
}

export const scenes: Scene[] = [microservicesScene, stacksScene, dockerScene, kubernetesScene];
export const walkthroughs: Walkthrough[] = [
	monolithVsMicroservices,
	stacksOverview,
	pullAndRun,
	buildAndPush,
	pushToAcr,
	inspectContainers,
	architecture,
	createDeployment,
	scale,
	nodeFailure,
	exposeService,
	crashLoop,
	managedAks
];

export function findScene(id: string): Scene | undefined {
	return scenes.find((s) => s.id === id);
}

export function findWalkthrough(scene: string, name: string): Walkthrough | undefined {
	return walkthroughs.find((w) => w.id === `${scene}/${name}`);
}

export interface GalleryCard extends WalkthroughEntry {
	scene: string;
	name: string;
	ready: boolean;
	steps: number;
}

export function galleryCards(entries: WalkthroughEntry[] = catalog, built: Walkthrough[] = walkthroughs): GalleryCard[] {
	return entries.map((entry) => {
		const [scene = '', name = ''] = entry.id.split('/');
		const w = built.find((x) => x.id === entry.id);
		return { ...entry, scene, name, ready: Boolean(w), steps: w?.steps.length ?? 0 };
	});
}
