// Works offline after the first load: registers the service worker (public/sw.js, which caches the
// app and its scenarios; see scripts/precachePlugin.ts) in production builds. In development the
// worker would serve stale modules, so it is not registered there.

export interface RegisterOptions {
  /** Register even outside a production build (tests). Default: import.meta.env.PROD. */
  readonly production?: boolean;
  /** Where sw.js lives. Default: `${import.meta.env.BASE_URL}sw.js`. */
  readonly url?: string;
  readonly navigator?: Navigator;
  readonly log?: Pick<Console, 'error'>;
}

/**
 * Registers the service worker once the page has loaded. Never throws: a failure (private mode,
 * insecure origin, a missing sw.js) is reported to the console and the app works online as before.
 * Resolves to the registration, or null when none was made.
 */
export async function registerServiceWorker(
  options: RegisterOptions = {},
): Promise<ServiceWorkerRegistration | null> {
  const log = options.log ?? console;
  try {
    const production = options.production ?? import.meta.env.PROD;
    const nav = options.navigator ?? (typeof navigator === 'undefined' ? undefined : navigator);
    if (!production || !nav || !('serviceWorker' in nav) || !nav.serviceWorker) return null;
    const url = options.url ?? `${import.meta.env.BASE_URL}sw.js`;
    if (typeof document !== 'undefined' && document.readyState !== 'complete') {
      // Do not compete with the app's own first downloads.
      await new Promise<void>((resolve) =>
        window.addEventListener('load', () => resolve(), { once: true }),
      );
    }
    return await nav.serviceWorker.register(url);
  } catch (error) {
    log.error(
      'ColdBoot could not register its service worker (offline use is unavailable):',
      error,
    );
    return null;
  }
}
