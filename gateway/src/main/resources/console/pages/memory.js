// Memory: search pathway's traces (BM25 over content and tags; a blank query lists the newest)
// and open a trace's revision history.
import { getJson, postJson } from '../lib/api.js';
import { el, field, mount, status } from '../lib/dom.js';
import { when } from '../lib/format.js';
import { problemView } from '../lib/problem.js';

function content(trace) {
  return el('pre', { class: 'trace-content' }, typeof trace.content === 'string' ? trace.content : JSON.stringify(trace.content, null, 2));
}

function traceCard(trace, score) {
  const history = el('div', { class: 'history' });
  const toggle = el('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'History');
  toggle.addEventListener('click', async () => {
    if (toggle.getAttribute('aria-expanded') === 'true') {
      toggle.setAttribute('aria-expanded', 'false');
      mount(history);
      return;
    }
    toggle.setAttribute('aria-expanded', 'true');
    try {
      const h = await getJson(`/v1/pathway/traces/${encodeURIComponent(trace.uid)}/history`);
      mount(history, el('ol', { class: 'timeline' }, h.traces.map((t) => el('li', {},
        el('p', { class: 'small muted' }, `${when(t.updated_at)} · ${t.uid}${t.retired ? ' · retired' : ''}`), content(t)))),
      el('p', { class: 'small muted' }, `Chain ends: ${h.end}`));
    } catch (e) {
      mount(history, problemView(e));
    }
  });
  return el('article', { class: 'card trace' },
    el('p', { class: 'small muted' },
      score === undefined ? '' : `score ${Number(score).toFixed(3)} · `, `updated ${when(trace.updated_at)} · `, el('span', { class: 'mono' }, trace.uid)),
    (trace.tags ?? []).length ? el('p', { class: 'tags' }, trace.tags.map((t) => el('span', { class: 'tag' }, t))) : null,
    content(trace), toggle, history);
}

export async function render(root) {
  const query = el('input', { type: 'search', name: 'query', placeholder: 'what the agent remembered about…', autocomplete: 'off' });
  const tags = el('input', { type: 'text', name: 'tags', placeholder: 'tag1, tag2', autocomplete: 'off' });
  const state = status();
  const out = el('div', { class: 'traces' });
  const form = el('form', {},
    el('div', { class: 'controls' }, field('Search traces', query), field('Tags', tags),
      el('div', { class: 'field end' }, el('button', { type: 'submit', class: 'primary' }, 'Search'))));
  mount(root, el('h1', { id: 'page-title' }, 'Memory'), form, state, out);

  let latest = 0;
  async function search() {
    // Only the newest search may fill the list: an older answer arriving late is dropped.
    latest += 1;
    const mine = latest;
    const body = { query: query.value, limit: 50 };
    const t = tags.value.split(',').map((s) => s.trim()).filter(Boolean);
    if (t.length) body.tags = t;
    try {
      const { results = [] } = await postJson('/v1/pathway/search', body);
      if (mine !== latest) return;
      state.textContent = `${results.length} traces${query.value.trim() ? '' : ', newest first'}`;
      mount(out, results.length ? results.map((r) => traceCard(r.trace, query.value.trim() ? r.score : undefined)) : el('p', {}, 'No traces.'));
    } catch (e) {
      mount(out, problemView(e));
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); search(); });
  await search();
}
