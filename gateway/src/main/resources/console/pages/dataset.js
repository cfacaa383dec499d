// One dataset: its schema, its versions and what changed between two of them (computed here
// from the two manifests: columns, objects, rows), and its first rows through SQL.
import { getJson, sql } from '../lib/api.js';
import { el, field, mount, select, table } from '../lib/dom.js';
import { bytes, count, ident, when } from '../lib/format.js';
import { grid } from '../lib/grid.js';
import { problemView } from '../lib/problem.js';

const FIRST_ROWS = 100;

/** What changed from manifest a to manifest b. */
export function diff(a, b) {
  const columnsA = new Map(a.schema.map((c) => [c.name, c]));
  const columnsB = new Map(b.schema.map((c) => [c.name, c]));
  const keysA = new Map(a.objects.map((o) => [o.key, o]));
  const keysB = new Map(b.objects.map((o) => [o.key, o]));
  return {
    addedColumns: b.schema.filter((c) => !columnsA.has(c.name)),
    removedColumns: a.schema.filter((c) => !columnsB.has(c.name)),
    changedColumns: b.schema.filter((c) => columnsA.has(c.name) && (columnsA.get(c.name).type !== c.type || columnsA.get(c.name).nullable !== c.nullable))
      .map((c) => ({ name: c.name, from: columnsA.get(c.name), to: c })),
    addedObjects: b.objects.filter((o) => !keysA.has(o.key)),
    removedObjects: a.objects.filter((o) => !keysB.has(o.key)),
    rowDelta: (b.row_count ?? 0) - (a.row_count ?? 0),
    sameSchema: a.schema_fingerprint === b.schema_fingerprint,
  };
}

function diffView(a, b) {
  const d = diff(a, b);
  const items = [];
  const sign = d.rowDelta > 0 ? '+' : '';
  items.push(el('li', {}, `Rows: ${count(a.row_count)} → ${count(b.row_count)} (${sign}${count(d.rowDelta)})`));
  items.push(el('li', {}, d.sameSchema ? 'Schema: unchanged' : 'Schema: changed'));
  for (const c of d.addedColumns) items.push(el('li', { class: 'added' }, `+ column ${c.name} ${c.type}`));
  for (const c of d.removedColumns) items.push(el('li', { class: 'removed' }, `− column ${c.name} ${c.type}`));
  for (const c of d.changedColumns) items.push(el('li', {}, `~ column ${c.name}: ${c.from.type} → ${c.to.type}`));
  for (const o of d.addedObjects) items.push(el('li', { class: 'added' }, `+ file ${o.key} (${count(o.row_count)} rows, ${bytes(o.size)})`));
  for (const o of d.removedObjects) items.push(el('li', { class: 'removed' }, `− file ${o.key} (${count(o.row_count)} rows, ${bytes(o.size)})`));
  return el('ul', { class: 'diff', 'aria-label': `Changes from v${a.version} to v${b.version}` }, items);
}

export async function render(root, [name]) {
  mount(root, el('p', { class: 'crumbs' }, el('a', { href: '#/datasets' }, 'Datasets'), ' / '), el('h1', { id: 'page-title' }, name));
  const [manifest, history] = await Promise.all([
    getJson(`/v1/catalog/manifest/${encodeURIComponent(name)}`),
    getJson(`/v1/catalog/manifest/${encodeURIComponent(name)}/versions`),
  ]);
  const versions = history.versions ?? [];
  root.append(
    el('dl', { class: 'facts' },
      el('dt', {}, 'Version'), el('dd', {}, `v${manifest.version}`),
      el('dt', {}, 'Rows'), el('dd', {}, count(manifest.row_count)),
      el('dt', {}, 'Updated'), el('dd', {}, when(manifest.updated_at)),
      el('dt', {}, 'Created'), el('dd', {}, when(manifest.created_at)),
      el('dt', {}, 'Dataset id'), el('dd', { class: 'mono' }, manifest.dataset_id),
      el('dt', {}, 'Fingerprint'), el('dd', { class: 'mono' }, manifest.schema_fingerprint)),
    el('h2', {}, 'Schema'),
    table(['Column', 'Type', 'Nullable'], manifest.schema.map((c) => [c.name, c.type, c.nullable ? 'yes' : 'no']), { 'aria-label': 'Schema' }),
    el('h2', {}, 'Versions'),
    table(['Version', 'Rows', 'Files', 'Schema', 'Updated'], [...versions].reverse().map((v) => [
      `v${v.version}`, count(v.row_count), count(v.objects?.length), el('td', { class: 'mono' }, v.schema_fingerprint.slice(0, 12)), when(v.updated_at)]),
    { 'aria-label': 'Versions' }));

  if (versions.length > 1) {
    const options = versions.map((v) => [String(v.version), `v${v.version}`]);
    const from = select(options, String(versions[versions.length - 2].version), { name: 'from' });
    const to = select(options, String(versions[versions.length - 1].version), { name: 'to' });
    const out = el('div', {});
    const show = () => {
      const a = versions.find((v) => String(v.version) === from.value);
      const b = versions.find((v) => String(v.version) === to.value);
      mount(out, diffView(a, b));
    };
    from.addEventListener('change', show);
    to.addEventListener('change', show);
    root.append(el('h2', {}, 'What changed'), el('div', { class: 'controls' }, field('From', from), field('To', to)), out);
    show();
  }

  root.append(el('h2', {}, `First ${FIRST_ROWS} rows`));
  const rowsArea = el('div', { class: 'first-rows' }, el('p', { class: 'muted' }, 'Loading…'));
  root.append(rowsArea);
  try {
    const result = await sql(`SELECT * FROM ${ident(name)} LIMIT ${FIRST_ROWS}`, FIRST_ROWS);
    mount(rowsArea, grid({ columns: result.columns, rows: result.rows, label: `First rows of ${name}` }));
  } catch (e) {
    mount(rowsArea, problemView(e));
  }
}
