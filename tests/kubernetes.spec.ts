import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, messageLog, stepIndicator, openReady } from './helpers';

const open = (page: Page, walkthrough: string, step = 1) => openReady(page, `/explore/kubernetes/${walkthrough}/?step=${step}`);

async function toEnd(page: Page) {
	const next = page.getByRole('button', { name: 'Next step' });
	while (await next.isEnabled()) await page.keyboard.press('ArrowRight');
}

async function logTexts(page: Page) {
	return (await messageLog(page).getByRole('listitem').allTextContents()).map((t) => t.trim().replace(/^(request|response|event|data): ?/, ''));
}

test('create-deployment: the key messages come in the order of K1', async ({ page }) => {
	await open(page, 'create-deployment');
	await toEnd(page);
	const log = (await logTexts(page)).join('\n');
	const order = [
		'kubectl → kube-apiserver: POST /apis/apps/v1/namespaces/default/deployments',
		'kube-apiserver → etcd: write /registry/deployments/default/nginx',
		'kube-apiserver → kubectl: 201 Created',
		'kube-apiserver → kube-controller-manager: watch: Deployment nginx ADDED',
		'kube-controller-manager → kube-apiserver: POST /apis/apps/v1/namespaces/default/replicasets',
		'kube-controller-manager → kube-apiserver: POST /api/v1/namespaces/default/pods (generateName nginx-799cfcc968-',
		'kube-apiserver → kube-controller-manager: 201 Created: nginx-799cfcc968-5bfnw',
		'kube-scheduler → kube-apiserver: POST /api/v1/namespaces/default/pods/nginx-799cfcc968-5bfnw/binding (bind Pod nginx-799cfcc968-5bfnw to node-1',
		'kube-apiserver → kubelet (node-1): watch: Pod nginx-799cfcc968-5bfnw ADDED',
		'kubelet (node-1) → container runtime (node-1): CRI RunPodSandbox',
		'kubelet (node-1) → container runtime (node-1): CRI PullImage',
		'kubelet (node-1) → container runtime (node-1): CRI CreateContainer(nginx)',
		'kubelet (node-1) → container runtime (node-1): CRI StartContainer',
		'kubelet (node-1) → kube-apiserver: PATCH /api/v1/namespaces/default/pods/nginx-799cfcc968-5bfnw/status (Running',
		'kube-controller-manager → kube-apiserver: PUT /apis/apps/v1/namespaces/default/deployments/nginx/status (replicas 3, updated 3, ready 3, available 3)'
	];
	let at = -1;
	for (const line of order) {
		const found = log.indexOf(line, at + 1);
		expect(found, `"${line}" after position ${at}`).toBeGreaterThan(at);
		at = found;
	}
});

for (const w of ['architecture', 'create-deployment', 'scale', 'expose-service', 'node-failure', 'crash-loop', 'managed-aks'])
	test(`${w}: in the log, etcd talks only to kube-apiserver and controllers only to kube-apiserver`, async ({ page }) => {
		await open(page, w);
		await toEnd(page);
		const lines = await logTexts(page);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			const [from = '', rest = ''] = line.split(' → ');
			const to = rest.split(':')[0]!;
			if (from === 'etcd' || to === 'etcd') expect([from, to], line).toContain('kube-apiserver');
			for (const c of ['kubectl', 'kube-scheduler', 'kube-controller-manager']) {
				if (from === c) expect(to, line).toBe('kube-apiserver');
				if (to === c) expect(from, line).toBe('kube-apiserver');
			}
		}
	});

test('create-deployment: the RBAC branch refuses and stores nothing; Previous returns', async ({ page }) => {
	await open(page, 'create-deployment', 3);
	await page.getByRole('button', { name: 'What if RBAC says no?' }).click();
	await expect(page.getByRole('status')).toContainText('refused');
	// The indicator counts the path walked, and says this one is a branch.
	await expect(stepIndicator(page)).toHaveText('Step 4 of 4 · branch');
	await expect(messageLog(page)).toContainText('kube-apiserver → kubectl: 403 Forbidden');
	await expect(messageLog(page)).not.toContainText('etcd');
	await expect(page.getByLabel('Terminal')).toContainText('forbidden');
	await page.getByRole('button', { name: 'Previous step' }).click();
	await expect(stepIndicator(page)).toHaveText('Step 3 of 15');
});

test('expose-service: the on-premises branch keeps EXTERNAL-IP <pending>', async ({ page }) => {
	await open(page, 'expose-service', 4);
	await page.getByRole('button', { name: 'What happens on-premises?' }).click();
	await expect(page.getByLabel('Terminal')).toContainText('<pending>');
	await expect(page.getByRole('button', { name: 'cloud-controller-manager', exact: true })).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('node-failure: a simulated clock jumps ahead and the node is tainted', async ({ page }) => {
	await open(page, 'node-failure', 4);
	// The recorded clock: the node lifecycle controller's first check after the 50 s grace.
	await expect(page.getByRole('status')).toContainText(/t = 50(\.\d)? s/);
	await page.getByRole('tab', { name: /Cluster/ }).click();
	// At 50 s the node controller adds NoSchedule; NoExecute follows one 5 s check later.
	await expect(page.getByRole('tabpanel')).toContainText('unreachable:NoSchedule');
	await expect(page.getByRole('tabpanel')).not.toContainText('NoExecute');
	await open(page, 'node-failure', 6);
	await page.getByRole('tab', { name: /Cluster/ }).click();
	await expect(page.getByRole('tabpanel')).toContainText('unreachable:NoExecute');
	// The last step: the VM deleted about ten minutes after the power went off.
	await page.keyboard.press('End');
	await expect(page.getByRole('status')).toContainText(/t = 6\d\d s/);
});

test('the object panel shows desired vs actual state changing step by step', async ({ page }) => {
	await open(page, 'create-deployment', 5);
	await page.getByRole('tab', { name: /Cluster/ }).click();
	const panel = page.getByRole('tabpanel');
	await expect(panel).toContainText('0/3');
	await expect(panel).not.toContainText('10.244.2.2');
	await page.keyboard.press('End');
	await expect(stepIndicator(page)).toHaveText('Step 15 of 15');
	await expect(panel).toContainText('3/3');
	await expect(panel).toContainText('10.244.2.2');
});

test('inspector says what a component does in this step', async ({ page }) => {
	await open(page, 'create-deployment', 7);
	await page.getByRole('button', { name: 'kube-scheduler', exact: true }).click();
	await expect(page.getByRole('dialog', { name: 'kube-scheduler' })).toContainText('Filters and scores nodes');
});
