// The one way the console builds DOM: elements from a tag, attributes and children, where every
// string child becomes a text node. Nothing here (or anywhere in the console) assigns innerHTML,
// so a value from the data can only ever show as the characters it holds.

/**
 * el('td', {class: 'num'}, 'text', otherNode)
 * Attributes: `class`, `dataset` (object), `on` (object of event listeners), `style` (object of
 * CSSOM properties, allowed by the CSP unlike a style attribute), properties such as `value`,
 * `checked`, `disabled`, `hidden`; anything else is set with setAttribute (aria-*, for, role...).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else if (key === 'style') for (const [prop, v] of Object.entries(value)) node.style.setProperty(prop, v);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key in PROPERTIES) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

const PROPERTIES = { value: 1, checked: 1, disabled: 1, hidden: 1, selected: 1, htmlFor: 1, tabIndex: 1 };

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of node with the given children. */
export function mount(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A labelled form control: <label for=id>text</label> + the control, wrapped in a div.field. */
export function field(label, control, hint) {
  if (!control.id) control.id = uid('f');
  return el('div', { class: 'field' },
    el('label', { for: control.id }, label), control, hint ? el('small', { class: 'hint' }, hint) : null);
}

let counter = 0;
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** <select> with [value, label] options (or plain strings). */
export function select(options, value, attrs = {}) {
  const node = el('select', attrs);
  for (const option of options) {
    const [v, label] = Array.isArray(option) ? option : [option, option];
    node.append(el('option', { value: v, selected: v === value }, label));
  }
  if (value !== undefined) node.value = value;
  return node;
}

/** A plain table of small result sets (the grid handles big ones). */
export function table(headers, rows, attrs = {}) {
  return el('div', { class: 'table-wrap' },
    el('table', attrs,
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => c instanceof Node && c.tagName === 'TD' ? c : el('td', {}, c)))))));
}

/** A status line that screen readers announce when it changes. */
export function status(text = '') {
  return el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, text);
}
