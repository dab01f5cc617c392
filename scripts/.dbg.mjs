import { chromium } from 'playwright-core';
const head = 'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n';
const names = Array.from({ length: 5000 }, (_, i) => (i === 3990 ? '      - Bad3990.example' : `      - r${i}.example`));
const text = head + '  - resources:\n' + names.join('\n') + '\n    providers:\n      - identity: {}\n';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
await p.goto('http://127.0.0.1:8795/playground/');
await p.waitForSelector('[data-testid=verdict]:not(.pending)');
await p.getByTestId('editor').evaluate((el, value) => { el.value = value; el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' })); }, text);
await p.waitForTimeout(300);
await p.waitForSelector('[data-testid=verdict]:not(.pending)');
const state = () => p.evaluate(() => { const ed = document.querySelector('[data-testid=editor]'); const ols = [...document.querySelectorAll('.overlay .ol')]; return { scrollTop: ed.scrollTop, sh: ed.scrollHeight, ch: ed.clientHeight, ols: ols.length, first: ols[0]?.dataset.line ?? ols[0]?.textContent.slice(0, 20), sq: [...document.querySelectorAll('[data-testid=squiggle]')].map(s => s.dataset.line), rows: document.querySelectorAll('[data-testid=ordering-row]').length, pending: document.querySelector('[data-testid=verdict]').className }; });
console.log('after settle', JSON.stringify(await state()));
await p.getByTestId('editor').evaluate((el) => { window.__scrolls = 0; el.addEventListener('scroll', () => window.__scrolls++); el.scrollTop = (3995 - 10) * 21; });
for (let i = 0; i < 12; i++) { await p.waitForTimeout(250); console.log('early scroll events', await p.evaluate(() => window.__scrolls), JSON.stringify(await state())); }
await b.close(); process.exit(0);
const perKey = (selector) => p.evaluate(async (selector) => {
    const el = document.querySelector(selector);
    const times = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      el.setRangeText('#', el.value.length, el.value.length, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[4];
  }, selector);
console.log('app', await perKey('[data-testid=editor]'));
console.log('after typing', JSON.stringify(await state()));
await p.evaluate((value) => { const el = document.createElement('textarea'); el.id = 'bare'; el.wrap = 'off'; el.className = 'editor'; el.value = value; document.body.append(el); }, text);
console.log('bare', await perKey('#bare'));
await p.evaluate(() => document.getElementById('bare').remove());
await p.waitForSelector('[data-testid=verdict]:not(.pending)');
console.log('after bare', JSON.stringify(await state()));
await p.getByTestId('editor').evaluate((el, value) => { el.value = value + '#'; el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' })); }, text);
await p.waitForTimeout(300);
await p.waitForSelector('[data-testid=verdict]:not(.pending)');
console.log('re-pasted', JSON.stringify(await state()));
await p.getByTestId('editor').evaluate((el) => { window.__scrolls = 0; el.addEventListener('scroll', () => window.__scrolls++); el.scrollTop = (3995 - 10) * 21; });
for (let i = 0; i < 12; i++) { await p.waitForTimeout(250); console.log('scroll events', await p.evaluate(() => window.__scrolls)); console.log(i, JSON.stringify(await state())); }
await b.close();
