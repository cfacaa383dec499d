// SQL: an editor (Ctrl/Cmd+Enter runs), the result in the virtual grid and as a chart, CSV
// download, elapsed time, and DuckDB's error with the caret moved to where it points.
import { getJson, sql } from '../lib/api.js';
import { chartPanel } from '../lib/chart.js';
import { toCsv } from '../lib/csv.js';
import { el, field, mount, status } from '../lib/dom.js';
import { count, ms } from '../lib/format.js';
import { grid } from '../lib/grid.js';
import { errorPosition, problemView } from '../lib/problem.js';

const KEY = 'lakehouse.sql';

function download(result) {
  const url = URL.createObjectURL(new Blob([toCsv(result)], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: 'result.csv', hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The offset in text of a 1-based line and column. */
function offsetOf(text, { line, column }) {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i += 1) offset += lines[i].length + 1;
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

export async function render(root) {
  const editor = el('textarea', {
    class: 'editor', rows: '8', spellcheck: 'false', autocapitalize: 'off', name: 'sql',
    value: sessionStorage.getItem(KEY) ?? 'SELECT 42 AS answer',
  });
  const maxRows = el('input', { type: 'number', min: '1', max: '100000', value: '10000', name: 'max_rows', inputmode: 'numeric' });
  const run = el('button', { type: 'submit', class: 'primary' }, 'Run');
  const state = status();
  const output = el('div', { class: 'sql-output' });
  const tables = el('ul', { class: 'table-list', 'aria-label': 'Tables' });
  const form = el('form', { class: 'sql-form' },
    field('SQL (Ctrl+Enter or ⌘+Enter runs)', editor),
    el('div', { class: 'controls' }, field('Max rows', maxRows), el('div', { class: 'field end' }, run)));

  mount(root, el('h1', { id: 'page-title' }, 'SQL'),
    el('div', { class: 'sql-layout' }, el('div', {}, form, state), el('aside', { class: 'tables' }, el('h2', {}, 'Tables'), tables)),
    output);

  let running = false;
  async function execute() {
    if (running) return;
    running = true;
    run.disabled = true;
    sessionStorage.setItem(KEY, editor.value);
    state.textContent = 'Running…';
    const started = performance.now();
    try {
      const result = await sql(editor.value, Number(maxRows.value) || 10000);
      const total = performance.now() - started;
      state.textContent = `${count(result.row_count)} rows${result.truncated ? ' (truncated at max rows)' : ''} in ${ms(result.elapsed_ms)} (queryd), ${ms(total)} end to end`;
      const csv = el('button', { type: 'button', on: { click: () => download(result) } }, 'Download CSV');
      mount(output,
        el('div', { class: 'toolbar' }, csv),
        el('div', { class: 'result-panes' },
          el('div', {}, el('h2', { class: 'visually-hidden' }, 'Rows'), grid({ columns: result.columns, rows: result.rows, label: 'Query result' })),
          el('div', {}, el('h2', { class: 'visually-hidden' }, 'Chart'), chartPanel(result))));
    } catch (e) {
      state.textContent = `Failed after ${ms(performance.now() - started)}`;
      const position = errorPosition(e.problem?.detail);
      mount(output,
        position ? el('p', { class: 'error-text' }, `At line ${position.line}, column ${position.column}`) : null,
        problemView(e));
      if (position) {
        const at = offsetOf(editor.value, position);
        editor.focus();
        editor.setSelectionRange(at, Math.min(editor.value.length, at + 1));
      }
    } finally {
      running = false;
      run.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); execute(); });
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); execute(); }
  });

  getJson('/v1/sql/tables').then((t) => {
    mount(tables, (t.tables ?? []).map((table) => el('li', {},
      el('button', {
        type: 'button', class: 'link', title: (table.columns ?? []).map((c) => `${c.name} ${c.type}`).join('\n'),
        on: { click: () => { editor.value = `SELECT * FROM ${table.name} LIMIT 100`; editor.focus(); } },
      }, table.name),
      el('small', { class: 'muted' }, ` ${count(table.row_count)} rows`))));
  }).catch((e) => mount(tables, el('li', {}, problemView(e))));
  editor.focus();
}
