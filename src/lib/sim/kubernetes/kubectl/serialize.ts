// `-o json` and `-o yaml`: objects as kubectl prints them (JSON with four-space indent; YAML in block
// style with keys sorted, as sigs.k8s.io/yaml writes them through a map, lists of maps with `- ` at the
// parent's indent, and strings that would read as something else quoted: "True", "80", timestamps).

export const toJson = (value: unknown) => JSON.stringify(value, null, 4);

/** A string that YAML would read as something else (a number, a bool, null, or with syntax) gets quoted. */
function scalar(s: string): string {
	if (s === '' || /^(true|false|yes|no|on|off|null|~|y|n)$/i.test(s) || /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s) || /^0x[0-9a-f]+$/i.test(s) || /^\d{4}-\d\d-\d\d/.test(s) || /[:#]\s|^[-?:,[\]{}#&*!|>'"%@`]|\s$|^\s|:$|\n/.test(s))
		return JSON.stringify(s);
	return s;
}

function lines(value: unknown, indent: string): string[] {
	if (Array.isArray(value)) {
		if (value.length === 0) return [`${indent}[]`];
		return value.flatMap((v) => {
			const inner = lines(v, `${indent}  `);
			if (typeof v === 'object' && v !== null && !(Array.isArray(v) && v.length === 0) && Object.keys(v).length) return [`${indent}- ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1)];
			return [`${indent}- ${(inner[0] ?? '').trimStart()}`];
		});
	}
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		if (entries.length === 0) return [`${indent}{}`];
		return entries.flatMap(([k, v]) => {
			const key = `${indent}${scalar(k)}:`;
			if (Array.isArray(v)) return v.length ? [key, ...lines(v, indent)] : [`${key} []`];
			if (typeof v === 'object' && v !== null) return Object.keys(v).length ? [key, ...lines(v, `${indent}  `)] : [`${key} {}`];
			return [`${key} ${atom(v)}`];
		});
	}
	return [`${indent}${atom(value)}`];
}

const atom = (v: unknown) => (typeof v === 'string' ? scalar(v) : v === null ? 'null' : String(v));

export const toYaml = (value: unknown) => lines(value, '').join('\n');
