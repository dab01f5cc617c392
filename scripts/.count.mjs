import { chromium } from 'playwright-core';
import { randomBytes } from 'node:crypto';
const size = Number(process.argv[2] || 5e6);
const head = ['apiVersion: apiserver.config.k8s.io/v1','kind: EncryptionConfiguration','resources:'];
const lines=[...head]; let n=0;
for (let i=0;n<size;i++){ const e=[`  - resources: [r${i}.example]`,'    providers:','      - secretbox:','          keys:',`            - name: k${i}`,`              secret: ${randomBytes(32).toString('base64')}`]; n+=e.join('\n').length+1; lines.push(...e);}
const text = lines.join('\n')+'\n';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
p.on('console', m => console.log('console:', m.text()));
await p.goto('http://127.0.0.1:8799/?offline=off');
await p.waitForSelector('[data-testid=verdict]'); if (process.argv[3]) await p.addStyleTag({ content: process.argv[3] });
await p.getByTestId('editor').evaluate((el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
const t0 = Date.now();
await p.evaluate(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 200) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' }); });
await p.waitForTimeout(9000);
await p.evaluate(() => { window.__mut = {}; new MutationObserver((ms) => { for (const m of ms) { let el = m.target.nodeType === 1 ? m.target : m.target.parentElement; const path = []; while (el && path.length < 4) { path.push(el.tagName + (el.className ? '.' + String(el.className).split(' ')[0] : '') + (el.id ? '#' + el.id : '')); el = el.parentElement; } const k = m.type + ' ' + (m.attributeName||'') + ' ' + path.join('<'); window.__mut[k] = (window.__mut[k]||0) + 1; } }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true }); });
await p.evaluate(() => { window.__loaf = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__loaf.push({d: Math.round(e.duration), render: Math.round(e.startTime + e.duration - e.renderStart), sl: Math.round(e.startTime + e.duration - e.styleAndLayoutStart), scripts: e.scripts.map(s => Math.round(s.duration) + ':' + s.invoker).join(' ')}); }).observe({ type: 'long-animation-frame' }); });
for (let i = 0; i < 12; i++) { await p.waitForTimeout(1000); const t = Date.now(); const c = await p.evaluate(() => document.querySelectorAll('[data-testid=ordering-row]').length); console.log(((t - t0)/1000).toFixed(1), c, 'eval ms', Date.now() - t); }
console.log(JSON.stringify(await p.evaluate(() => Object.entries(window.__mut).sort((a,b)=>b[1]-a[1]).slice(0,15)), null, 1));
console.log('long tasks > 200 ms', JSON.stringify(await p.evaluate(() => window.__long)));
const loaf = await p.evaluate(() => window.__loaf.slice(-12)); for (const l of loaf) console.log(JSON.stringify(l));
await b.close();
