import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse';
import { tokenize } from './tokens';

const get = { verb: 'get', names: [], output: 'table', watch: false, selector: undefined, allNamespaces: false, namespace: 'default' };

describe('tokenize', () => {
	it.each([
		['kubectl get pods', ['kubectl', 'get', 'pods']],
		['  a   b ', ['a', 'b']],
		[`set image deploy/x nginx="nginx:1.27"`, ['set', 'image', 'deploy/x', 'nginx=nginx:1.27']],
		[`-l 'app in (a, b)'`, ['-l', 'app in (a, b)']],
		[`"a\\"b" c\\ d ''`, ['a"b', 'c d', '']]
	])('%s', (line, words) => expect(tokenize(line)).toEqual({ ok: true, words }));

	it.each([
		['get "pods', 'error: unterminated double quote'],
		["get 'pods", 'error: unterminated single quote'],
		['get pods | grep x', 'error: "|" is shell syntax; this prompt runs one kubectl command, with no shell (quote it to pass it to kubectl)']
	])('%s → %s', (line, error) => expect(tokenize(line)).toEqual({ ok: false, error }));
});

describe('parseCommand: good lines', () => {
	it.each([
		['kubectl get pods', { ...get, resources: ['pods'] }],
		['kubectl get po', { ...get, resources: ['pods'] }],
		['get deploy', { ...get, resources: ['deployments'] }],
		['kubectl get rs -o wide', { ...get, resources: ['replicasets'], output: 'wide' }],
		['kubectl get no -owide', { ...get, resources: ['nodes'], output: 'wide' }],
		['kubectl get svc --output=name', { ...get, resources: ['services'], output: 'name' }],
		['kubectl get endpointslices', { ...get, resources: ['endpointslices'] }],
		['kubectl get ev -w', { ...get, resources: ['events'], watch: true }],
		['kubectl get pods -l app=nginx', { ...get, resources: ['pods'], selector: 'app=nginx' }],
		['kubectl get pods --selector app=nginx -wA', { ...get, resources: ['pods'], selector: 'app=nginx', watch: true, allNamespaces: true }],
		['kubectl -n kube-system get pods', { ...get, resources: ['pods'], namespace: 'kube-system' }],
		['kubectl get pods -n=default --watch=false', { ...get, resources: ['pods'] }],
		['kubectl get deployment/nginx', { ...get, resources: ['deployments'], names: ['nginx'] }],
		['kubectl get pods a b', { ...get, resources: ['pods'], names: ['a', 'b'] }],
		['kubectl get deploy,rs,po', { ...get, resources: ['deployments', 'replicasets', 'pods'] }],
		['kubectl get all -o wide', { ...get, resources: ['pods', 'services', 'deployments', 'replicasets'], output: 'wide' }],
		['kubectl describe pod nginx-1', { verb: 'describe', resource: 'pods', name: 'nginx-1', namespace: 'default' }],
		['kubectl describe no/node-1', { verb: 'describe', resource: 'nodes', name: 'node-1', namespace: 'default' }],
		['kubectl describe svc', { verb: 'describe', resource: 'services', name: undefined, namespace: 'default' }],
		['kubectl create deployment nginx --image=nginx', { verb: 'create deployment', name: 'nginx', image: 'nginx', replicas: 1, port: undefined, namespace: 'default' }],
		['kubectl create deploy web --image nginx:1.27 --replicas=3 --port 80', { verb: 'create deployment', name: 'web', image: 'nginx:1.27', replicas: 3, port: 80, namespace: 'default' }],
		['kubectl scale deployment nginx --replicas=5', { verb: 'scale', name: 'nginx', replicas: 5, namespace: 'default' }],
		['kubectl scale deploy/nginx --replicas 0', { verb: 'scale', name: 'nginx', replicas: 0, namespace: 'default' }],
		['kubectl set image deployment/nginx nginx=nginx:1.27', { verb: 'set image', name: 'nginx', images: [['nginx', 'nginx:1.27']], namespace: 'default' }],
		['kubectl set image deploy nginx *=busybox', { verb: 'set image', name: 'nginx', images: [['*', 'busybox']], namespace: 'default' }],
		['kubectl rollout status deployment/nginx', { verb: 'rollout', action: 'status', name: 'nginx', revision: undefined, namespace: 'default' }],
		['kubectl rollout history deployment nginx --revision=2', { verb: 'rollout', action: 'history', name: 'nginx', revision: 2, namespace: 'default' }],
		['kubectl rollout undo deploy/nginx --to-revision=1', { verb: 'rollout', action: 'undo', name: 'nginx', revision: 1, namespace: 'default' }],
		['kubectl expose deployment nginx --port=80 --type=LoadBalancer', { verb: 'expose', name: 'nginx', port: 80, targetPort: undefined, type: 'LoadBalancer', namespace: 'default' }],
		['kubectl expose deploy/nginx --port 8080 --target-port=80', { verb: 'expose', name: 'nginx', port: 8080, targetPort: 80, type: undefined, namespace: 'default' }],
		['kubectl delete pod a b', { verb: 'delete', resource: 'pods', names: ['a', 'b'], namespace: 'default' }],
		['kubectl delete deployment/nginx', { verb: 'delete', resource: 'deployments', names: ['nginx'], namespace: 'default' }],
		['kubectl delete svc nginx', { verb: 'delete', resource: 'services', names: ['nginx'], namespace: 'default' }],
		['kubectl cordon node-2', { verb: 'cordon', node: 'node-2' }],
		['kubectl uncordon node/node-2', { verb: 'uncordon', node: 'node-2' }],
		['kubectl drain node-2 --ignore-daemonsets', { verb: 'drain', node: 'node-2', ignoreDaemonsets: true, force: false, disableEviction: false }],
		['kubectl drain node-2 --force --disable-eviction --delete-emptydir-data', { verb: 'drain', node: 'node-2', ignoreDaemonsets: false, force: true, disableEviction: true }],
		['kubectl logs nginx-1', { verb: 'logs', pod: 'nginx-1', container: undefined, previous: false, follow: false, tail: undefined, namespace: 'default' }],
		['kubectl logs pod/nginx-1 -c nginx -p -f --tail=5', { verb: 'logs', pod: 'nginx-1', container: 'nginx', previous: true, follow: true, tail: 5, namespace: 'default' }],
		['kubectl apply -f -', { verb: 'apply', file: '-', namespace: 'default' }],
		['kubectl apply --filename=web.yaml', { verb: 'apply', file: 'web.yaml', namespace: 'default' }],
		['kubectl', { verb: 'help' }],
		['kubectl get --help', { verb: 'help', topic: 'get' }],
		['kubectl help', { verb: 'help', topic: undefined }]
	])('%s', (line, command) => expect(parseCommand(line)).toEqual({ ok: true, command }));
});

describe('parseCommand: bad lines get the exact message', () => {
	const SUPPORTED = 'Supported: get, describe, create deployment, apply -f -, scale, set image, rollout status|history|undo, expose, delete, cordon, uncordon, drain, logs.';
	it.each([
		['', `Type a kubectl command, for example: kubectl get pods\n${SUPPORTED}`],
		['docker ps', `docker: command not found. This prompt runs kubectl, for example: kubectl get pods\n${SUPPORTED}`],
		['kubectl port-forward svc/nginx 8080:80', `error: kubectl port-forward is not supported here.\n${SUPPORTED}`],
		['kubectl frobnicate', `error: unknown command "frobnicate" for "kubectl"\n${SUPPORTED}`],
		['kubectl create configmap x', `error: kubectl create configmap is not supported here.\n${SUPPORTED}`],
		['kubectl get', 'error: Required resource not specified. Name a type: pods, deployments, replicasets, nodes, services, endpointslices, events (for example: kubectl get pods)'],
		['kubectl get widgets', 'error: the server doesn\'t have a resource type "widgets"'],
		['kubectl get ep', 'error: "ep" is not supported here: Endpoints is deprecated since v1.33 and not modelled; this cluster has EndpointSlices: kubectl get endpointslices'],
		['kubectl get deploy,cm', 'error: "cm" is not supported here: this cluster models pods, deployments, replicasets, nodes, services, endpointslices and events'],
		['kubectl get deploy,widgets', 'error: the server doesn\'t have a resource type "widgets"'],
		['kubectl get deploy,rs nginx', 'error: name objects of one type at a time here (kubectl get deployment nginx), or list several types without names (kubectl get deploy,rs,pods)'],
		['kubectl get all -w', 'error: watch is only supported on individual resources and resource collections, but 4 resources were found'],
		['kubectl get cm', 'error: "cm" is not supported here: this cluster models pods, deployments, replicasets, nodes, services, endpointslices and events'],
		['kubectl get pods -o xml', 'error: unable to match a printer suitable for the output format "xml", allowed formats are: json,name,wide,yaml'],
		['kubectl get pods --sort-by=x', 'error: unknown flag: --sort-by\nkubectl get takes -o wide|name|yaml|json, -w/--watch, -l/--selector=key=value, -A/--all-namespaces, -n/--namespace=NAME'],
		['kubectl scale deployment nginx -x', "error: unknown shorthand flag: 'x' in -x\nkubectl scale takes --replicas=N, -n/--namespace=NAME"],
		['kubectl scale deployment nginx', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'],
		['kubectl scale deployment nginx --replicas=five', 'error: invalid argument "five" for "--replicas" flag: strconv.ParseInt: parsing "five": invalid syntax'],
		['kubectl scale pod x --replicas=2', 'error: kubectl scale works on deployments here, not pods: kubectl scale deployment NAME --replicas=N'],
		['kubectl scale deployment --replicas=2', 'error: exactly one deployment name is required, got 0: kubectl scale deployment NAME --replicas=N'],
		['kubectl scale deployment nginx --replicas', 'error: flag needs an argument: --replicas'],
		['kubectl get pods -w=maybe', 'error: invalid argument "maybe" for "-w" flag: it is a switch (true or false)'],
		['kubectl create deployment nginx', 'error: required flag(s) "image" not set\nkubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=PORT]'],
		['kubectl create deployment --image=nginx', 'error: exactly one NAME is required, got 0\nkubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=PORT]'],
		['kubectl create deployment x --image=nginx --replicas=-1', 'error: --replicas must be 0 or more'],
		['kubectl set image deployment/nginx', 'error: at least one image update is required\nkubectl set image deployment/NAME CONTAINER=IMAGE'],
		['kubectl set image deployment/nginx =x', 'error: invalid image update "=x": write CONTAINER=IMAGE, for example nginx=nginx:1.27'],
		['kubectl set env deployment/nginx A=1', `error: kubectl set env is not supported here.\n${SUPPORTED}`],
		['kubectl rollout pause deployment/nginx', 'error: kubectl rollout pause is not supported here: rollout status, history and undo are'],
		['kubectl rollout undo', 'error: you must specify a deployment: kubectl rollout status|history|undo deployment/NAME [--to-revision=N]'],
		['kubectl expose deployment nginx --port=80 --type=External', 'error: The Service "nginx" is invalid: spec.type: Unsupported value: "External": supported values here: "ClusterIP", "LoadBalancer", "NodePort"'],
		['kubectl delete pod', 'error: resource(s) were provided, but no name was specified'],
		['kubectl delete node node-1', 'error: kubectl delete node is not supported here: delete works on pods, deployments and services'],
		['kubectl describe rs', 'error: kubectl describe rs is not supported here: describe works on pods, deployments, nodes and services'],
		['kubectl cordon', 'error: USAGE: kubectl cordon NODE'],
		['kubectl drain node-1 --grace-period=1', 'error: unknown flag: --grace-period\nkubectl drain takes --ignore-daemonsets, --delete-emptydir-data, --force, --disable-eviction'],
		['kubectl cordon node-1 -n x', "error: unknown shorthand flag: 'n' in -n\nkubectl cordon takes no flags"],
		['kubectl logs', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"],
		['kubectl apply', "error: must specify one of -f and -k (here: kubectl apply -f - applies the editor's manifest)"]
	])('%s', (line, error) => expect(parseCommand(line)).toEqual({ ok: false, error }));
});
