import { chromium } from '@playwright/test';
import zlib from 'node:zlib';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const path of ['/embed/stacks/overview/', '/explore/kubernetes/create-deployment/', '/']) {
const p = await b.newPage();
const files = [];
p.on('response', async r => { try { const body = await r.body(); files.push([r.url(), body.length, zlib.gzipSync(body).length, r.request().resourceType()]); } catch {} });
await p.goto('http://localhost:4318' + path); await p.waitForTimeout(1000);
const js = files.filter(f => f[0].endsWith('.js'));
if (path.startsWith('/embed')) console.log(js.map(f=>f[0].split('/').pop()+' '+f[1]).join('\n'));
console.log(path, 'requests', files.length, 'js', js.length, (js.reduce((a,f)=>a+f[1],0)/1024).toFixed(1)+'KB', (js.reduce((a,f)=>a+f[2],0)/1024).toFixed(1)+'KB gz', 'total', (files.reduce((a,f)=>a+f[1],0)/1024).toFixed(1)+'KB');
await p.close();
}
await b.close();
