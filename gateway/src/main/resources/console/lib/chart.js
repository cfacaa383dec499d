// A chart of a query result with uPlot (from its WebJar): the kind is chosen from the column
// types (a time column → line, a text column with numbers → bar, two numbers → scatter) and the
// user can switch kind and columns.
import uPlot from '../vendor/uplot/uPlot.esm.js';
import { el, field, select } from './dom.js';
import { NUMERIC_TYPES, TEMPORAL_TYPES } from './format.js';

const MAX_BARS = 200;
const COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777'];

function kindOf(column) {
  if (NUMERIC_TYPES.test(column.type ?? '')) return 'number';
  if (TEMPORAL_TYPES.test(column.type ?? '')) return 'time';
  return 'text';
}

/** The chart a result suggests: {kind, x, ys} with column indexes, or null when nothing is numeric. */
export function suggest(columns) {
  const kinds = columns.map(kindOf);
  const numbers = kinds.flatMap((k, i) => (k === 'number' ? [i] : []));
  if (numbers.length === 0) return null;
  const time = kinds.indexOf('time');
  if (time >= 0) return { kind: 'line', x: time, ys: [numbers[0]] };
  const text = kinds.indexOf('text');
  if (text >= 0) return { kind: 'bar', x: text, ys: [numbers[0]] };
  if (numbers.length >= 2) return { kind: 'scatter', x: numbers[0], ys: [numbers[1]] };
  return { kind: 'line', x: -1, ys: [numbers[0]] };
}

function toNumber(v, kind) {
  if (v === null || v === undefined) return null;
  if (kind === 'time') { const t = Date.parse(v); return Number.isNaN(t) ? null : t / 1000; }
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function plotData(result, choice) {
  const { columns } = result;
  const rows = choice.kind === 'bar' ? result.rows.slice(0, MAX_BARS) : result.rows;
  const xKind = choice.x < 0 ? 'index' : kindOf(columns[choice.x]);
  const categorical = choice.kind === 'bar' || xKind === 'text';
  let order = rows.map((_, i) => i);
  const xs = rows.map((r, i) => (categorical || xKind === 'index' ? i : toNumber(r[choice.x], xKind)));
  if (!categorical && choice.kind !== 'scatter') order = order.filter((i) => xs[i] !== null).sort((a, b) => xs[a] - xs[b]);
  if (choice.kind === 'scatter') order = order.filter((i) => xs[i] !== null).sort((a, b) => xs[a] - xs[b]);
  const data = [order.map((i) => xs[i])];
  for (const y of choice.ys) data.push(order.map((i) => toNumber(rows[i][y], 'number')));
  const labels = categorical ? order.map((i) => String(rows[i][choice.x] ?? 'NULL')) : null;
  return { data, labels, time: xKind === 'time', truncated: rows.length < result.rows.length };
}

function options(result, choice, plot, width) {
  const { columns } = result;
  const series = [{ label: choice.x < 0 ? 'row' : columns[choice.x].name }];
  choice.ys.forEach((y, i) => {
    const color = COLORS[i % COLORS.length];
    const s = { label: columns[y].name, stroke: color, width: 2 };
    if (choice.kind === 'bar') Object.assign(s, { fill: `${color}99`, paths: uPlot.paths.bars({ size: [0.7 / choice.ys.length, 80], align: 0 }), points: { show: false } });
    if (choice.kind === 'scatter') Object.assign(s, { paths: () => null, points: { show: true, size: 5, fill: color } });
    series.push(s);
  });
  const xAxis = { stroke: '#475569', grid: { stroke: '#e2e8f0' } };
  if (plot.labels) {
    xAxis.values = (u, splits) => splits.map((v) => (Number.isInteger(v) && plot.labels[v] !== undefined ? plot.labels[v].slice(0, 18) : ''));
    xAxis.rotate = plot.labels.length > 8 ? -30 : 0;
    xAxis.size = plot.labels.length > 8 ? 70 : 40;
  }
  return {
    width, height: 320,
    scales: {
      x: { time: plot.time, ...(plot.labels ? { range: (u, min, max) => [min - 0.5, max + 0.5] } : {}) },
      // Bars grow from zero, or their heights would lie.
      ...(choice.kind === 'bar' ? { y: { range: (u, min, max) => [Math.min(0, min), Math.max(0, max) * 1.08 || 1] } } : {}),
    },
    series,
    axes: [xAxis, { stroke: '#475569', grid: { stroke: '#e2e8f0' } }],
    legend: { show: true },
    cursor: { drag: { x: choice.kind !== 'bar', y: false } },
  };
}

/** The chart panel of a result: controls plus the plot; null when nothing in it is numeric. */
export function chartPanel(result) {
  const suggestion = suggest(result.columns);
  if (!suggestion) return el('p', { class: 'muted' }, 'Nothing to chart: the result has no numeric column.');
  const choice = { ...suggestion };
  const names = result.columns.map((c, i) => [String(i), `${c.name} (${c.type})`]);
  const kind = select([['bar', 'Bar'], ['line', 'Line'], ['scatter', 'Scatter']], choice.kind, { name: 'chart-kind' });
  const x = select([['-1', '(row number)'], ...names], String(choice.x), { name: 'chart-x' });
  const y = select(names.filter(([i]) => kindOf(result.columns[Number(i)]) === 'number'), String(choice.ys[0]), { name: 'chart-y' });
  const area = el('div', { class: 'chart-area', role: 'img', 'aria-label': 'Chart of the result' });
  const note = el('p', { class: 'muted small' });
  let chart = null;
  const draw = () => {
    chart?.destroy();
    const plot = plotData(result, choice);
    const width = Math.max(280, area.clientWidth || 800);
    chart = new uPlot(options(result, choice, plot, width), plot.data, area);
    area.setAttribute('aria-label', `${choice.kind} chart of ${choice.ys.map((i) => result.columns[i].name).join(', ')}`);
    note.textContent = plot.truncated ? `Bar charts show the first ${MAX_BARS} rows.` : '';
  };
  kind.addEventListener('change', () => { choice.kind = kind.value; draw(); });
  x.addEventListener('change', () => { choice.x = Number(x.value); draw(); });
  y.addEventListener('change', () => { choice.ys = [Number(y.value)]; draw(); });
  const panel = el('div', { class: 'chart-panel' },
    el('div', { class: 'controls' }, field('Chart', kind), field('X', x), field('Y', y)), area, note);
  // Drawn once the panel is in the document and has a width; redrawn when the width changes.
  let lastWidth = 0;
  new ResizeObserver(() => {
    const w = area.clientWidth;
    if (w && Math.abs(w - lastWidth) > 8) { lastWidth = w; if (chart) chart.setSize({ width: w, height: 320 }); else draw(); }
  }).observe(area);
  panel.redraw = draw;
  return panel;
}

