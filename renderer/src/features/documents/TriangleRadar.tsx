import { RadarChart } from '@mui/x-charts/RadarChart';

/**
 * A child's assessment triangle as a radar on the 1–4 scale: the one chart configuration the case
 * card shows and the assessment summary prints (chartPng.ts draws it offscreen in the document's
 * language), so what the team sees on screen is what goes on paper. Colours are fixed, not taken
 * from the palette, so the printed legend can name them and a black-and-white printer tells the
 * first assessment (grey) from the current one (dark blue).
 */

export const TRIANGLE_CHART = {
  width: 680,
  height: 460,
  margin: { left: 110, right: 110, top: 40, bottom: 40 },
  /** On paper the radar is drawn larger, so the labels at its foot stand apart (chartPng takes in labels past the edge). */
  paper: { width: 760, height: 600, margin: { left: 150, right: 150, top: 50, bottom: 50 } },
  colors: { first: '#9e9e9e', current: '#1f4e9c' },
} as const;

/**
 * A long domain name on two lines, split at the space nearest its middle: nineteen labels round a
 * 680-pixel chart do not fit on one line each ("Oʻziga oʻzi xizmat qilish koʻnikmalari").
 */
export function wrapLabel(label: string, max = 12): string {
  if (label.length <= max || !label.includes(' ')) return label;
  const middle = label.length / 2;
  let best = -1;
  for (let index = label.indexOf(' '); index !== -1; index = label.indexOf(' ', index + 1)) if (best === -1 || Math.abs(index - middle) < Math.abs(best - middle)) best = index;
  return `${label.slice(0, best)}\n${label.slice(best + 1)}`;
}

export interface TriangleSeries {
  label: string;
  data: number[];
  /** The first assessment drawn under the current one, or the current one. */
  which: 'first' | 'current';
}

export function TriangleRadar({ labels, series, paper = false, hideLegend = false }: { labels: string[]; series: TriangleSeries[]; paper?: boolean; hideLegend?: boolean }) {
  return (
    <RadarChart
      height={paper ? TRIANGLE_CHART.paper.height : TRIANGLE_CHART.height}
      {...(paper ? { width: TRIANGLE_CHART.paper.width } : {})}
      margin={paper ? TRIANGLE_CHART.paper.margin : TRIANGLE_CHART.margin}
      skipAnimation
      hideLegend={hideLegend}
      radar={{ max: 4, metrics: labels.map((name) => ({ name: wrapLabel(name), min: 0, max: 4 })) }}
      series={series.map((s) => ({ label: s.label, data: s.data, fillArea: true, color: TRIANGLE_CHART.colors[s.which] }))}
    />
  );
}
