// Datasets: every catalog dataset with its rows, version and last change (GET /v1/catalog/list).
import { getJson } from '../lib/api.js';
import { el, mount, table } from '../lib/dom.js';
import { ago, bytes, count, when } from '../lib/format.js';

export async function render(root) {
  mount(root, el('h1', { id: 'page-title' }, 'Datasets'));
  const list = await getJson('/v1/catalog/list');
  const datasets = [...(list.datasets ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  if (datasets.length === 0) {
    root.append(el('p', {}, 'No datasets yet. ', el('a', { href: '#/ingest' }, 'Ingest a CSV'), ' to make one.'));
    return;
  }
  root.append(
    el('p', { class: 'muted' }, `${datasets.length} datasets, catalog version ${list.catalog_version}`),
    table(['Name', 'Rows', 'Columns', 'Version', 'Size', 'Last change'], datasets.map((d) => [
      el('td', {}, el('a', { href: `#/datasets/${encodeURIComponent(d.name)}` }, d.name)),
      el('td', { class: 'num' }, count(d.row_count)),
      el('td', { class: 'num' }, count(d.schema?.length)),
      el('td', { class: 'num' }, `v${d.version}`),
      el('td', { class: 'num' }, bytes((d.objects ?? []).reduce((s, o) => s + (o.size ?? 0), 0))),
      el('td', { title: when(d.updated_at) }, `${when(d.updated_at)} (${ago(d.updated_at)})`),
    ]), { 'aria-label': 'Datasets' }));
}
