// `kubectl apply -f -` (client-side apply): each document of the editor's YAML is checked (a
// Deployment or a Service), then GET; 404 → POST with the last-applied-configuration annotation
// (`created`); found → a three-way merge patch from the last-applied manifest, the new one and the
// live object → PATCH (`configured`), or nothing when there is nothing to change (`unchanged`).
import type { ApiResult } from '../apiserver/status';
import type { Kind, KubeObject } from '../types';
import type { ApplyCommand } from './command';
import type { Handled, HandlerContext } from './context';
import { threeWayPatch } from './merge';
import { serverError } from './output';
import { parseYaml } from './yaml';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const KINDS: Record<string, { kind: Kind; apiVersion: string; type: string }> = {
	Deployment: { kind: 'Deployment', apiVersion: 'apps/v1', type: 'deployment.apps' },
	Service: { kind: 'Service', apiVersion: 'v1', type: 'service' }
};

type Manifest = { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown; annotations?: Record<string, string> } };

/** The first thing wrong with a manifest, in kubectl's words where it has them. */
export function checkManifest(doc: unknown, source: string): string | undefined {
	if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return `error: error validating "${source}": a manifest is a mapping (apiVersion, kind, metadata, spec)`;
	const m = doc as Manifest;
	if (!m.kind) return `error: error validating "${source}": error validating data: kind not set`;
	if (!m.apiVersion) return `error: error validating "${source}": error validating data: apiVersion not set`;
	const known = KINDS[String(m.kind)];
	if (!known) return `error: kind ${String(m.kind)} is not supported here: apply takes Deployment (apps/v1) and Service (v1) manifests`;
	if (m.apiVersion !== known.apiVersion) return `error: resource mapping not found for name: "${String(m.metadata?.name ?? '')}" namespace: "" from "${source}": no matches for kind "${known.kind}" in version "${String(m.apiVersion)}"\nensure CRDs are installed first (a ${known.kind} is ${known.apiVersion})`;
	if (typeof m.metadata?.name !== 'string' || m.metadata.name === '') return `error: error when retrieving current configuration of ${known.kind} from "${source}": resource name may not be empty`;
	return undefined;
}

export function apply(cmd: ApplyCommand, ctx: HandlerContext): Handled {
	const { term } = ctx;
	const source = cmd.file === '-' ? 'STDIN' : cmd.file;
	const text = ctx.files?.(cmd.file);
	if (text === undefined) return (term.err(`error: the path "${cmd.file}" does not exist`), term.done(1));
	const parsed = parseYaml(text);
	if (!parsed.ok) return (term.err(`error: error parsing ${source}: error converting YAML to JSON: ${parsed.error}`), term.done(1));
	if (parsed.documents.length === 0) return (term.err('error: no objects passed to apply'), term.done(1));
	for (const doc of parsed.documents) {
		const problem = checkManifest(doc, source);
		if (problem) return (term.err(problem), term.done(1));
	}
	let failed = false;
	// One object after another, as kubectl visits them.
	const next = (i: number): void => {
		if (i === parsed.documents.length) return term.done(failed ? 1 : 0);
		applyOne(parsed.documents[i] as Manifest, cmd.namespace, source, ctx, (ok) => {
			failed ||= !ok;
			next(i + 1);
		});
	};
	next(0);
}

function applyOne(manifest: Manifest, namespace: string, source: string, ctx: HandlerContext, then: (ok: boolean) => void): void {
	const { client, term } = ctx;
	const known = KINDS[String(manifest.kind)] as (typeof KINDS)[string];
	const name = String(manifest.metadata?.name);
	const ns = typeof manifest.metadata?.namespace === 'string' ? manifest.metadata.namespace : namespace;
	const annotated = { ...manifest, metadata: { ...manifest.metadata, namespace: ns, annotations: { ...manifest.metadata?.annotations, [LAST_APPLIED]: JSON.stringify(manifest) } } };
	const fail = (r: { ok: false } & Parameters<typeof serverError>[0]) => (term.err(serverError(r)), then(false));
	const ok = (verb: string) => (term.out(`${known.type}/${name} ${verb}`), then(true));
	client.get(known.kind, { name, namespace: ns }, {
		done: (g: ApiResult<KubeObject>) => {
			if (!g.ok && g.code !== 404) return fail(g);
			// kubectl names the step that failed: `Error from server (BadRequest): error when creating "STDIN": …`.
			const creating = (r: Parameters<typeof fail>[0]) => fail(r.code === 422 ? r : { ...r, message: `error when creating "${source}": ${r.message}` });
			if (!g.ok) return client.create(annotated as never, { note: `${name} (apply)`, done: (r: ApiResult<KubeObject>) => (r.ok ? ok('created') : creating(r)) });
			const last = g.object.metadata.annotations?.[LAST_APPLIED];
			const lastApplied = parseLastApplied(last);
			const patch = threeWayPatch(lastApplied, annotated, g.object);
			if (Object.keys(patch).length === 0) return ok('unchanged');
			client.patch(known.kind, { name, namespace: ns }, patch, { note: 'apply', done: (r: ApiResult<KubeObject>) => (r.ok ? ok('configured') : fail(r)) });
		}
	});
}

/** The annotation as JSON, or nothing to go on when it is missing or was edited into something else. */
function parseLastApplied(text: string | undefined): unknown {
	try {
		return text ? JSON.parse(text) : {};
	} catch {
		return {};
	}
}
