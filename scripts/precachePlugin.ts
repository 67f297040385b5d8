// A Vite plugin for working offline (public/sw.js, the service worker, registered by
// src/app/offline.ts in production builds):
//
// - after a build, it lists every file of the output (the hashed JS and CSS, index.html, and what
//   public/ holds: favicon, manifest, scenarios, validation.json; not source maps, not sw.js) in
//   `precache-manifest.json`, which the service worker fetches on install and caches;
// - it stamps a version made from the contents of those files into the built sw.js
//   (`const BUILD = '…'`), so that a new build is a new service worker (browsers compare the worker
//   script byte for byte) with a new cache, and the old cache is deleted when it takes over;
// - it links the web app manifest and the theme colour from index.html (in dev too).

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { HtmlTagDescriptor, Plugin, ResolvedConfig } from 'vite';

export const PRECACHE_MANIFEST = 'precache-manifest.json';
export const SERVICE_WORKER = 'sw.js';
export const WEB_MANIFEST = 'manifest.webmanifest';
/** The header colour of the app (--panel in src/app/styles.css). */
export const THEME_COLOUR = '#111922';

export interface PrecacheManifest {
  /** A hash of the precached files' names and contents. */
  readonly version: string;
  /** URLs relative to the service worker's folder (the app's base): './', 'index.html', 'assets/…'. */
  readonly urls: readonly string[];
}

/** Files of the output that are not precached: source maps, the worker itself, this list. */
export function isPrecached(path: string): boolean {
  return (
    !path.endsWith('.map') &&
    path !== SERVICE_WORKER &&
    path !== PRECACHE_MANIFEST &&
    !path.split('/').some((part) => part.startsWith('.'))
  );
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The precache list of a built app in `outDir`. */
export function precacheManifest(outDir: string): PrecacheManifest {
  const files = listFiles(outDir).filter(isPrecached);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    hash.update(readFileSync(join(outDir, file)));
    hash.update('\0');
  }
  const urls = files.map((file) => encodeURI(file));
  // The app's start URL is its folder, which serves index.html.
  if (files.includes('index.html')) urls.unshift('./');
  return { version: hash.digest('hex').slice(0, 16), urls };
}

const BUILD_LINE = /const BUILD = '[^']*';/;

/** The service worker's text with the build version stamped in; throws if it has no BUILD line. */
export function stampServiceWorker(source: string, version: string): string {
  if (!BUILD_LINE.test(source)) {
    throw new Error(`${SERVICE_WORKER} has no "const BUILD = '…';" line to stamp the version in`);
  }
  return source.replace(BUILD_LINE, `const BUILD = '${version}';`);
}

export function precachePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'coldboot-precache',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml(): HtmlTagDescriptor[] {
      return [
        {
          tag: 'link',
          attrs: { rel: 'manifest', href: `${config.base}${WEB_MANIFEST}` },
          injectTo: 'head',
        },
        { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOUR }, injectTo: 'head' },
      ];
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        if (config.command !== 'build' || config.build.ssr) return;
        const outDir = resolve(config.root, config.build.outDir);
        const manifest = precacheManifest(outDir);
        writeFileSync(join(outDir, PRECACHE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
        const workerPath = join(outDir, SERVICE_WORKER);
        if (existsSync(workerPath)) {
          writeFileSync(
            workerPath,
            stampServiceWorker(readFileSync(workerPath, 'utf8'), manifest.version),
          );
        } else {
          config.logger.warn(`coldboot-precache: no ${SERVICE_WORKER} in ${outDir}`);
        }
        config.logger.info(
          `coldboot-precache: ${manifest.urls.length} URLs in ${PRECACHE_MANIFEST}, version ${manifest.version}`,
        );
      },
    },
  };
}
