#!/usr/bin/env node
// Writes one SCORM 1.2 package per walkthrough to dist/scorm/, from the static build in build/.
// Each zip holds imsmanifest.xml, the shared app files, and that walkthrough's embed (the launch page)
// and explore pages. Paths inside are relative, so the package runs from any folder an LMS unpacks it to.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const BUILD = 'build';
const OUT = join('dist', 'scorm');

function files(dir) {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? files(p) : [p];
	});
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function manifest({ id, title, launch, fileList }) {
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${escapeXml(title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${escapeXml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${launch}">
${fileList.map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

function main() {
	if (!existsSync(join(BUILD, 'embed'))) {
		console.error('No build found: run `npm run build` first (npm run package:scorm does both).');
		process.exit(1);
	}
	mkdirSync(OUT, { recursive: true });
	// The .gz/.br twins (scripts/compress.js) are for web servers; an LMS serves the package as it is.
	const shared = files(join(BUILD, '_app')).filter((f) => !/\.(gz|br)$/.test(f));
	let count = 0;
	for (const scene of readdirSync(join(BUILD, 'embed'))) {
		for (const name of readdirSync(join(BUILD, 'embed', scene))) {
			const pages = [join(BUILD, 'embed', scene, name), join(BUILD, 'explore', scene, name)].filter(existsSync).flatMap(files).filter((f) => !/\.(gz|br)$/.test(f));
			const all = [...shared, ...pages].map((p) => relative(BUILD, p).split('\\').join('/')).sort();
			const launch = `embed/${scene}/${name}/index.html`;
			const html = readFileSync(join(BUILD, launch), 'utf8');
			const title = (html.match(/<title>([^<]*)<\/title>/)?.[1] ?? `${scene}/${name}`).replace(/ · Wheelhouse$/, '').replace(/&amp;/g, '&');
			const id = `wheelhouse-${scene}-${name}`;
			const entries = { 'imsmanifest.xml': new TextEncoder().encode(manifest({ id, title: `Wheelhouse: ${title}`, launch, fileList: all })) };
			for (const f of all) entries[f] = readFileSync(join(BUILD, f));
			writeFileSync(join(OUT, `${id}.zip`), zipSync(entries, { level: 9 }));
			count++;
		}
	}
	console.log(`Wrote ${count} SCORM 1.2 packages to ${OUT}/`);
}

main();
