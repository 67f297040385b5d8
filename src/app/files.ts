// Files in and out of the browser: downloads (run log, Markdown, CSV) and chart images. Charts are
// exported as standalone SVG (the computed styles copied onto each element, so the file looks like
// the screen without the app's CSS) or as PNG (that SVG drawn on a canvas at twice the size).

/** Largest file the app reads from disk, bytes (a run log may be up to 4 MiB). */
export const MAX_OPEN_FILE_BYTES = 4 * 1024 * 1024;

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** Styles that decide how an SVG element looks, copied from the page onto the exported copy. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** One standalone SVG document of the given charts, stacked top to bottom on a dark background. */
export function chartsSvg(
  charts: readonly SVGSVGElement[],
  title: string,
): {
  text: string;
  width: number;
  height: number;
} {
  const sizes = charts.map((c) => ({
    width: c.width.baseVal.value || c.getBoundingClientRect().width,
    height: c.height.baseVal.value || c.getBoundingClientRect().height,
  }));
  const width = Math.ceil(Math.max(1, ...sizes.map((s) => s.width)));
  const height = Math.ceil(sizes.reduce((sum, s) => sum + s.height, 0));
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const titleEl = document.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  root.append(titleEl);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#0a0f15');
  root.append(background);
  let y = 0;
  charts.forEach((chart, i) => {
    const copy = chart.cloneNode(true) as SVGSVGElement;
    inlineStyles(chart, copy);
    copy.removeAttribute('class');
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    root.append(copy);
    y += sizes[i]!.height;
  });
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { text, width, height };
}

export function downloadChartsSvg(
  charts: readonly SVGSVGElement[],
  title: string,
  fileName: string,
): void {
  downloadText(chartsSvg(charts, title).text, fileName, 'image/svg+xml');
}

/** The charts as a PNG at twice their size on screen. */
export async function downloadChartsPng(
  charts: readonly SVGSVGElement[],
  title: string,
  fileName: string,
): Promise<void> {
  const { text, width, height } = chartsSvg(charts, title);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be turned into a PNG.');
    downloadBlob(blob, fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file's base name without its extension, safe in a download name. */
export function baseName(fileName: string): string {
  return (
    fileName
      .replace(/\.(ya?ml|json)$/i, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'coldboot'
  );
}
