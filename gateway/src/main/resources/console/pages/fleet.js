// Fleet: every service's health and version from GET /v1/health, and whether storaged reaches S3
// (a one-key listing: 200 yes, 503 no), refreshed every few seconds while the page is open.
import { call, getJson } from '../lib/api.js';
import { el, mount, table } from '../lib/dom.js';
import { problemView } from '../lib/problem.js';

const EVERY_MS = 5000;

function badge(state) {
  return el('span', { class: `badge ${state}` }, state);
}

async function s3State() {
  try {
    await call('/v1/storage/list?limit=1');
    return { state: 'ok', detail: 'storaged lists the bucket' };
  } catch (e) {
    if (e.status === 503) return { state: 'down', detail: e.problem?.detail ?? 'S3 unreachable' };
    return { state: 'unknown', detail: e.problem?.detail ?? e.message };
  }
}

export async function render(root) {
  const updated = el('p', { class: 'muted small', 'aria-live': 'polite' });
  const body = el('div', {}, el('p', { class: 'muted' }, 'Checking the fleet…'));
  mount(root, el('h1', { id: 'page-title' }, 'Fleet'), updated, body);
  let timer = 0;
  let stopped = false;
  async function refresh() {
    try {
      const [health, s3] = await Promise.all([getJson('/v1/health'), s3State()]);
      if (stopped) return;
      const rows = Object.entries(health.services ?? {}).map(([name, s]) => [
        el('td', {}, el('strong', {}, name)), el('td', {}, badge(s.status)), s.version ?? '—',
        s.latency_ms === undefined ? '—' : `${s.latency_ms} ms`, s.error ?? '']);
      mount(body,
        el('div', { class: 'cards' },
          el('div', { class: 'card' }, el('h2', {}, 'Fleet'), badge(health.status)),
          el('div', { class: 'card', 'data-testid': 's3' }, el('h2', {}, 'S3 endpoint'), badge(s3.state), el('p', { class: 'small muted' }, s3.detail))),
        table(['Service', 'Status', 'Version', 'Latency', 'Error'], rows, { 'aria-label': 'Services' }));
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}, every ${EVERY_MS / 1000}s`;
    } catch (e) {
      if (!stopped) mount(body, problemView(e));
    }
    if (!stopped) timer = setTimeout(refresh, EVERY_MS);
  }
  await refresh();
  return () => { stopped = true; clearTimeout(timer); };
}
