import { ThemeProvider } from '@mui/material/styles';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { theme } from '../../app/theme';
import { TRIANGLE_CHART, TriangleRadar, type TriangleSeries } from './TriangleRadar';

/**
 * Charts as PNG bytes for documents: the DOCX builders take pictures as data, and the chart the
 * screen draws is SVG. The SVG is copied with the styles the page computed for it written into
 * each element (an SVG drawn as an image sees none of the page's CSS, so text would lose its font
 * and fills their colours), drawn on a canvas at twice its size for print, and the legend — which
 * @mui/x-charts renders in HTML beside the SVG — drawn under it.
 */

export interface LegendItem {
  label: string;
  color: string;
}

/** Presentation properties that matter for how an SVG chart looks. */
const INLINE = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'visibility', 'display', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'alignment-baseline'] as const;

const FALLBACK_FONTS = '"Segoe UI", "Noto Sans", Arial, sans-serif';

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = INLINE.map((property) => {
    let value = computed.getPropertyValue(property);
    if (property === 'font-family' && value) value = `${value}, ${FALLBACK_FONTS}`;
    return value ? `${property}:${value}` : '';
  })
    .filter(Boolean)
    .join(';');
  target.setAttribute('style', style);
  const sources = source.children;
  const targets = target.children;
  for (let index = 0; index < sources.length; index++) inlineStyles(sources[index]!, targets[index]!);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('chart image did not load'));
    image.src = url;
  });
}

const LEGEND = { rowPx: 28, box: 14, gap: 8, spacing: 28, font: `14px ${FALLBACK_FONTS}` } as const;

/**
 * The SVG chart as PNG bytes, at `scale` times its size on screen, on white, with the legend items
 * (if any) centred under it.
 */
export async function chartPng(svg: SVGSVGElement, options: { legend?: LegendItem[]; scale?: number } = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  const box = svg.getBoundingClientRect();
  const shown = { width: box.width || Number(svg.getAttribute('width')) || TRIANGLE_CHART.width, height: box.height || Number(svg.getAttribute('height')) || TRIANGLE_CHART.height };
  // The picture is what is drawn, edge to edge: labels that run past the chart's edge on screen (and
  // are clipped there) are taken in whole, empty margins left out.
  const content = svg.getBBox();
  const drawn = content.width > 0 && content.height > 0;
  const left = drawn ? Math.floor(content.x - 8) : 0;
  const top = drawn ? Math.floor(content.y - 8) : 0;
  const width = drawn ? Math.ceil(content.width + 16) : Math.ceil(shown.width);
  const height = drawn ? Math.ceil(content.height + 16) : Math.ceil(shown.height);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('viewBox', `${left} ${top} ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const markup = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const legend = options.legend ?? [];
    const legendHeight = legend.length ? LEGEND.rowPx + 8 : 0;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = (height + legendHeight) * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.scale(scale, scale);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height + legendHeight);
    context.drawImage(image, 0, 0, width, height);
    if (legend.length) {
      context.font = LEGEND.font;
      context.textBaseline = 'middle';
      const itemWidths = legend.map((item) => LEGEND.box + LEGEND.gap + context.measureText(item.label).width);
      let x = (width - (itemWidths.reduce((a, b) => a + b, 0) + LEGEND.spacing * (legend.length - 1))) / 2;
      const y = height + legendHeight / 2;
      legend.forEach((item, index) => {
        context.fillStyle = item.color;
        context.fillRect(x, y - LEGEND.box / 2, LEGEND.box, LEGEND.box);
        context.fillStyle = '#000000';
        context.fillText(item.label, x + LEGEND.box + LEGEND.gap, y);
        x += itemWidths[index]! + LEGEND.spacing;
      });
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('canvas gave no PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * A child's triangle drawn offscreen with the case card's own chart (`TriangleRadar`), labelled in
 * the document's language, as PNG bytes; null when it could not be drawn (the summary then prints
 * without the picture rather than not at all).
 */
export async function trianglePng(labels: string[], series: TriangleSeries[]): Promise<Uint8Array | null> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, { position: 'fixed', left: '-10000px', top: '0', width: `${TRIANGLE_CHART.paper.width}px`, height: `${TRIANGLE_CHART.paper.height}px`, pointerEvents: 'none' });
  document.body.appendChild(host);
  const root = createRoot(host);
  try {
    root.render(createElement(ThemeProvider, { theme }, createElement(TriangleRadar, { labels, series, paper: true, hideLegend: true })));
    // The chart lays itself out over a few frames: wait until its labels and areas are drawn.
    let svg: SVGSVGElement | null = null;
    for (let frame = 0; frame < 60; frame++) {
      await nextFrame();
      svg = host.querySelector('svg');
      if (svg && svg.querySelectorAll('text').length >= labels.length && svg.querySelectorAll('path').length >= series.length) break;
    }
    if (!svg) return null;
    await document.fonts?.ready;
    return await chartPng(svg, { legend: series.map((s) => ({ label: s.label, color: TRIANGLE_CHART.colors[s.which] })) });
  } catch {
    return null;
  } finally {
    root.unmount();
    host.remove();
  }
}
