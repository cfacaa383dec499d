// Journal: who changed what and when, read with SQL from the lakehouse_journal dataset and laid
// out as a timeline grouped by day. Events reach the dataset at the observer's flush; "Flush now"
// asks for one (POST /v1/journal/flush).
import { getJson, postJson, sql } from '../lib/api.js';
import { el, field, mount, select, status } from '../lib/dom.js';
import { cell, literal } from '../lib/format.js';
import { problemView } from '../lib/problem.js';

const LIMIT = 500;

function query(entityType, text) {
  const where = [];
  if (entityType) where.push(`entity_type = ${literal(entityType)}`);
  if (text) {
    const like = literal(`%${text.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`);
    where.push(`(entity_id ILIKE ${like} ESCAPE '\\' OR actor ILIKE ${like} ESCAPE '\\' OR action ILIKE ${like} ESCAPE '\\')`);
  }
  return `SELECT "timestamp", entity_type, entity_id, field, action, old_value, new_value, actor, source FROM lakehouse_journal${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY "timestamp" DESC LIMIT ${LIMIT}`;
}

function timeline(result, names) {
  const at = Object.fromEntries(result.columns.map((c, i) => [c.name, i]));
  const days = new Map();
  for (const row of result.rows) {
    const time = new Date(row[at.timestamp]);
    const day = Number.isNaN(time.getTime()) ? String(row[at.timestamp]) : time.toLocaleDateString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
    if (!days.has(day)) days.set(day, []);
    days.get(day).push({ row, time });
  }
  return [...days].map(([day, events]) => el('section', { class: 'day' },
    el('h2', {}, day),
    el('ol', { class: 'timeline' }, events.map(({ row, time }) => {
      const v = (name) => cell(row[at[name]]);
      const change = v('field') ? [' · ', el('span', { class: 'mono' }, v('field')), ': ', el('span', { class: 'old' }, v('old_value') ?? '∅'), ' → ', el('span', { class: 'new' }, v('new_value') ?? '∅')] : [];
      return el('li', {},
        el('time', { datetime: v('timestamp') }, Number.isNaN(time.getTime()) ? v('timestamp') : time.toLocaleTimeString()),
        el('p', {}, el('strong', {}, v('actor') ?? 'unknown'), ` ${v('action')} `, el('span', { class: 'tag' }, v('entity_type')), ' ', el('span', { class: 'mono' }, v('entity_id')),
          names.has(v('entity_id')) ? ` (${names.get(v('entity_id'))})` : '', change),
        el('p', { class: 'small muted' }, `via ${v('source') ?? '—'}`));
    }))));
}

export async function render(root) {
  const type = select([['', 'all']], '', { name: 'entity_type' });
  const text = el('input', { type: 'search', name: 'text', placeholder: 'entity, actor or action', autocomplete: 'off' });
  const flush = el('button', { type: 'button' }, 'Flush now');
  const state = status();
  const out = el('div', {});
  const form = el('form', {}, el('div', { class: 'controls' }, field('Entity type', type), field('Contains', text),
    el('div', { class: 'field end' }, el('button', { type: 'submit', class: 'primary' }, 'Show')), el('div', { class: 'field end' }, flush)));
  mount(root, el('h1', { id: 'page-title' }, 'Journal'),
    el('p', { class: 'muted' }, 'Every mutation in the fleet: ingests, registrations, vector and memory changes.'), form, state, out);

  // Datasets are journaled by id; the catalog says their names.
  const catalogNames = getJson('/v1/catalog/list')
    .then((l) => new Map((l.datasets ?? []).map((d) => [d.dataset_id, d.name])))
    .catch(() => new Map());

  async function load() {
    try {
      const [result, names] = await Promise.all([sql(query(type.value, text.value.trim()), LIMIT), catalogNames]);
      state.textContent = `${result.row_count} events${result.row_count >= LIMIT ? ` (the newest ${LIMIT})` : ''}`;
      mount(out, result.rows.length ? timeline(result, names) : el('p', {}, 'No events match.'));
    } catch (e) {
      if (/lakehouse_journal/.test(e.problem?.detail ?? '') && e.status === 400) {
        state.textContent = '';
        mount(out, el('p', {}, 'The journal has no flushed events yet. They appear after the observer\u2019s next flush, or press “Flush now”.'));
      } else {
        mount(out, problemView(e));
      }
    }
  }
  async function loadTypes() {
    try {
      const r = await sql('SELECT DISTINCT entity_type FROM lakehouse_journal ORDER BY 1', 100);
      const current = type.value;
      mount(type, el('option', { value: '' }, 'all'), r.rows.map(([t]) => el('option', { value: cell(t) ?? '' }, cell(t) ?? 'NULL')));
      type.value = current;
    } catch {
      // no journal yet: "all" is the only choice
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  flush.addEventListener('click', async () => {
    flush.disabled = true;
    try {
      const r = await postJson('/v1/journal/flush', {});
      state.textContent = `Flushed ${r?.flushed_rows ?? 0} events`;
      await Promise.all([loadTypes(), load()]);
    } catch (e) {
      mount(out, problemView(e));
    } finally {
      flush.disabled = false;
    }
  });
  await Promise.all([loadTypes(), load()]);
}
