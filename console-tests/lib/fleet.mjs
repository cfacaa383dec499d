// What the tests set up through the /v1 API (the same routes the console calls): a small
// dataset with an injection cell and a vector index over its notes, embedded through embedd.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY, TARGET } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INJECTION = '<img src=x onerror=alert(1)>';
export const PEOPLE = 'console_people';
export const NOTES = 'console_people_notes';

/** The people of the test dataset: one holds the injection cell, each has a note to embed. */
export const PEOPLE_ROWS = [
  ['p001', 'Ada Okafor', 'Chicago', 'IL', 91.5, 'Certified forklift operator, OSHA safety training, night shifts in a cold-storage warehouse'],
  ['p002', 'Bruno Silva', 'Denver', 'CO', 77.0, 'Line cook who runs a busy grill station and trains new kitchen staff'],
  ['p003', INJECTION, 'Austin', 'TX', 64.25, 'Registered nurse in a pediatric ward, fluent in Spanish'],
  ['p004', 'Chen Wei', 'Seattle', 'WA', 88.0, 'Welder with MIG and TIG certification building steel frames'],
  ['p005', 'Dana "DJ" Jones', 'Chicago', 'IL', 70.5, 'Truck driver with a CDL class A licence, long-haul routes'],
  ['p006', 'Emeka, Jr.', 'Austin', 'TX', 82.75, 'Electrician wiring commercial buildings, journeyman licence'],
];

export function peopleCsv() {
  const q = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  return ['person_id,name,city,state,score,note', ...PEOPLE_ROWS.map((r) => r.map(q).join(','))].join('\n') + '\n';
}

export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) { init.body = JSON.stringify(body); init.headers['Content-Type'] = 'application/json'; }
  const response = await fetch(`${GATEWAY}${path}`, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The people dataset and a 384-d cosine index of their notes whose metadata names the join. */
export async function seed() {
  const form = new FormData();
  form.append('file', new Blob([peopleCsv()], { type: 'text/csv' }), 'people.csv');
  await api(`/v1/ingest?name=${PEOPLE}`, { method: 'POST', body: form });
  const { vectors, dimension } = await api('/v1/embed', { method: 'POST', body: { texts: PEOPLE_ROWS.map((r) => r[5]) } });
  const existing = await api('/v1/vectors/index');
  if (existing.indexes.some((i) => i.name === NOTES)) await api(`/v1/vectors/index/${NOTES}`, { method: 'DELETE' });
  await api('/v1/vectors/index', { method: 'POST', body: { name: NOTES, dimension, distance: 'cosine' } });
  await api(`/v1/vectors/index/${NOTES}/add`, {
    method: 'POST',
    body: { items: PEOPLE_ROWS.map((r, i) => ({ id: r[0], vector: vectors[i], metadata: { dataset: PEOPLE, key_column: 'person_id', state: r[3] } })) },
  });
  // A memory trace and a revision of it, for the memory page.
  const first = await api('/v1/pathway/traces', { method: 'POST', body: { content: { note: 'Ada prefers night shifts', person: 'p001' }, tags: ['console', 'preferences'] } });
  await api(`/v1/pathway/traces/${first.uid}/revise`, { method: 'POST', body: { content: { note: 'Ada prefers night shifts in cold storage', person: 'p001' } } });
  // The journal page reads lakehouse_journal, which exists once the observer has flushed.
  await api('/v1/journal/flush', { method: 'POST' });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

function javaBinary() {
  if (process.env.LH_JAVA) return process.env.LH_JAVA;
  if (process.env.JAVA_HOME) return join(process.env.JAVA_HOME, 'bin', 'java');
  return 'java';
}

/**
 * A second gateway jar with a fleet token, on a free port, in front of the same services (the
 * upstream URLs default to the fleet's ports). Resolves once its /health answers.
 */
export async function startGuardedGateway(token) {
  const dir = join(ROOT, 'gateway', 'target');
  const jar = readdirSync(dir).find((f) => /^gateway-.*-exec\.jar$/.test(f));
  if (!jar) throw new Error('gateway/target has no gateway-*-exec.jar: build first (./lakehouse up does)');
  const port = await freePort();
  mkdirSync(TARGET, { recursive: true });
  const log = openSync(join(TARGET, 'guarded-gateway.log'), 'w');
  const child = spawn(javaBinary(), ['-Xmx128m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', join(dir, jar),
    `--lakehouse.gateway.bind=127.0.0.1:${port}`], {
    env: { ...process.env, AUTH_TOKEN: token },
    cwd: ROOT,
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the guarded gateway exited (${child.exitCode}); see target/guarded-gateway.log`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop: () => stopChild(child) };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopChild(child);
  throw new Error('the guarded gateway did not answer /health within 90s');
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) { resolve(); return; }
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10000).unref();
  });
}
