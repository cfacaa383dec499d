// A problem+json (RFC 9457) shown readably: title and status, the detail as preformatted text
// (DuckDB's messages carry a caret line), and any other members as JSON.
import { el } from './dom.js';

const STANDARD = new Set(['type', 'title', 'status', 'detail', 'instance']);

export function problemView(error) {
  const problem = error?.problem ?? { title: 'Error', detail: String(error?.message ?? error) };
  const extras = Object.entries(problem).filter(([k]) => !STANDARD.has(k));
  return el('div', { class: 'problem', role: 'alert' },
    el('p', { class: 'problem-title' }, `${problem.title ?? 'Error'}${problem.status ? ` (${problem.status})` : ''}`),
    problem.detail ? el('pre', { class: 'problem-detail' }, problem.detail) : null,
    extras.length ? el('dl', {}, extras.map(([k, v]) => [el('dt', {}, k), el('dd', {}, el('pre', {}, typeof v === 'string' ? v : JSON.stringify(v, null, 2)))])) : null);
}

/**
 * Where DuckDB says the error is: its message ends with "LINE n: <text>" and a caret line under
 * the offending character. Returns {line, column} (1-based) or null.
 */
export function errorPosition(detail) {
  if (!detail) return null;
  const lines = detail.split('\n');
  for (let i = 0; i < lines.length - 1; i += 1) {
    const m = /^LINE (\d+): /.exec(lines[i]);
    if (!m) continue;
    const caret = lines[i + 1].indexOf('^');
    if (caret < 0) continue;
    return { line: Number(m[1]), column: caret - m[0].length + 1 };
  }
  return null;
}
