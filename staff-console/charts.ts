/**
 * Small charts as inline SVG, drawn here (no library, nothing loaded): stacked bars over
 * days and horizontal bars. Colours are SVG attributes (the Content-Security-Policy forbids
 * inline styles); each chart has a title for screen readers and its numbers in a table.
 */
import { html, type Html } from '../adapters/http/html.js';

export interface Series {
  name: string;
  color: string;
  values: number[];
}

/** Sized so the labels stay legible on a phone (about 0.7× there) and on a desktop (the chart's width is capped). */
const W = 480;
const H = 240;
const PAD = { left: 40, right: 6, top: 10, bottom: 26 };

/** A round top for the axis: 1, 2, 5 × 10ⁿ at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((m) => m * power).find((top) => top >= max) ?? 10 * power);
}

/** A colour swatch for legends (an SVG square: no inline style needed). */
export function swatch(color: string): Html {
  return html`<svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${color}"/></svg>`;
}

/**
 * Bars per category (day), each stacked from `series`; `max` fixes the axis (e.g. 1 for a
 * rate), `format` labels the axis.
 */
export function stackedBars(options: { title: string; categories: string[]; series: Series[]; max?: number; format?: (n: number) => string }): Html {
  const { categories, series } = options;
  const format = options.format ?? ((n: number) => String(n));
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const top = options.max ?? niceMax(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, step * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const labelEvery = Math.ceil(categories.length / 7);
  const bars = categories.map((category, i) => {
    let base = 0;
    const x = PAD.left + i * step + (step - barW) / 2;
    const parts = series.map((s) => {
      const value = s.values[i] ?? 0;
      if (value <= 0) return '';
      const rect = html`<rect x="${x.toFixed(1)}" y="${y(base + value).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + value)).toFixed(1)}" fill="${s.color}"><title>${category} ${s.name}:${format(value)}</title></rect>`;
      base += value;
      return rect;
    });
    const label = i % labelEvery === 0 ? html`<text x="${(x + barW / 2).toFixed(1)}" y="${H - 6}" text-anchor="middle" class="tick">${category.slice(5)}</text>` : '';
    return html`${parts}${label}`;
  });
  const grid = ticks.map(
    (t) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#d5dbe1"/><text x="${PAD.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" class="tick">${format(t)}</text>`,
  );
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${options.title}" preserveAspectRatio="xMidYMid meet"><title>${options.title}</title>${grid}${bars}</svg>`;
}

/** One bar per item, longest first: the label above its bar (long titles wrap as text), the count beside. */
export function horizontalBars(options: { title: string; items: Array<{ label: string; value: number }>; color: string }): Html {
  const items = [...options.items].sort((a, b) => b.value - a.value);
  const top = niceMax(Math.max(0, ...items.map((i) => i.value)));
  const rows = items.map((item) => {
    const width = Math.max(0.5, (item.value / top) * 100);
    return html`<li><span class="label">${item.label}</span><span class="bar"><svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true"><rect width="${width.toFixed(2)}" height="4" fill="${options.color}"/></svg><span class="value">${item.value}</span></span></li>`;
  });
  return html`<ol class="hbars" aria-label="${options.title}">${rows}</ol>`;
}
