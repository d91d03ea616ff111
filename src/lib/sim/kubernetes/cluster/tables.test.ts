import { describe, expect, it } from 'vitest';
import { healthyNodes, settledThree } from '$content/kubernetes/tables';
import type { Node, Pod } from '../types';
import { clusterTables } from './record';
import { k1 } from './scenarios';
import { getPodsText, humanDuration, nodeStatus, podsRestartsTable, podStatus, tableText } from './tables';

const pod = (status: Pod['status'], deleting = false): Pod => ({
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: '', ...(deleting ? { deletionTimestamp: 'x' } : {}) },
	spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
	status
});
const waiting = (reason: string) => ({ phase: 'Pending' as const, containerStatuses: [{ name: 'nginx', image: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason } } }] });

describe('tables in the walkthroughs’ shapes', () => {
	it.each([
		['Pending, no status yet', pod(undefined), 'Pending'],
		['a waiting reason wins', pod(waiting('ContainerCreating')), 'ContainerCreating'],
		['CrashLoopBackOff', pod(waiting('CrashLoopBackOff')), 'CrashLoopBackOff'],
		['terminated with a reason', pod({ phase: 'Running', containerStatuses: [{ name: 'nginx', image: 'nginx', ready: false, restartCount: 1, state: { terminated: { exitCode: 1, reason: 'Error' } } }] }), 'Error'],
		['Running', pod({ phase: 'Running', containerStatuses: [{ name: 'nginx', image: 'nginx', ready: true, restartCount: 0, state: { running: {} } }] }), 'Running'],
		['a deletionTimestamp: Terminating', pod({ phase: 'Running' }, true), 'Terminating']
	])('pod STATUS: %s', (_what, p, expected) => expect(podStatus(p)).toBe(expected));

	it('settled K1 has the same titles, columns and row shapes as the hand-written settledThree and healthyNodes', () => {
		const tables = clusterTables(k1().cluster);
		const shape = (t: { title: string; columns: string[]; rows: string[][] }) => ({ title: t.title, columns: t.columns, rows: t.rows.length });
		expect(tables.map(shape)).toEqual([...settledThree, healthyNodes].map(shape));
		expect(tables[3]).toEqual(healthyNodes);
		expect(tables[0]?.rows).toEqual(settledThree[0]?.rows);
		expect(tables[2]?.rows.map((r) => [r[1], r[2], r[3]?.replace(/\d+$/, 'x')])).toEqual([
			['Running', 'node-3', '10.244.3.x'],
			['Running', 'node-1', '10.244.1.x'],
			['Running', 'node-2', '10.244.2.x']
		]);
	});

	it('prints as kubectl does: padded columns, "No resources found" when empty', () => {
		expect(tableText({ title: 'Pods', columns: ['NAME', 'STATUS'], rows: [['web', 'Running']] })).toBe('Pods\nNAME   STATUS\nweb    Running\n');
		expect(tableText({ title: 'Pods', columns: ['NAME', 'STATUS'], rows: [] })).toBe('Pods\nNAME   STATUS\nNo resources found in default namespace.\n');
	});

	it('a node whose Ready condition is Unknown (no heartbeat for 50 s) prints NotReady, as kubectl does; Unknown only without a Ready condition', () => {
		const node = (ready?: 'True' | 'False' | 'Unknown', unschedulable = false) =>
			({ spec: { unschedulable }, status: { conditions: ready ? [{ type: 'Ready', status: ready }] : [] } }) as unknown as Node;
		expect([nodeStatus(node('True')), nodeStatus(node('False')), nodeStatus(node('Unknown')), nodeStatus(node())]).toEqual(['Ready', 'NotReady', 'NotReady', 'Unknown']);
		expect(nodeStatus(node('Unknown', true))).toBe('NotReady,SchedulingDisabled');
	});
});

describe('kubectl get pods: READY, RESTARTS and AGE', () => {
	const T0 = Date.parse('2026-01-01T00:00:00Z');
	const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const crashed = (name: string, restarts: number, finishedAt: number | undefined, state: 'running' | 'waiting'): Pod => ({
		...pod({
			phase: 'Running',
			podIP: '10.244.1.2',
			containerStatuses: [
				{
					name: 'nginx',
					image: 'nginx',
					ready: state === 'running',
					restartCount: restarts,
					state: state === 'running' ? { running: {} } : { waiting: { reason: 'CrashLoopBackOff' } },
					...(finishedAt === undefined ? {} : { lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(finishedAt) } } })
				}
			]
		}),
		metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: at(0) },
		spec: { nodeName: 'node-1', containers: [{ name: 'nginx', image: 'nginx' }] }
	});

	it.each([
		[0, '0s'],
		[1_999, '1s'],
		[119_000, '119s'],
		[120_000, '2m'],
		[162_000, '2m42s'],
		[600_000, '10m'],
		[179 * 60_000, '179m'],
		[3 * 3_600_000, '3h'],
		[3 * 3_600_000 + 5 * 60_000, '3h5m'],
		[9 * 3_600_000, '9h'],
		[50 * 3_600_000, '2d'],
		[-500, '0s'],
		[-2_000, '<invalid>']
	])('humanDuration(%i ms) is %s', (ms, text) => expect(humanDuration(ms)).toBe(text));

	it('RESTARTS counts restarts and says how long ago the last one ended; READY counts running ready containers', () => {
		const now = T0 + 900_000;
		const table = podsRestartsTable([crashed('b', 6, 898, 'waiting'), crashed('a', 1, 690, 'running'), crashed('c', 0, undefined, 'running')], now);
		expect(table.columns).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'NODE', 'IP']);
		expect(table.rows).toEqual([
			['a', '1/1', 'Running', '1 (3m30s ago)', 'node-1', '10.244.1.2'],
			['b', '0/1', 'CrashLoopBackOff', '6 (2s ago)', 'node-1', '10.244.1.2'],
			['c', '1/1', 'Running', '0', 'node-1', '10.244.1.2']
		]);
		expect(getPodsText([crashed('b', 6, 898, 'waiting')], now)).toBe('NAME   READY   STATUS             RESTARTS     AGE\nb      0/1     CrashLoopBackOff   6 (2s ago)   15m');
	});
});

