// Search: a question embedded through embedd, the nearest items of a vector index, and each hit
// joined to its row in a dataset through SQL. The join comes from the hits' metadata when they
// name it ("dataset" and "key_column"), else from the dataset whose name is closest to the
// index's and its id column; both can be changed.
import { getJson, postJson, sql } from '../lib/api.js';
import { el, field, mount, select, status } from '../lib/dom.js';
import { cell, count, ident, literal, ms } from '../lib/format.js';
import { problemView } from '../lib/problem.js';

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** The dataset whose name shares the longest prefix with the index's (at least 4 characters). */
export function guessDataset(indexName, datasets) {
  let best = '';
  let bestLength = 3;
  for (const d of datasets) {
    const n = commonPrefix(indexName, d.name);
    if (n > bestLength) { best = d.name; bestLength = n; }
  }
  return best;
}

/** The column that most likely holds the hit ids: *_id, then id, then the first column. */
export function guessKey(schema) {
  const names = schema.map((c) => c.name);
  return names.find((n) => /_id$/i.test(n)) ?? names.find((n) => /^id$/i.test(n)) ?? names[0] ?? '';
}

/** "state=IL, role=Welder" → {state:"IL", role:"Welder"}. */
export function parseFilter(text) {
  const filter = {};
  for (const part of text.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) filter[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return filter;
}

export async function render(root) {
  mount(root, el('h1', { id: 'page-title' }, 'Search'));
  const [{ indexes = [] }, { datasets = [] }] = await Promise.all([getJson('/v1/vectors/index'), getJson('/v1/catalog/list')]);
  if (indexes.length === 0) {
    root.append(el('p', {}, 'No vector index yet. Create one with POST /v1/vectors/index and add items embedded through /v1/embed (see docs/console.md), or run ./lakehouse demo.'));
    return;
  }
  const byName = new Map(datasets.map((d) => [d.name, d]));
  const index = select(indexes.map((i) => [i.name, `${i.name} (${count(i.count)} items, ${i.dimension}-d ${i.distance})`]), indexes[0].name, { name: 'index' });
  const question = el('input', { type: 'search', name: 'question', placeholder: 'forklift driver in Illinois with safety certification', required: true, autocomplete: 'off' });
  const k = el('input', { type: 'number', name: 'k', min: '1', max: '100', value: '10' });
  const filter = el('input', { type: 'text', name: 'filter', placeholder: 'state=IL', autocomplete: 'off', spellcheck: 'false' });
  const dataset = select([['', '(no join)'], ...datasets.map((d) => d.name)], '', { name: 'dataset' });
  const key = select([], undefined, { name: 'key' });
  const go = el('button', { type: 'submit', class: 'primary' }, 'Search');
  const state = status();
  const out = el('div', { class: 'search-results' });
  let joinChosen = false;

  const fillKeys = (preferred) => {
    const schema = byName.get(dataset.value)?.schema ?? [];
    mount(key, schema.map((c) => el('option', { value: c.name }, c.name)));
    key.value = preferred && schema.some((c) => c.name === preferred) ? preferred : guessKey(schema);
    key.disabled = schema.length === 0;
  };
  const guessJoin = () => { dataset.value = guessDataset(index.value, datasets); fillKeys(); };
  index.addEventListener('change', () => { joinChosen = false; guessJoin(); });
  dataset.addEventListener('change', () => { joinChosen = true; fillKeys(); });
  key.addEventListener('change', () => { joinChosen = true; });
  guessJoin();

  const form = el('form', { class: 'search-form' },
    el('div', { class: 'controls' }, field('Vector index', index), field('Question', question), field('Hits', k)),
    el('div', { class: 'controls' }, field('Metadata filter', filter, 'key=value, comma separated'), field('Join to dataset', dataset), field('On column', key),
      el('div', { class: 'field end' }, go)));
  root.append(form, state, out);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    go.disabled = true;
    state.textContent = 'Embedding the question…';
    const started = performance.now();
    try {
      const { vectors } = await postJson('/v1/embed', { texts: [question.value] });
      state.textContent = 'Searching…';
      const body = { vector: vectors[0], k: Number(k.value) || 10 };
      const f = parseFilter(filter.value);
      if (Object.keys(f).length) body.filter = f;
      const { hits } = await postJson(`/v1/vectors/index/${encodeURIComponent(index.value)}/search`, body);
      // Hits that say where they come from set the join, unless the user chose one.
      const meta = hits[0]?.metadata ?? {};
      if (!joinChosen && typeof meta.dataset === 'string' && byName.has(meta.dataset)) {
        dataset.value = meta.dataset;
        fillKeys(meta.key_column);
      }
      let joined = null;
      if (dataset.value && key.value && hits.length) {
        state.textContent = 'Joining the hits to their rows…';
        const ids = hits.map((h) => literal(h.id)).join(', ');
        joined = await sql(`SELECT * FROM ${ident(dataset.value)} WHERE CAST(${ident(key.value)} AS VARCHAR) IN (${ids})`, 1000);
      }
      state.textContent = `${hits.length} hits in ${ms(performance.now() - started)}${joined ? `, joined to ${dataset.value}.${key.value}` : ''}`;
      mount(out, resultsView(hits, joined, key.value));
    } catch (e) {
      state.textContent = 'Search failed';
      mount(out, problemView(e));
    } finally {
      go.disabled = false;
    }
  });
}

function resultsView(hits, joined, keyColumn) {
  if (hits.length === 0) return el('p', {}, 'No hits.');
  const columns = joined?.columns ?? [];
  const keyAt = columns.findIndex((c) => c.name === keyColumn);
  const rowsById = new Map((joined?.rows ?? []).map((r) => [cell(r[keyAt]), r]));
  const header = ['#', 'Id', 'Distance', 'Metadata', ...columns.map((c) => c.name)];
  return el('div', { class: 'table-wrap' }, el('table', { class: 'hits', 'aria-label': 'Search hits' },
    el('thead', {}, el('tr', {}, header.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, hits.map((hit, i) => {
      const row = rowsById.get(hit.id);
      const metadata = Object.entries(hit.metadata ?? {}).map(([k, v]) => `${k}=${cell(v)}`).join(', ');
      return el('tr', { class: row || !joined ? null : 'unjoined' },
        el('td', { class: 'num' }, String(i + 1)), el('td', { class: 'mono' }, hit.id),
        el('td', { class: 'num' }, Number(hit.distance).toFixed(4)), el('td', { class: 'small' }, metadata),
        columns.map((_, c) => {
          const v = row ? cell(row[c]) : undefined;
          return el('td', { class: v === null ? 'null' : 'joined' }, v === undefined ? '—' : v === null ? 'NULL' : v);
        }));
    }))));
}
