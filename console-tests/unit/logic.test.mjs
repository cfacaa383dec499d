// The console's pure functions, imported straight from the gateway's resources (no browser).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from '../../gateway/src/main/resources/console/lib/csv.js';
import { ident, literal } from '../../gateway/src/main/resources/console/lib/format.js';
import { errorPosition } from '../../gateway/src/main/resources/console/lib/problem.js';
import { diff } from '../../gateway/src/main/resources/console/pages/dataset.js';
import { nameFrom } from '../../gateway/src/main/resources/console/pages/ingest.js';
import { guessDataset, guessKey, parseFilter } from '../../gateway/src/main/resources/console/pages/search.js';

test('DuckDB error positions come from the caret under LINE n', () => {
  assert.deepEqual(errorPosition('Parser Error: syntax error at or near "FORM"\n\nLINE 1: SELECT * FORM t\n                 ^'), { line: 1, column: 10 });
  assert.deepEqual(errorPosition('Binder Error: x\n\nLINE 2: WHERE nope = 1\n              ^'), { line: 2, column: 7 });
  assert.equal(errorPosition('Catalog Error: Table with name x does not exist!'), null);
});

test('CSV quotes what needs it and keeps NULL empty', () => {
  const csv = toCsv({ columns: [{ name: 'a' }, { name: 'b,c' }], rows: [['x "y"', null], ['line\nbreak', 3]] });
  assert.equal(csv, 'a,"b,c"\r\n"x ""y""",\r\n"line\nbreak",3\r\n');
});

test('SQL quoting doubles the quote characters', () => {
  assert.equal(ident('we"ird'), '"we""ird"');
  assert.equal(literal("O'Brien"), "'O''Brien'");
});

test('the diff of two manifests names rows, columns and files', () => {
  const a = { version: 1, row_count: 3, schema_fingerprint: 'f1', schema: [{ name: 'id', type: 'BIGINT' }, { name: 'x', type: 'BIGINT' }], objects: [{ key: 'k1' }] };
  const b = { version: 2, row_count: 5, schema_fingerprint: 'f2', schema: [{ name: 'id', type: 'BIGINT' }, { name: 'x', type: 'DOUBLE' }, { name: 'y', type: 'DATE' }], objects: [{ key: 'k1' }, { key: 'k2' }] };
  const d = diff(a, b);
  assert.equal(d.rowDelta, 2);
  assert.equal(d.sameSchema, false);
  assert.deepEqual(d.addedColumns.map((c) => c.name), ['y']);
  assert.deepEqual(d.changedColumns.map((c) => [c.name, c.from.type, c.to.type]), [['x', 'BIGINT', 'DOUBLE']]);
  assert.deepEqual(d.addedObjects.map((o) => o.key), ['k2']);
  assert.deepEqual(d.removedObjects, []);
});

test('a dataset name from a file name fits the catalog rule', () => {
  assert.equal(nameFrom('Workers 2026.csv'), 'workers_2026');
  assert.equal(nameFrom('2026-sales.CSV'), '_2026_sales');
  assert.match(nameFrom(`${'a'.repeat(80)}.csv`), /^[a-z_][a-z0-9_]{0,62}$/);
});

test('search guesses the join from names and parses filters', () => {
  const datasets = [{ name: 'demo_workers' }, { name: 'demo_orders' }, { name: 'people' }];
  assert.equal(guessDataset('demo_worker_resumes', datasets), 'demo_workers');
  assert.equal(guessDataset('unrelated', datasets), '');
  assert.equal(guessKey([{ name: 'name' }, { name: 'worker_id' }]), 'worker_id');
  assert.equal(guessKey([{ name: 'name' }, { name: 'id' }]), 'id');
  assert.deepEqual(parseFilter('state=IL, role = Forklift Operator,junk'), { state: 'IL', role: 'Forklift Operator' });
});
