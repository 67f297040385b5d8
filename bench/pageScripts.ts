// Scripts run inside the page, as plain JavaScript text. They are strings on purpose: tsx compiles
// this folder with esbuild's keepNames, which wraps named functions in a `__name` helper that does not
// exist in the page, so functions handed to page.evaluate or addInitScript would fail there.

/**
 * First render: records (performance.now(), ms since navigation start) when the first scenario card
 * of the library enters the DOM, and when the frame after it has been rendered (a requestAnimation-
 * Frame callback, then a message task that runs after that frame's paint).
 */
export const FIRST_RENDER_INIT = `(() => {
  const record = { cardInDomMs: null, cardPaintedMs: null };
  window.__coldbootFirstRender = record;
  const found = () => {
    if (record.cardInDomMs !== null) return true;
    if (!document.querySelector('[data-testid="scenario-card"]')) return false;
    record.cardInDomMs = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { record.cardPaintedMs = performance.now(); };
      channel.port2.postMessage(null);
    });
    return true;
  };
  const observer = new MutationObserver(() => { if (found()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** What FIRST_RENDER_INIT measured, with paint timing and the scripts fetched before the cards. */
export const FIRST_RENDER_RESULT = `(() => {
  const record = window.__coldbootFirstRender;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  const scripts = performance.getEntriesByType('resource')
    .filter((e) => e.startTime <= record.cardInDomMs && /\\.js(\\?|$)/.test(e.name))
    .map((e) => ({
      url: e.name,
      transferSize: e.transferSize,
      encodedBodySize: e.encodedBodySize,
      decodedBodySize: e.decodedBodySize,
    }));
  return {
    cardInDomMs: record.cardInDomMs,
    cardPaintedMs: record.cardPaintedMs,
    fcpMs: fcp ? fcp.startTime : null,
    domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
    scripts,
    controlled: Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
  };
})()`;

/**
 * Frame-rate probe, installed before the app's scripts: counts the simulation worker's messages
 * (wrapping the Worker constructor; the app names that worker "coldboot-simulation"), observes long
 * tasks, and records requestAnimationFrame timestamps between start() and stop().
 */
export const FRAME_PROBE_INIT = `(() => {
  const probe = {
    recording: false,
    frames: [],
    ticks: [],
    longTasks: [],
    workers: 0,
    startMs: 0,
    stopMs: 0,
  };
  window.__coldbootProbe = probe;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      if (options && options.name === 'coldboot-simulation') {
        probe.workers++;
        this.addEventListener('message', (event) => {
          if (!probe.recording) return;
          const data = event.data;
          probe.ticks.push({
            atMs: performance.now(),
            type: data && data.type,
            tS: data && data.snapshot ? data.snapshot.tS : null,
            samples: data && data.samples ? data.samples.length : 0,
          });
        });
      }
    }
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    probe.longTaskError = String(error);
  }
  // One requestAnimationFrame loop per start(); a loop left from an earlier start() ends itself.
  let generation = 0;
  const loop = (own) => {
    const onFrame = (timestamp) => {
      if (!probe.recording || own !== generation) return;
      probe.frames.push(timestamp);
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  };
  probe.start = () => {
    probe.frames = [];
    probe.ticks = [];
    probe.recording = true;
    probe.startMs = performance.now();
    loop(++generation);
  };
  probe.stop = () => {
    probe.recording = false;
    probe.stopMs = performance.now();
    return {
      startMs: probe.startMs,
      stopMs: probe.stopMs,
      frames: probe.frames,
      ticks: probe.ticks,
      longTasks: probe.longTasks.filter(
        (t) => t.startMs + t.durationMs >= probe.startMs && t.startMs <= probe.stopMs,
      ),
      workers: probe.workers,
      longTaskError: probe.longTaskError || null,
    };
  };
})();`;

/** What is on the run screen: points of the core temperature trend line and the time axis labels. */
export const TREND_ON_SCREEN = `(() => {
  const line = document.querySelector('path.trend-line[data-series="coreTempC"]');
  const d = line ? line.getAttribute('d') || '' : '';
  const points = (d.match(/[ML]/g) || []).length;
  const chart = document.querySelector('[data-testid="trend-chart"]');
  const ticks = chart ? [...chart.querySelectorAll('.axis-x g > text')].map((t) => t.textContent) : [];
  return { points, firstTick: ticks[0] || null, lastTick: ticks[ticks.length - 1] || null };
})()`;
