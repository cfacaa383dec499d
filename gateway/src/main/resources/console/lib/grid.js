// A results grid that keeps only the visible rows in the DOM (plus a few above and below), so a
// result of 100,000 rows scrolls as smoothly as one of ten: the scroll height comes from a spacer
// and the row layer is re-filled, within one animation frame, as the view moves.
import { el } from './dom.js';
import { cell, NUMERIC_TYPES } from './format.js';

const ROW_HEIGHT = 28;
const OVERSCAN = 8;

/** Column widths in px from the header and a sample of rows, so columns need no measuring. */
function widths(columns, rows) {
  const sample = rows.length > 500 ? rows.slice(0, 500) : rows;
  return columns.map((c, i) => {
    let chars = c.name.length + Math.ceil((c.type ?? '').length * 0.7) + 2;
    for (const r of sample) {
      const v = cell(r[i]);
      chars = Math.max(chars, v === null ? 4 : Math.min(v.length, 60));
    }
    return Math.max(64, Math.min(420, chars * 8 + 20));
  });
}

/**
 * grid({columns:[{name,type}], rows:[[...]], label}) → an element. Rows are arrays of JSON values.
 */
export function grid({ columns, rows, label = 'Results' }) {
  const numeric = columns.map((c) => NUMERIC_TYPES.test(c.type ?? ''));
  const columnWidths = [72, ...widths(columns, rows)];
  const template = columnWidths.map((w) => `${w}px`).join(' ');
  const totalWidth = columnWidths.reduce((a, b) => a + b, 0);
  const header = el('div', { class: 'grid-row grid-head', role: 'row', style: { 'grid-template-columns': template } },
    el('span', { role: 'columnheader', class: 'grid-index' }, '#'),
    columns.map((c) => el('span', { role: 'columnheader', title: c.type ?? '' }, c.name, el('small', {}, c.type ?? ''))));
  const spacer = el('div', { class: 'grid-spacer', style: { height: `${rows.length * ROW_HEIGHT}px`, width: `${totalWidth}px` } });
  const layer = el('div', { class: 'grid-layer', role: 'rowgroup' });
  const body = el('div', { class: 'grid-body' }, spacer, layer);
  const scroller = el('div', {
    class: 'grid-scroll', tabindex: '0', role: 'grid', 'aria-label': label,
    // As tall as a short result (header, rows, a scrollbar), capped by the stylesheet.
    style: { height: `${34 + rows.length * ROW_HEIGHT + 18}px` },
    'aria-rowcount': String(rows.length + 1), 'aria-colcount': String(columns.length),
  }, header, body);

  let first = -1;
  let last = -1;
  let frame = 0;

  function row(index) {
    const values = rows[index];
    return el('div', {
      class: 'grid-row', role: 'row', 'aria-rowindex': String(index + 2),
      style: { 'grid-template-columns': template, transform: `translateY(${index * ROW_HEIGHT}px)` },
    },
    el('span', { class: 'grid-index', role: 'rowheader' }, String(index + 1)),
    columns.map((_, i) => {
      const text = cell(values[i]);
      return el('span', { role: 'gridcell', class: text === null ? 'null' : numeric[i] ? 'num' : null, title: text !== null && text.length > 40 ? text : null },
        text === null ? 'NULL' : text);
    }));
  }

  function paint() {
    frame = 0;
    const top = Math.max(0, scroller.scrollTop - header.offsetHeight);
    const height = scroller.clientHeight || 480;
    const from = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const to = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    if (from === first && to === last) return;
    first = from;
    last = to;
    const nodes = [];
    for (let i = from; i < to; i += 1) nodes.push(row(i));
    layer.replaceChildren(...nodes);
  }

  scroller.addEventListener('scroll', () => { if (!frame) frame = requestAnimationFrame(paint); }, { passive: true });
  new ResizeObserver(() => { first = -1; paint(); }).observe(scroller);
  paint();
  return scroller;
}
