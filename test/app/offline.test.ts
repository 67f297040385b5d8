// Working offline, the parts that run in Node: the build's precache list and version stamp
// (scripts/precachePlugin.ts), and registering the service worker (src/app/offline.ts) with a fake
// navigator. The service worker itself runs in Chromium: test/e2e/offline.e2e.test.ts.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isPrecached,
  listFiles,
  precacheManifest,
  stampServiceWorker,
} from '../../scripts/precachePlugin.ts';
import { registerServiceWorker } from '../../src/app/offline.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('precache list', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function build(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'coldboot-precache-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  it('lists every built file but source maps, the worker and the list itself', () => {
    const out = build({
      'index.html': '<html>',
      'assets/index-abc.js': 'js',
      'assets/index-abc.js.map': '{}',
      'assets/index-def.css': 'css',
      'scenarios/index.json': '[]',
      'scenarios/a b.yaml': 'x',
      'sw.js': 'worker',
      'precache-manifest.json': '{}',
      '.hidden/file': 'x',
    });
    expect(listFiles(out)).toContain('assets/index-abc.js.map');
    expect(precacheManifest(out).urls).toEqual([
      './',
      'assets/index-abc.js',
      'assets/index-def.css',
      'index.html',
      'scenarios/a%20b.yaml',
      'scenarios/index.json',
    ]);
    expect(isPrecached('validation.json')).toBe(true);
    expect(isPrecached('sw.js')).toBe(false);
  });

  it('has a version that changes with any file and not otherwise', () => {
    const out = build({ 'index.html': 'a', 'assets/x.js': '1' });
    const first = precacheManifest(out).version;
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheManifest(out).version).toBe(first);
    writeFileSync(join(out, 'assets/x.js'), '2');
    expect(precacheManifest(out).version).not.toBe(first);
    // Not the worker: stamping it must not change the version.
    writeFileSync(join(out, 'sw.js'), 'anything');
    writeFileSync(join(out, 'assets/x.js'), '1');
    expect(precacheManifest(out).version).toBe(first);
  });

  it('stamps the version into public/sw.js', () => {
    const source = readFileSync(`${ROOT}public/sw.js`, 'utf8');
    const stamped = stampServiceWorker(source, '0123456789abcdef');
    expect(stamped).toContain("const BUILD = '0123456789abcdef';");
    expect(stamped.replace("'0123456789abcdef'", "'development'")).toBe(source);
    expect(() => stampServiceWorker('no version here', 'x')).toThrow(/const BUILD/);
  });

  it('is linked from the web app manifest with the app name and icon', () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}public/manifest.webmanifest`, 'utf8')) as {
      name: string;
      start_url: string;
      icons: { src: string }[];
    };
    expect(manifest.name).toBe('ColdBoot');
    expect(manifest.start_url).toBe('./');
    for (const icon of manifest.icons) {
      expect(readFileSync(`${ROOT}public/${icon.src}`, 'utf8')).toMatch(/<svg/);
    }
  });
});

describe('registerServiceWorker', () => {
  const silent = { error: vi.fn() };
  afterEach(() => silent.error.mockReset());

  function fakeNavigator(register: (url: string) => Promise<unknown>): Navigator {
    return { serviceWorker: { register } } as unknown as Navigator;
  }

  it('does nothing outside a production build', async () => {
    const register = vi.fn(async () => ({}));
    const result = await registerServiceWorker({
      production: false,
      navigator: fakeNavigator(register),
    });
    expect(result).toBeNull();
    expect(register).not.toHaveBeenCalled();
  });

  it('does nothing without service workers', async () => {
    const result = await registerServiceWorker({
      production: true,
      navigator: {} as Navigator,
      log: silent,
    });
    expect(result).toBeNull();
    expect(silent.error).not.toHaveBeenCalled();
  });

  it('registers sw.js under the base URL', async () => {
    const registration = { scope: '/' };
    const register = vi.fn(async () => registration);
    const result = await registerServiceWorker({
      production: true,
      navigator: fakeNavigator(register),
    });
    expect(result).toBe(registration);
    expect(register).toHaveBeenCalledWith('/sw.js');
  });

  it('reports a failure to the console and does not throw', async () => {
    const result = await registerServiceWorker({
      production: true,
      navigator: fakeNavigator(async () => {
        throw new Error('SecurityError');
      }),
      log: silent,
    });
    expect(result).toBeNull();
    expect(silent.error).toHaveBeenCalledTimes(1);
    expect(String(silent.error.mock.calls[0]![1])).toMatch(/SecurityError/);
  });
});
