import { describe, expect, it } from 'vitest';
import { humanDuration } from './daemon/duration';
import { messagesSince, sh, testEngine } from './testing';

const withNginx = (seed = 'ctr') => {
	const e = testEngine(seed);
	sh(e, 'docker pull nginx');
	return e;
};
const row = (e: ReturnType<typeof testEngine>, name: string) => sh(e, 'docker ps -a').lines.find((l) => l.endsWith(` ${name}`)) ?? '';

describe('stopping and killing: signals and exit codes', () => {
	it.each([
		// [what, run, command, exit code, seconds the stop takes]
		['nginx handles its STOPSIGNAL (SIGQUIT) and exits 0', 'docker run -d --name c nginx', 'docker stop c', 0, 0],
		['sleep as PID 1 ignores SIGTERM: SIGKILL after 10 s, 137', 'docker run -d --name c busybox sleep 600', 'docker stop c', 137, 10],
		['under --init, tini forwards SIGTERM and sleep dies of it: 128 + 15 = 143', 'docker run -d --init --name c busybox sleep 600', 'docker stop c', 143, 0],
		['docker kill sends SIGKILL at once: 137', 'docker run -d --name c nginx', 'docker kill c', 137, 0]
	])('%s', (_what, run, stop, code, seconds) => {
		const e = withNginx();
		sh(e, 'docker pull busybox');
		sh(e, run);
		const t0 = e.sim.now;
		expect(sh(e, stop).text).toBe('c');
		expect(Math.floor((e.sim.now - t0) / 1000)).toBe(seconds);
		expect(row(e, 'c')).toMatch(new RegExp(`Exited \\(${code}\\) Less than a second ago`));
	});

	it('the stop message names the image\'s STOPSIGNAL and the 10 s grace', () => {
		const e = withNginx();
		sh(e, 'docker run -d --name web nginx');
		const from = e.sim.trace.size;
		sh(e, 'docker stop web');
		expect(messagesSince(e, from)).toContain("dockerd → containerd: kill task web with SIGQUIT (the image's STOPSIGNAL); SIGKILL after 10 s");
	});

	it('a program that ends by itself exits with its own code; docker run without -d prints its output and returns it', () => {
		const e = withNginx();
		sh(e, 'docker pull busybox');
		const r = sh(e, 'docker run --name hello busybox echo hello world');
		expect(r).toMatchObject({ text: 'hello world', code: 0 });
		expect(sh(e, 'docker run busybox false').code).toBe(1);
		expect(row(e, 'hello')).toMatch(/Exited \(0\)/);
	});

	it('an unknown command fails at start with runc\'s message and exit status 127; the container stays Created', () => {
		const e = withNginx();
		sh(e, 'docker pull busybox');
		const r = sh(e, 'docker run --name bad busybox nosuchcommand');
		expect(r.code).toBe(127);
		expect(r.text).toMatch(/^docker: Error response from daemon: failed to create task for container: .*exec: "nosuchcommand": executable file not found in \$PATH: unknown$/);
		expect(row(e, 'bad')).toMatch(/ Created /);
		// Behind nginx's entrypoint script the command is exec'd by the script: the container starts, then exits 127.
		const script = sh(e, 'docker run --name viascript nginx nosuchcommand');
		expect(script).toMatchObject({ code: 127, text: '/docker-entrypoint.sh: exec: line 47: nosuchcommand: not found' });
	});
});

describe('docker ps', () => {
	it('has the real columns; COMMAND is quoted and cut at 20; PORTS lists IPv4 and IPv6; ps hides exited containers, ps -a shows them, -q prints IDs', () => {
		const e = withNginx();
		sh(e, 'docker run -d --name web -p 8080:80 nginx');
		sh(e, 'docker run -d --name other nginx');
		sh(e, 'docker stop other');
		e.wait(125_000);
		const ps = sh(e, 'docker ps').lines;
		expect(ps[0]).toMatch(/^CONTAINER ID {3}IMAGE {5}COMMAND {18}CREATED {9}STATUS {9}PORTS {37}NAMES$/);
		expect(ps[1]).toMatch(/^[0-9a-f]{12} {3}nginx {5}"\/docker-entrypoint\.…" {3}2 minutes ago {3}Up 2 minutes {3}0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp {3}web$/);
		expect(ps).toHaveLength(2);
		const all = sh(e, 'docker ps -a').lines;
		expect(all).toHaveLength(3);
		expect(all[1]).toMatch(/Exited \(0\) 2 minutes ago +other$/);
		expect(sh(e, 'docker ps -a -q').lines.every((l) => /^[0-9a-f]{12}$/.test(l))).toBe(true);
	});

	it.each([
		[0, 'Less than a second'],
		[1_000, '1 second'],
		[59_000, '59 seconds'],
		[60_000, 'About a minute'],
		[119_000, 'About a minute'],
		[120_000, '2 minutes'],
		[45 * 60_000, '45 minutes'],
		[89 * 60_000, 'About an hour'],
		[90 * 60_000, '2 hours'],
		[47 * 3600_000, '47 hours'],
		[3 * 86400_000, '3 days'],
		[20 * 86400_000, '2 weeks']
	])('%i ms reads "%s" (go-units HumanDuration)', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('rm, exec, logs, names and ports', () => {
	it('rm refuses a running container; rm -f kills and removes it', () => {
		const e = withNginx();
		sh(e, 'docker run -d --name web nginx');
		expect(sh(e, 'docker rm web').text).toBe('Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove');
		expect(sh(e, 'docker rm -f web').text).toBe('web');
		expect(sh(e, 'docker ps -a').lines).toHaveLength(1);
	});

	it('exec writes into the writable layer, which outlives a stop and start but not the container', () => {
		const e = withNginx();
		sh(e, 'docker run -d --name web nginx');
		expect(sh(e, 'docker exec web cat /usr/share/nginx/html/index.html').text).toBe('<h1>Welcome to nginx!</h1>');
		sh(e, 'docker exec web sh -c "echo hello > /usr/share/nginx/html/index.html"');
		sh(e, 'docker stop web');
		expect(sh(e, 'docker exec web cat /x').text).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running$/);
		sh(e, 'docker start web');
		expect(sh(e, 'docker exec web cat /usr/share/nginx/html/index.html').text).toBe('hello');
		sh(e, 'docker rm -f web');
		sh(e, 'docker run -d --name web nginx');
		expect(sh(e, 'docker exec web cat /usr/share/nginx/html/index.html').text).toBe('<h1>Welcome to nginx!</h1>');
		expect(sh(e, 'docker exec web nosuch').code).toBe(127);
	});

	it('logs shows what the process printed; a name in use and a published port in use are refused', () => {
		const e = withNginx();
		sh(e, 'docker run -d --name web -p 8080:80 nginx');
		expect(sh(e, 'docker logs web').lines.at(-1)).toBe('nginx: [notice] start worker processes');
		expect(sh(e, 'docker run -d --name web nginx').text).toMatch(/Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"/);
		const clash = sh(e, 'docker run -d --name two -p 8080:80 nginx');
		expect(clash.code).toBe(125);
		expect(clash.text).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated/);
	});

	it('restart stops (the stop signal) and starts the same container: same ID, same writable layer, Up again', () => {
		const e = withNginx();
		const id = sh(e, 'docker run -d --name web nginx').text;
		sh(e, 'docker exec web touch /kept');
		const from = e.sim.trace.size;
		expect(sh(e, 'docker restart web').text).toBe('web');
		const sent = messagesSince(e, from);
		expect(sent.findIndex((m) => /kill task web with SIGQUIT/.test(m))).toBeLessThan(sent.findIndex((m) => /gRPC: start task web/.test(m)));
		expect(sh(e, 'docker ps -q').text).toBe(id.slice(0, 12));
		expect(sh(e, 'docker exec web ls /').text).toMatch(/^kept$/m);
	});

	it('a container with no --name gets an adjective_surname name', () => {
		const e = withNginx();
		sh(e, 'docker run -d nginx');
		expect(sh(e, 'docker ps').lines[1]).toMatch(/ [a-z]+_[a-z]+$/);
	});
});

describe('docker commit', () => {
	it('pauses the running container, writes one new layer with its writable files on the image\'s layers, names it, resumes, and prints the full ID', () => {
		const e = testEngine('commit');
		sh(e, 'docker run -d --name web -p 8080:80 nginx');
		sh(e, `docker exec web sh -c 'echo "hello class" > /usr/share/nginx/html/index.html'`);
		const from = e.sim.trace.size;
		const r = sh(e, 'docker commit web nginx-hello:v1');
		expect(r.code).toBe(0);
		expect(r.text).toMatch(/^sha256:[0-9a-f]{64}$/);
		const sent = messagesSince(e, from);
		expect(sent[0]).toBe('cli → dockerd: POST /commit?container=web&repo=nginx-hello&tag=v1');
		expect(sent[1]).toBe('dockerd → containerd: pause task web (cgroup freezer)');
		expect(sent[2]).toMatch(/^dockerd → img-nginx-hello: web's writable layer → 1 new layer [0-9a-f]{12} on the image's 7; .*; name nginx-hello:v1$/);
		expect(sent[3]).toBe('dockerd → containerd: resume task web');
		expect(sent[4]).toBe(`dockerd → cli: 201 Created {"Id":"${r.text.slice(0, 19)}…"}`);
		const images = sh(e, 'docker images').lines;
		expect(images.find((l) => l.startsWith('nginx-hello '))).toContain(r.text.slice(7, 19));
		// The new image keeps nginx's command; its history's top entry is the container's command, with a size.
		expect(sh(e, 'docker history nginx-hello:v1').lines[1]).toMatch(/docker-entrypoint\.sh nginx -g 'daemon off;'/);
		expect(sh(e, 'docker history nginx-hello:v1').lines[1]).not.toMatch(/ 0B /);
		expect(sh(e, 'docker run -d --name copy nginx-hello:v1').code).toBe(0);
	});

	it('a stopped container is committed without a pause; an unknown one is 404', () => {
		const e = testEngine('commit');
		sh(e, 'docker run -d --name web nginx');
		sh(e, 'docker stop web');
		const from = e.sim.trace.size;
		expect(sh(e, 'docker commit web').code).toBe(0);
		expect(messagesSince(e, from).some((m) => /pause/.test(m))).toBe(false);
		expect(sh(e, 'docker commit nope x').text).toBe('Error response from daemon: No such container: nope');
	});
});
