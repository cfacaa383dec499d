// The fleet token: asked for once, kept in sessionStorage (this tab only, gone when it closes,
// never in a URL or a cookie), sent as a bearer header by api.js. A 401 brings the prompt back.
import { el, field } from './dom.js';

const KEY = 'lakehouse.token';
let pending = null;

export function token() {
  return sessionStorage.getItem(KEY) ?? '';
}

export function forget() {
  sessionStorage.removeItem(KEY);
  document.dispatchEvent(new CustomEvent('lakehouse:token'));
}

/**
 * Shows the token prompt and resolves once a token is entered; every caller that hits a 401
 * while it is open waits for the same answer.
 */
export function askForToken(reason) {
  if (pending) return pending;
  pending = new Promise((resolve) => {
    const input = el('input', { type: 'password', name: 'token', autocomplete: 'off', required: true, spellcheck: 'false' });
    const form = el('form', { class: 'token-form' },
      el('h2', { id: 'token-title' }, 'Fleet token'),
      el('p', {}, 'This Lakehouse needs a token. It stays in this browser tab only.'),
      reason ? el('p', { class: 'error-text', role: 'alert' }, reason) : null,
      field('Token', input),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Use token')));
    const dialog = el('dialog', { class: 'token-dialog', 'aria-labelledby': 'token-title' }, form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      sessionStorage.setItem(KEY, value);
      dialog.close();
      dialog.remove();
      pending = null;
      document.dispatchEvent(new CustomEvent('lakehouse:token'));
      resolve(value);
    });
    // Escape would leave every waiting call hanging: the prompt stays until a token is given.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
  return pending;
}
