import { chromium } from 'playwright-core';
import { randomBytes } from 'node:crypto';
const size = Number(process.argv[2] || 5e6), wide = process.argv[3] !== 'narrow';
const head = ['apiVersion: apiserver.config.k8s.io/v1','kind: EncryptionConfiguration','resources:'];
const lines=[...head]; let n=0;
for (let i=0;n<size;i++){ const e=[`  - resources: [r${i}.example]`,'    providers:','      - secretbox:','          keys:',`            - name: k${i}`,`              secret: ${randomBytes(32).toString('base64')}`]; n+=e.join('\n').length+1; lines.push(...e);}
const text = lines.join('\n')+'\n';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ bypassCSP: true, viewport: wide ? { width: 1400, height: 1000 } : { width: 700, height: 1000 } });
await p.goto('http://127.0.0.1:' + (process.env.PORT||8799) + '/?offline=off');
await p.waitForSelector('[data-testid=verdict]');
if (process.argv[4]) await p.addStyleTag({ content: process.argv[4] });
await p.evaluate(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' }); });
const cdp = await p.context().newCDPSession(p);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
const t0 = Date.now();
await p.getByTestId('editor').evaluate((el, v) => { window.__t0 = performance.now(); el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
await p.waitForFunction(() => !document.querySelector('[data-testid=verdict]').className.includes('pending') && document.querySelectorAll('[data-testid=ordering-row]').length > 0, null, { timeout: 120000 });
console.log('verdict after', Date.now() - t0, 'ms');
await p.waitForTimeout(2000);
await cdp.send('Profiler.start');
await p.waitForTimeout(Number(process.env.WINDOW || 5000));
const t1 = Date.now();
const tfirst = await p.evaluate(() => window.__first);
await p.waitForTimeout(500);
const { profile } = await cdp.send('Profiler.stop');
const long = await p.evaluate(() => window.__long);
console.log('settled after', t1 - t0, 'ms; rows', await p.locator('[data-testid=ordering-row]').count());
console.log('long tasks', JSON.stringify(long));
// self time by function
const self = new Map(); const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const dt = profile.timeDeltas; for (let i=0;i<profile.samples.length;i++){ const nd=byId.get(profile.samples[i]); const k=nd.callFrame.functionName+' '+nd.callFrame.url.split('/').pop()+':'+nd.callFrame.lineNumber; self.set(k,(self.get(k)||0)+(dt[i]||0)); }
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>`${(v/1000).toFixed(0)}ms ${k}`).join('\n'));
const parent = new Map(); for (const nd of profile.nodes) for (const c of (nd.children||[])) parent.set(c, nd.id);
const chains = new Map();
for (let i=0;i<profile.samples.length;i++){ let id=profile.samples[i]; const nd=byId.get(id); if(!nd.callFrame.functionName.includes(process.env.FOCUS||'Rc<T,A> as core::cmp::PartialEq')) continue; const ch=[]; let cur=parent.get(id); while(cur && ch.length<(Number(process.env.DEPTH)||6)){ ch.push(byId.get(cur).callFrame.functionName.slice(0,110)); cur=parent.get(cur);} const k=ch.join(' <- '); chains.set(k,(chains.get(k)||0)+(dt[i]||0)); }
console.log([...chains].sort((a,b)=>b[1]-a[1]).slice(0,5).map(([k,v])=>`${(v/1000).toFixed(0)}ms ${k}`).join('\n\n'));
await b.close();
