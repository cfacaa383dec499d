// With a fleet token: the console asks for it, keeps it in session storage only, and a refused
// token brings the prompt back. A second gateway jar with AUTH_TOKEN runs in front of the fleet.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launch, page, shot } from '../lib/browser.mjs';
import { startGuardedGateway } from '../lib/fleet.mjs';

const TOKEN = randomBytes(32).toString('hex');
let gateway;
let browser;

before(async () => {
  gateway = await startGuardedGateway(TOKEN);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await gateway?.stop();
});

test('the console itself is open, the API is not', async () => {
  const root = await fetch(`${gateway.url}/`);
  assert.equal(root.status, 200);
  assert.match(root.headers.get('content-security-policy'), /script-src 'self'/);
  assert.equal((await fetch(`${gateway.url}/v1/catalog/list`)).status, 401);
});

test('the token prompt asks once, keeps the token in the tab and comes back on a 401', async () => {
  const p = await page(browser.context);
  await p.goto(`${gateway.url}/#/datasets`);
  const dialog = p.getByRole('dialog');
  await dialog.waitFor();
  await shot(p, 'token-prompt');

  await dialog.getByLabel('Token').fill('not-the-token');
  await dialog.getByRole('button', { name: 'Use token' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'refused' }).waitFor();

  await dialog.getByLabel('Token').fill(TOKEN);
  await dialog.getByRole('button', { name: 'Use token' }).click();
  await p.locator('#page-title', { hasText: 'Datasets' }).waitFor();
  await p.locator('main table, main p').first().waitFor();
  assert.equal(await p.getByRole('dialog').count(), 0);
  assert.equal(await p.evaluate(() => sessionStorage.getItem('lakehouse.token')), TOKEN);
  assert.ok(!p.url().includes(TOKEN), 'the token is never in the URL');
  assert.deepEqual(await browser.context.cookies(), [], 'and never in a cookie');

  // Other pages reuse it without asking.
  await p.goto(`${gateway.url}/#/sql`);
  await p.locator('.table-list li').first().waitFor();
  assert.equal(await p.getByRole('dialog').count(), 0);

  // A token the gateway refuses (rotated away) brings the prompt back.
  await p.evaluate(() => sessionStorage.setItem('lakehouse.token', 'rotated-away'));
  await p.goto(`${gateway.url}/#/datasets`);
  await p.reload();
  await p.getByRole('dialog').waitFor();
  await p.getByRole('dialog').getByLabel('Token').fill(TOKEN);
  await p.getByRole('dialog').getByRole('button', { name: 'Use token' }).click();
  await p.locator('main table[aria-label="Datasets"], main p').first().waitFor();
  await shot(p, 'token-accepted');
  assert.deepEqual(p.errors.filter((e) => !/status of 401/.test(e)), []);
  await p.close();
});
