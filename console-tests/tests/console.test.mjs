// The console against the fleet booted by ./lakehouse test: every page, drag-and-drop ingest,
// SQL with rows and a chart, semantic search joined to rows, and data that looks like markup.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { GATEWAY, launch, page, readmeShot, shot } from '../lib/browser.mjs';
import { INJECTION, NOTES, PEOPLE, seed } from '../lib/fleet.mjs';

let browser;

before(async () => {
  await seed();
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function open(route, { width, height } = {}) {
  const p = await page(browser.context);
  if (width) await p.setViewportSize({ width, height });
  await p.goto(`${GATEWAY}/#/${route}`);
  await p.locator('#page-title').waitFor();
  return p;
}

test('every page loads with no console error', async () => {
  const pages = {
    fleet: (p) => p.locator('table[aria-label="Services"] tbody tr').first().waitFor(),
    datasets: (p) => p.getByRole('link', { name: PEOPLE, exact: true }).waitFor(),
    [`datasets/${PEOPLE}`]: (p) => p.locator('.first-rows [role="gridcell"]').first().waitFor(),
    sql: (p) => p.locator('.table-list li').first().waitFor(),
    ingest: (p) => p.locator('#dropzone').waitFor(),
    search: (p) => p.locator('select[name="index"]').waitFor(),
    memory: (p) => p.locator('p.status').filter({ hasText: 'traces' }).waitFor(),
    journal: (p) => p.locator('p.status').filter({ hasText: 'events' }).waitFor(),
  };
  for (const [route, ready] of Object.entries(pages)) {
    const p = await open(route);
    await ready(p);
    await p.waitForLoadState('networkidle');
    await shot(p, `page-${route.replace('/', '-')}`, { fullPage: true });
    assert.deepEqual(p.errors, [], `#/${route} logged errors`);
    const fleetS3 = route === 'fleet' ? await p.locator('[data-testid="s3"] .badge').textContent() : 'ok';
    assert.equal(fleetS3, 'ok', 'the fleet page shows S3 reachable');
    await p.close();
  }
});

test('a CSV dropped on the ingest page becomes a dataset', async () => {
  const name = `console_drop_${Date.now().toString(36)}`;
  const p = await open('ingest');
  await p.fill('input[name="name"]', name);
  const csv = 'id,product,price,shipped_on\n1,"Widget, large",19.99,2026-01-05\n2,Gadget,5.5,2026-01-06\n3,"Gizmo ""pro""",120,2026-02-01\n';
  const transfer = await p.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'products.csv', { type: 'text/csv' }));
    return dt;
  }, csv);
  await p.dispatchEvent('#dropzone', 'dragenter', { dataTransfer: transfer });
  await p.dispatchEvent('#dropzone', 'dragover', { dataTransfer: transfer });
  await p.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
  const success = p.locator('.success');
  await success.waitFor();
  assert.match(await success.textContent(), /version 1, 3 rows/);
  assert.equal(await p.locator('progress').getAttribute('aria-label'), 'Upload progress');
  assert.equal(await p.locator('progress').evaluate((e) => e.value), 100);
  const schema = await p.locator('table[aria-label="Inferred schema"] tbody tr').allTextContents();
  assert.deepEqual(schema.map((r) => r.replace(/(yes|no)$/, '')), ['idBIGINT', 'productVARCHAR', 'priceDOUBLE', 'shipped_onDATE']);
  await shot(p, 'ingest-done');

  // The same schema with other rows, appended: version 2, and the dataset page says what changed.
  await p.selectOption('select[name="mode"]', 'append');
  const more = await p.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['id,product,price,shipped_on\n4,Sprocket,2.25,2026-03-01\n5,Flange,7,2026-03-02\n'], 'more.csv', { type: 'text/csv' }));
    return dt;
  });
  await p.dispatchEvent('#dropzone', 'drop', { dataTransfer: more });
  await p.locator('.success', { hasText: 'version 2' }).waitFor();

  await p.getByRole('link', { name: `Open ${name}` }).click();
  await p.locator('#page-title', { hasText: name }).waitFor();
  await p.locator('.first-rows [role="gridcell"]', { hasText: 'Gizmo "pro"' }).waitFor();
  await p.locator('.first-rows [role="gridcell"]', { hasText: 'Flange' }).waitFor();
  const columns = await p.locator('table[aria-label="Schema"] tbody td:first-child').allTextContents();
  assert.deepEqual(columns, ['id', 'product', 'price', 'shipped_on']);
  const changes = await p.locator('ul.diff li').allTextContents();
  assert.equal(changes[0], 'Rows: 3 → 5 (+2)');
  assert.equal(changes[1], 'Schema: unchanged');
  assert.equal(changes.filter((c) => c.startsWith('+ file ')).length, 1, `one file added: ${changes}`);
  await shot(p, 'dataset-page', { fullPage: true });
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('a SQL query renders rows in the virtual grid and a chart', async () => {
  const p = await open('sql');
  const editor = p.locator('textarea[name="sql"]');
  await editor.fill(`SELECT city, count(*) AS people, round(avg(score), 1) AS avg_score FROM ${PEOPLE} GROUP BY city ORDER BY people DESC, city`);
  await editor.press('Control+Enter');
  await p.locator('p.status', { hasText: 'rows in' }).waitFor();
  const first = await p.locator('.grid-layer .grid-row').first().locator('[role="gridcell"]').allTextContents();
  assert.deepEqual(first, ['Austin', '2', '73.5']);
  assert.equal(await p.locator('select[name="chart-kind"]').inputValue(), 'bar', 'text + numbers suggest a bar chart');
  await p.locator('.chart-area canvas').waitFor();
  await p.selectOption('select[name="chart-kind"]', 'line');
  await p.locator('.chart-area canvas').waitFor();
  await p.selectOption('select[name="chart-kind"]', 'bar');
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'result.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.equal(csv, 'city,people,avg_score\r\nAustin,2,73.5\r\nChicago,2,81\r\nDenver,1,77\r\nSeattle,1,88\r\n');
  await shot(p, 'sql', { fullPage: true });
  await readmeShot(p, 'sql');

  // 100,000 rows: only the visible ones are in the DOM, and the last is reachable by scrolling.
  await editor.fill('SELECT i AS n, i % 97 AS bucket, \'row \' || i AS label FROM range(100000) t(i)');
  await p.fill('input[name="max_rows"]', '100000');
  await p.getByRole('button', { name: 'Run' }).click();
  await p.locator('p.status', { hasText: '100,000 rows' }).waitFor({ timeout: 60000 });
  assert.ok(await p.locator('.grid-layer .grid-row').count() < 80, 'the grid keeps only visible rows in the DOM');
  const frameMs = await p.locator('.grid-scroll').evaluate(async (scroller) => {
    const started = performance.now();
    for (let i = 1; i <= 20; i += 1) {
      scroller.scrollTop = (scroller.scrollHeight * i) / 20;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    return (performance.now() - started) / 20;
  });
  assert.ok(frameMs < 200, `scrolling 100,000 rows takes ${frameMs.toFixed(1)} ms a step`);
  await p.locator('.grid-layer [role="rowheader"]', { hasText: /^100000$/ }).waitFor();
  assert.ok(await p.locator('.grid-layer .grid-row').count() < 80);

  // An error shows readably, with where DuckDB points.
  await editor.fill('SELECT nope FROM range(3)');
  await editor.press('Control+Enter');
  await p.locator('.problem').waitFor();
  assert.match(await p.locator('.problem').textContent(), /nope/);
  assert.match(await p.locator('.sql-output .error-text').textContent(), /line 1, column 8/);
  await shot(p, 'sql-error');
  assert.deepEqual(p.errors.filter((e) => !/status of 400/.test(e)), []);
  await p.close();
});

test('a semantic search shows the hits joined to their rows', async () => {
  const p = await open('search');
  await p.selectOption('select[name="index"]', NOTES);
  await p.fill('input[name="question"]', 'forklift driver with warehouse safety certification');
  await p.fill('input[name="k"]', '3');
  await p.getByRole('button', { name: 'Search' }).click();
  const rows = p.locator('table.hits tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  const top = await rows.first().locator('td').allTextContents();
  assert.equal(top[1], 'p001', 'the forklift operator is the nearest');
  assert.ok(top.includes('Ada Okafor') && top.includes('Chicago'), `the hit is joined to its row: ${top}`);
  assert.equal(await p.locator('select[name="dataset"]').inputValue(), PEOPLE, 'the join comes from the hit metadata');
  await shot(p, 'search', { fullPage: true });
  await readmeShot(p, 'search');
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('the memory page finds a trace and shows its revisions', async () => {
  const p = await open('memory');
  await p.locator('p.status', { hasText: 'newest first' }).waitFor();
  await p.fill('input[name="query"]', 'night shifts cold storage');
  await p.getByRole('button', { name: 'Search' }).click();
  await p.locator('p.status', { hasText: /^\d+ traces$/ }).waitFor();
  const card = p.locator('article.trace').filter({ hasText: 'cold storage' }).first();
  await card.waitFor();
  await card.getByRole('button', { name: 'History' }).click();
  await card.locator('.history ol.timeline li').nth(1).waitFor();
  const history = await card.locator('.history ol.timeline li').allTextContents();
  assert.equal(history.length, 2);
  assert.match(history[0], /cold storage/);
  assert.doesNotMatch(history[1], /cold storage/);
  await shot(p, 'memory-history');
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('a cell holding markup renders as its characters', async () => {
  const p = await open('sql');
  await p.locator('textarea[name="sql"]').fill(`SELECT person_id, name FROM ${PEOPLE} WHERE person_id = 'p003'`);
  await p.locator('textarea[name="sql"]').press('Control+Enter');
  const cell = p.locator('.grid-layer [role="gridcell"]', { hasText: 'onerror' });
  await cell.waitFor();
  assert.equal(await cell.textContent(), INJECTION);
  assert.equal(await p.locator('main img').count(), 0, 'no <img> element was made from the data');

  // Also on the dataset page and in the search hits.
  await p.goto(`${GATEWAY}/#/datasets/${PEOPLE}`);
  await p.locator('.first-rows [role="gridcell"]', { hasText: 'onerror' }).waitFor();
  assert.equal(await p.locator('main img').count(), 0);
  await p.goto(`${GATEWAY}/#/search`);
  await p.selectOption('select[name="index"]', NOTES);
  await p.fill('input[name="question"]', 'nurse in a children hospital');
  await p.getByRole('button', { name: 'Search' }).click();
  await p.locator('table.hits td', { hasText: INJECTION }).first().waitFor();
  assert.equal(await p.locator('main img').count(), 0);
  await shot(p, 'injection-as-text');
  assert.deepEqual(p.errors, [], 'no script ran (an alert would be recorded)');
  await p.close();
});

test('the SQL and search pages read well on a narrow window', async () => {
  for (const [route, action] of [['sql', async (p) => {
    await p.locator('textarea[name="sql"]').fill(`SELECT state, count(*) AS people FROM ${PEOPLE} GROUP BY state ORDER BY 2 DESC`);
    await p.locator('textarea[name="sql"]').press('Control+Enter');
    await p.locator('.chart-area canvas').waitFor();
  }], ['fleet', (p) => p.locator('table[aria-label="Services"] tbody tr').first().waitFor()]]) {
    const p = await open(route, { width: 390, height: 844 });
    await action(p);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `#/${route} scrolls sideways by ${overflow}px at 390px wide`);
    await shot(p, `narrow-${route}`, { fullPage: true });
    assert.deepEqual(p.errors, []);
    await p.close();
  }
});
