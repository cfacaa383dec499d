// Ingest: drop a CSV on the page (or pick one), watch the upload, then see the inferred schema
// and the new version, or the error (POST /v1/ingest, multipart).
import { ingest } from '../lib/api.js';
import { el, field, mount, select, table } from '../lib/dom.js';
import { bytes, count } from '../lib/format.js';
import { problemView } from '../lib/problem.js';

/** A dataset name from a file name: lower case, [a-z0-9_], not starting with a digit. */
export function nameFrom(fileName) {
  let name = fileName.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[a-z_]/.test(name)) name = `_${name}`;
  return name.slice(0, 63) || 'dataset';
}

export async function render(root) {
  const name = el('input', { type: 'text', name: 'name', pattern: '[a-z_][a-z0-9_]{0,62}', placeholder: 'from the file name', autocomplete: 'off', spellcheck: 'false' });
  const mode = select([['replace', 'Replace (new version)'], ['append', 'Append (add rows)']], 'replace', { name: 'mode' });
  const picker = el('input', { type: 'file', accept: '.csv,text/csv', name: 'file', id: 'ingest-file', class: 'visually-hidden' });
  const pickLabel = el('label', { for: 'ingest-file', class: 'button' }, 'Choose a CSV file');
  const zone = el('div', { class: 'dropzone', id: 'dropzone', 'aria-describedby': 'drop-help' },
    el('p', { id: 'drop-help' }, 'Drop a CSV file here, or'), pickLabel, picker);
  const progress = el('progress', { max: '100', value: '0', 'aria-label': 'Upload progress' });
  const progressText = el('span', { class: 'small muted', 'aria-live': 'polite' });
  const progressRow = el('div', { class: 'progress', hidden: true }, progress, progressText);
  const result = el('div', { class: 'ingest-result' });

  mount(root, el('h1', { id: 'page-title' }, 'Ingest'),
    el('p', { class: 'muted' }, 'A CSV with a header row becomes a versioned Parquet dataset; types are inferred from the values.'),
    el('div', { class: 'controls' }, field('Dataset name', name, 'lower case letters, digits and _'), field('Mode', mode)),
    zone, progressRow, result);

  let busy = false;
  async function upload(file) {
    if (busy || !file) return;
    busy = true;
    const target = name.value.trim() || nameFrom(file.name);
    name.value = target;
    progressRow.hidden = false;
    progress.value = 0;
    progressText.textContent = `Uploading ${file.name} (${bytes(file.size)}) as ${target}…`;
    mount(result);
    try {
      const answer = await ingest(file, target, mode.value, (sent, total) => {
        progress.value = total ? Math.round((sent / total) * 100) : 0;
        progressText.textContent = `${bytes(sent)} of ${bytes(total)} sent`;
        if (sent >= total) progressText.textContent = `${bytes(total)} sent; converting to Parquet…`;
      });
      progress.value = 100;
      progressText.textContent = `Done: ${file.name}`;
      mount(result,
        el('div', { class: 'success', role: 'status' },
          el('p', {}, answer.existing ? `Already ingested: ${answer.name} stays at ` : `${answer.name} is now at `,
            el('strong', {}, `version ${answer.version}`), `, ${count(answer.row_count)} rows, ${bytes(answer.bytes)} of Parquet.`),
          el('p', {}, el('a', { href: `#/datasets/${encodeURIComponent(answer.name)}` }, `Open ${answer.name}`))),
        el('h2', {}, 'Inferred schema'),
        table(['Column', 'Type', 'Nullable'], answer.schema.map((c) => [c.name, c.type, c.nullable ? 'yes' : 'no']), { 'aria-label': 'Inferred schema' }));
    } catch (e) {
      progressText.textContent = `Failed: ${file.name}`;
      mount(result, problemView(e));
    } finally {
      busy = false;
    }
  }

  // The whole page takes the drop (the zone shows where), so a near miss does not make the
  // browser open the file instead.
  root.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  root.addEventListener('dragenter', (e) => { e.preventDefault(); zone.classList.add('over'); });
  root.addEventListener('dragleave', (e) => { if (e.target === root || e.target === zone) zone.classList.remove('over'); });
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    upload(e.dataTransfer?.files?.[0]);
  });
  picker.addEventListener('change', () => { upload(picker.files[0]); picker.value = ''; });
}
