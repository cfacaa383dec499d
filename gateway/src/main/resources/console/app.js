// The console's shell: a hash router (#/page/arg) over the page modules. Each page renders into
// <main> and may return a cleanup function (timers, observers) run when the user leaves it.
import { forget, token } from './lib/auth.js';
import { el, mount } from './lib/dom.js';
import { problemView } from './lib/problem.js';
import * as fleet from './pages/fleet.js';
import * as datasets from './pages/datasets.js';
import * as dataset from './pages/dataset.js';
import * as sqlPage from './pages/sql.js';
import * as ingestPage from './pages/ingest.js';
import * as search from './pages/search.js';
import * as memory from './pages/memory.js';
import * as journal from './pages/journal.js';

const PAGES = {
  fleet: [fleet, 'Fleet'],
  datasets: [datasets, 'Datasets'],
  dataset: [dataset, 'Dataset'],
  sql: [sqlPage, 'SQL'],
  ingest: [ingestPage, 'Ingest'],
  search: [search, 'Search'],
  memory: [memory, 'Memory'],
  journal: [journal, 'Journal'],
};

const main = document.getElementById('main');
let cleanup = null;

function route() {
  const [name = 'fleet', ...args] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const key = name === 'datasets' && args.length ? 'dataset' : name;
  const [page, title] = PAGES[key] ?? PAGES.fleet;
  return { page, title, args, nav: key === 'dataset' ? 'datasets' : (PAGES[key] ? key : 'fleet') };
}

async function show() {
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  const { page, title, args, nav } = route();
  document.title = `${title} · Lakehouse`;
  for (const a of document.querySelectorAll('header nav a')) {
    if (a.getAttribute('href') === `#/${nav}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const root = el('section', { class: 'page', 'aria-labelledby': 'page-title' });
  mount(main, root);
  try {
    cleanup = await page.render(root, args);
  } catch (error) {
    root.append(problemView(error));
  }
}

function tokenButton() {
  document.getElementById('forget-token').hidden = !token();
}

document.getElementById('forget-token').addEventListener('click', () => { forget(); show(); });
document.addEventListener('lakehouse:token', tokenButton);
window.addEventListener('hashchange', () => { show(); main.focus({ preventScroll: true }); });
tokenButton();
show();
