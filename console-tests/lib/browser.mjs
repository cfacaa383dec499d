// Debian's Chromium driven by playwright-core: a fresh profile per run, every console error and
// uncaught exception collected, screenshots under console-tests/target/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const TARGET = join(dirname(fileURLToPath(import.meta.url)), '..', 'target');
export const GATEWAY = process.env.LH_GATEWAY ?? 'http://127.0.0.1:3110';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** A browser context on a fresh user-data-dir; close() removes it. */
export async function launch({ width = 1280, height = 800 } = {}) {
  mkdirSync(TARGET, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lh-console-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.LH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width, height },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A page that records what would show as an error in DevTools: console.error (CSP violations
 * included), uncaught exceptions, failed requests, and any alert/confirm dialog (which only
 * injected script could raise).
 */
export async function page(context) {
  const p = context.pages()[0] && context.pages()[0].url() === 'about:blank' ? context.pages()[0] : await context.newPage();
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // net::ERR_ABORTED is the browser dropping a request because the page navigated or reloaded
  // (a test's own reload races the page's fetches); it never reached the server, so no fault.
  p.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (!/favicon/.test(r.url()) && why !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${r.url()} ${why}`);
  });
  p.on('dialog', (d) => { errors.push(`dialog: ${d.type()} ${d.message()}`); d.dismiss().catch(() => {}); });
  p.errors = errors;
  return p;
}

export async function shot(p, name, options = {}) {
  const path = join(TARGET, `${name}.png`);
  await p.screenshot({ path, ...options });
  return path;
}

/**
 * The README's screenshots (docs/images/console-<name>.png, the 1280x800 view), written only
 * when LH_CONSOLE_README_SHOTS=1 so a test run leaves the checkout as it found it.
 */
export async function readmeShot(p, name) {
  if (process.env.LH_CONSOLE_README_SHOTS !== '1') return;
  const images = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'images');
  mkdirSync(images, { recursive: true });
  await p.screenshot({ path: join(images, `console-${name}.png`) });
}
