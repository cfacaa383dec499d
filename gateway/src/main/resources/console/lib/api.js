// The /v1 API as the console calls it: the same routes a curl user has (docs/SPEC.md), with the
// fleet token when one is kept. A 401 asks for the token and tries once more; other failures
// become an ApiError carrying the problem+json body.
import { askForToken, token } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? { status, title: `HTTP ${status}` };
  }
}

function headers(extra = {}) {
  const h = { Accept: 'application/json', ...extra };
  const t = token();
  if (t) h.Authorization = `Bearer ${t}`;
  return h;
}

async function problemOf(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 2000) };
  }
}

/** fetch + auth retry; returns the Response when it is 2xx/304, else throws ApiError. */
export async function call(path, init = {}) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(path, { ...init, headers: headers(init.headers), credentials: 'omit', cache: 'no-store' });
    if (response.status === 401 && attempt < 5) {
      const problem = await problemOf(response);
      await askForToken(token() ? `The token was refused: ${problem.detail ?? 'invalid bearer token'}` : null);
      continue;
    }
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    return response;
  }
}

export async function getJson(path) {
  return (await call(path)).json();
}

export async function postJson(path, body) {
  const response = await call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export function sql(statement, maxRows = 10000) {
  return postJson('/v1/sql', { sql: statement, max_rows: maxRows });
}

/**
 * POST /v1/ingest as multipart with upload progress (fetch cannot report it, XMLHttpRequest can).
 * onProgress gets (sentBytes, totalBytes).
 */
export function ingest(file, name, mode, onProgress) {
  const url = `/v1/ingest?name=${encodeURIComponent(name)}&mode=${encodeURIComponent(mode)}`;
  const send = () => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const t = token();
    if (t) xhr.setRequestHeader('Authorization', `Bearer ${t}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = { detail: xhr.responseText }; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { title: 'Network error', detail: 'the upload did not reach the gateway' })));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return (async () => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await send();
      } catch (e) {
        if (e.status !== 401 || attempt >= 5) throw e;
        await askForToken(token() ? `The token was refused: ${e.problem?.detail ?? ''}` : null);
      }
    }
  })();
}
