import { describe, expect, it } from 'vitest';
import { healthyNodes, settledThree } from '$content/kubernetes/tables';
import type { Node, Pod } from '../types';
import { clusterTables } from './record';
import { k1 } from './scenarios';
import { nodeStatus, podStatus, tableText } from './tables';

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
