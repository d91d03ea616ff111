import { expect, test, type Page } from '@playwright/test';
import { messageLog, stepIndicator, openReady } from './helpers';

const open = (page: Page, walkthrough: string, step = 1) => openReady(page, `/explore/docker/${walkthrough}/?step=${step}`);
const terminal = (page: Page) => page.getByLabel('Terminal');

test('pull-and-run: the terminal follows the steps and the log keeps D1 order', async ({ page }) => {
	await open(page, 'pull-and-run');
	const commands: [number, string, string][] = [
		[2, 'docker pull nginx', 'POST /images/create?fromImage=nginx&tag=latest'],
		[7, 'docker run -d --name web -p 8080:80 nginx', 'POST /containers/create?name=web'],
		[8, 'docker run -d --name web -p 8080:80 nginx', '/start']
	];
	for (const [step, command, api] of commands) {
		await page.goto(`/explore/docker/pull-and-run/?step=${step}`);
		await expect(terminal(page)).toContainText(command);
		await expect(terminal(page)).toContainText(api);
	}
	await page.keyboard.press('End');
	await expect(stepIndicator(page)).toHaveText('Step 12 of 12');
	const log = (await messageLog(page).getByRole('listitem').allTextContents()).join('\n');
	const order = [
		'Docker client → Docker daemon: POST /images/create?fromImage=nginx&tag=latest',
		'Docker daemon → Docker Hub: HEAD /v2/library/nginx/manifests/latest',
		'Docker Hub → Docker daemon: 401 Unauthorized',
		'Docker daemon → Docker Hub: GET /v2/library/nginx/manifests/sha256:eafa2a465504… (the index)',
		'Docker daemon → nginx:latest: unpack 7 layers',
		'Docker client → Docker daemon: POST /containers/create?name=web',
		'Docker client → Docker daemon: POST /containers/e44228eea7a2…/start',
		'Docker daemon → containerd: gRPC: create container web and its task',
		'containerd → runc: shim → runc create',
		'Docker daemon → containerd: gRPC: start task web',
		'containerd → runc: shim → runc start'
	];
	let at = -1;
	for (const line of order) {
		const found = log.indexOf(line, at + 1);
		expect(found, line).toBeGreaterThan(at);
		at = found;
	}
});

test('pull-and-run: skipping docker pull shows "Unable to find image" and rejoins at start', async ({ page }) => {
	await open(page, 'pull-and-run', 7);
	await page.getByRole('button', { name: 'What if you skip docker pull?' }).click();
	await expect(terminal(page)).toContainText("Unable to find image 'nginx:latest' locally");
	await expect(messageLog(page)).toContainText('Docker daemon → Docker client: 404 No such image: nginx:latest');
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page.getByRole('status')).toContainText('Wait, then start');
	await page.getByRole('button', { name: 'Previous step' }).click();
	await expect(page.getByRole('status')).toContainText('the image is not there yet');
});

test('build-and-push: each Dockerfile instruction lights up as it builds', async ({ page }) => {
	await open(page, 'build-and-push', 4);
	const file = page.getByLabel('File Dockerfile');
	await expect(file.locator('li.focus')).toHaveText(/FROM debian:trixie-slim/);
	await page.keyboard.press('ArrowRight');
	await expect(file.locator('li.focus')).toHaveText(/RUN apt-get update/);
	await page.keyboard.press('ArrowRight');
	await expect(file.locator('li.focus')).toHaveCount(2);
	await open(page, 'build-and-push', 1);
	await expect(terminal(page)).toContainText('no longer supported since containerd v2.1');
	await open(page, 'build-and-push', 11);
	await expect(terminal(page)).toContainText('Mounted from library/nginx');
});

test('inspect-containers: ps, ps -a and ps -a -q differ as the API says', async ({ page }) => {
	await open(page, 'inspect-containers');
	await expect(terminal(page)).toContainText('GET /containers/json');
	await expect(terminal(page)).not.toContainText('jolly_lovelace');
	await page.keyboard.press('ArrowRight');
	await expect(terminal(page)).toContainText('GET /containers/json?all=1');
	await expect(terminal(page)).toContainText('jolly_lovelace');
	await page.keyboard.press('ArrowRight');
	await expect(terminal(page)).toContainText('docker ps -a -q');
	await expect(terminal(page)).not.toContainText('NAMES');
	await page.keyboard.press('ArrowRight');
	await expect(messageLog(page)).toContainText('runc → web: start /bin/sh beside nginx (not PID 1)');
	await page.getByRole('tab', { name: /State/ }).click();
	await page.keyboard.press('End');
	await expect(page.getByRole('tabpanel')).not.toContainText('web');
});

test('push-to-acr: az acr login exchanges the Entra token, then push swaps it for a scoped token', async ({ page }) => {
	await open(page, 'push-to-acr');
	await page.keyboard.press('End');
	const log = messageLog(page);
	await expect(log).toContainText('Azure CLI → Azure Container Registry: POST /oauth2/exchange');
	await expect(log).toContainText('Azure CLI → Docker client: docker login --username 00000000-0000-0000-0000-000000000000 --password <token> myreg.azurecr.io');
	await expect(log).toContainText('Docker daemon → Azure Container Registry: POST /oauth2/token');
	await expect(terminal(page)).toContainText('Layer already exists');
});
