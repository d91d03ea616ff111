import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const [w,h] of [[1280,720],[1920,1080]]) {
const p = await b.newPage({ viewport: { width: w, height: h }, reducedMotion: 'reduce' });
await p.goto('http://localhost:4318/explore/kubernetes/scale/?step=5');
await p.waitForTimeout(500);
console.log(w, await p.evaluate(() => { const s = document.querySelector('svg.diagram'); const r = s.getBoundingClientRect(); return [r.width, r.height, s.getAttribute('viewBox'), document.querySelector('.site-header').getBoundingClientRect().height, document.querySelector('.controls').getBoundingClientRect().height]; }));
}
await b.close();
