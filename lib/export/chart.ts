import { headline } from '../compare/headline';
import type { Comparison } from '../compare/types';
import { type Lang, translator } from '../i18n';
import type { Precision } from '../platforms/types';
import { localName, platformLabel } from './common';

/**
 * The bar chart exported as PNG. The layout is pure (`chartModel`), the drawing uses nothing but
 * plain 2D-context calls (`drawChart`), so the popup can draw on a canvas or an OffscreenCanvas and
 * encode with `toBlob`/`convertToBlob`: no image library is shipped.
 */

export interface ChartBar {
  entity: string;
  label: string;
  value: number;
  valueLabel: string;
  /** The account on screen. */
  highlighted: boolean;
  /** Not an exact figure (rounded, or a lower bound): drawn lighter, marked in the value label. */
  rounded: boolean;
  precision: Precision;
}

export interface ChartModel {
  title: string;
  /** Dates of the figures (and how many members have none). */
  subtitle: string;
  bars: ChartBar[];
  /** Sources and method, one line of text… */
  sourcesLine: string;
  /** …and the same wrapped to the chart's width (wrapping is deterministic, not measured). */
  sourcesLines: string[];
  /** Explains ≈ and >; null when every bar is exact. */
  legend: string | null;
  /** Whether bars show figures per 1,000 inhabitants (asked for, and the comparison has populations). */
  perInhabitant: boolean;
  /** CSS pixels; the canvas is `width × scale` by `height × scale`. */
  width: number;
  height: number;
}

export const CHART_LAYOUT = {
  width: 800,
  padding: 24,
  titleHeight: 28,
  subtitleHeight: 22,
  gap: 16,
  barHeight: 20,
  barGap: 8,
  labelWidth: 190,
  valueWidth: 110,
  smallLineHeight: 16,
  /** Characters per wrapped sources line: 12 px sans-serif averages under 7 px a character. */
  wrapAt: 105,
} as const;

export const CHART_COLOURS = {
  background: '#ffffff',
  text: '#1a1a1a',
  muted: '#5c5c5c',
  bar: '#8a94a6',
  barRounded: '#c5cad3',
  highlighted: '#1d3f8f',
  highlightedRounded: '#8fa1cc',
} as const;

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const MARKS: Record<Precision, string> = { exact: '', rounded: '≈ ', 'lower-bound': '> ' };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Splits at spaces so that no line exceeds `max` characters (a longer word stands alone). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > max) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export function chartModel(
  comparison: Comparison,
  lang: Lang,
  options: {
    perInhabitant?: boolean;
    /** The dataset's sources, to name them in the sources line (ids are shown otherwise). */
    sources?: Readonly<Record<string, { title: string; date?: string }>>;
  } = {},
): ChartModel {
  const t = translator(lang);
  const perInhabitant = Boolean(options.perInhabitant && comparison.perInhabitant);
  const integer = new Intl.NumberFormat(LOCALES[lang]);
  const decimal = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });

  const members = comparison.cohort.filter((m) =>
    perInhabitant ? m.perThousand !== null && m.value !== null : m.value !== null,
  );
  // The cohort is already sorted by value; per inhabitant needs its own order (stable for ties).
  if (perInhabitant) members.sort((a, b) => (b.perThousand ?? 0) - (a.perThousand ?? 0));
  const bars = members.map((m): ChartBar => {
    const precision = m.precision ?? 'exact';
    const value = (perInhabitant ? m.perThousand : m.value) ?? 0;
    return {
      entity: m.entity,
      label: localName(m.shortName ?? m.name, lang),
      value,
      valueLabel: MARKS[precision] + (perInhabitant ? decimal.format(value) : integer.format(value)),
      highlighted: m.self,
      rounded: precision !== 'exact',
      precision,
    };
  });

  const title = t(perInhabitant ? 'export.chart.titlePerThousand' : 'export.chart.title', {
    metric: capitalise(t(`export.metric.${comparison.metric}`)),
    platform: platformLabel(comparison.platform),
    groups: t(`groups.${comparison.group}`),
    cohort: t(`export.cohort.${comparison.cohortRule}`),
  });
  const dates = comparison.dates;
  const datesText = !dates
    ? t(bars.length ? 'export.chart.noDates' : 'export.chart.empty')
    : dates.oldest === dates.newest
      ? t('export.chart.datesOne', { date: dates.oldest })
      : t('export.chart.datesRange', { oldest: dates.oldest, newest: dates.newest });
  const missing = headline(comparison, lang).missing;
  const subtitle = [datesText, missing].filter(Boolean).join(' · ');

  // Sources of the figures drawn (and of the populations, per inhabitant), in bar order.
  const sourceIds: string[] = [];
  for (const m of members) {
    if (m.source && !sourceIds.includes(m.source)) sourceIds.push(m.source);
    if (perInhabitant && m.population && !sourceIds.includes(m.population.source)) sourceIds.push(m.population.source);
  }
  // Figures read in the browser have no dataset source: say where and when they were read.
  const readings = members
    .filter((m) => (m.origin === 'page' || m.origin === 'observed' || m.origin === 'refreshed') && m.date)
    .map(
      (m) =>
        `${localName(m.shortName ?? m.name, lang)}, ${t(`export.origin.${m.origin as 'page' | 'observed' | 'refreshed'}`)} (${m.date})`,
    );
  const titles = [
    ...readings,
    ...sourceIds.map((id) => {
      const s = options.sources?.[id];
      return s ? `${s.title}${s.date ? ` (${s.date})` : ''}` : id;
    }),
  ];
  const colon = lang === 'fr' ? ' : ' : ': ';
  const method = t('export.methodLine', {
    method: comparison.methodVersion,
    edition: comparison.datasetEdition.id,
    editionDate: comparison.datasetEdition.date,
    now: comparison.now.slice(0, 10),
  });
  const sourcesLine = `${t('export.sources')}${colon}${titles.length ? titles.join(lang === 'fr' ? ' ; ' : '; ') : t('export.noSource')}. ${method}`;
  const sourcesLines = wrapText(sourcesLine, CHART_LAYOUT.wrapAt);
  const legend = bars.some((b) => b.rounded) ? t('export.chart.legendRounded') : null;

  const L = CHART_LAYOUT;
  const height =
    L.padding +
    L.titleHeight +
    L.subtitleHeight +
    L.gap +
    Math.max(bars.length, 1) * (L.barHeight + L.barGap) +
    L.gap +
    (legend ? L.smallLineHeight : 0) +
    sourcesLines.length * L.smallLineHeight +
    L.padding;
  return {
    title,
    subtitle,
    bars,
    sourcesLine,
    sourcesLines,
    legend,
    perInhabitant,
    width: L.width,
    height,
  };
}

/** The part of CanvasRenderingContext2D (and of OffscreenCanvasRenderingContext2D) drawChart uses. */
export interface ChartContext {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  save(): void;
  restore(): void;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Cuts a label with an ellipsis until it fits `max` pixels. */
function fitText(ctx: ChartContext, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > max) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Draws the model. Size the canvas to `model.width × scale` by `model.height × scale` first; the
 * drawing is in CSS pixels, scaled so that the PNG stays sharp on high-density screens and slides.
 */
export function drawChart(ctx: ChartContext, model: ChartModel, scale = 2): void {
  const L = CHART_LAYOUT;
  ctx.save();
  ctx.scale(scale, scale);
  ctx.fillStyle = CHART_COLOURS.background;
  ctx.fillRect(0, 0, model.width, model.height);
  ctx.textBaseline = 'middle';

  let y = L.padding;
  ctx.fillStyle = CHART_COLOURS.text;
  ctx.font = `bold 18px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText(fitText(ctx, model.title, model.width - 2 * L.padding), L.padding, y + L.titleHeight / 2);
  y += L.titleHeight;
  ctx.fillStyle = CHART_COLOURS.muted;
  ctx.font = `13px ${FONT}`;
  ctx.fillText(fitText(ctx, model.subtitle, model.width - 2 * L.padding), L.padding, y + L.subtitleHeight / 2);
  y += L.subtitleHeight + L.gap;

  const barX = L.padding + L.labelWidth + 8;
  const barSpace = model.width - barX - L.valueWidth - L.padding;
  const max = Math.max(0, ...model.bars.map((b) => b.value));
  for (const bar of model.bars) {
    const mid = y + L.barHeight / 2;
    ctx.font = `${bar.highlighted ? 'bold ' : ''}13px ${FONT}`;
    ctx.fillStyle = CHART_COLOURS.text;
    ctx.textAlign = 'right';
    ctx.fillText(fitText(ctx, bar.label, L.labelWidth), L.padding + L.labelWidth, mid);
    // A non-zero value always gets a visible sliver, so small accounts are not read as missing.
    const width = max > 0 ? Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * barSpace) : 0;
    ctx.fillStyle = bar.highlighted
      ? bar.rounded
        ? CHART_COLOURS.highlightedRounded
        : CHART_COLOURS.highlighted
      : bar.rounded
        ? CHART_COLOURS.barRounded
        : CHART_COLOURS.bar;
    ctx.fillRect(barX, y, width, L.barHeight);
    ctx.fillStyle = CHART_COLOURS.text;
    ctx.textAlign = 'left';
    ctx.fillText(bar.valueLabel, barX + width + 6, mid);
    y += L.barHeight + L.barGap;
  }
  if (model.bars.length === 0) y += L.barHeight + L.barGap;
  y += L.gap;

  ctx.font = `12px ${FONT}`;
  ctx.fillStyle = CHART_COLOURS.muted;
  ctx.textAlign = 'left';
  const lines = model.legend ? [model.legend, ...model.sourcesLines] : model.sourcesLines;
  for (const line of lines) {
    ctx.fillText(line, L.padding, y + L.smallLineHeight / 2);
    y += L.smallLineHeight;
  }
  ctx.restore();
}
