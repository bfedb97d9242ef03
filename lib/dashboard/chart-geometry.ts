/**
 * Geometry of the history chart: where each point goes and which ticks to draw. Pure, so that the
 * SVG component only draws and the maths is tested.
 */

export interface ChartBox {
  width: number;
  height: number;
  /** Space for the axes' labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Placed<T> {
  x: number;
  y: number;
  item: T;
}

export interface ChartGeometry<T> {
  placed: Placed<T>[];
  yTicks: { value: number; y: number }[];
  /** Day numbers (days since 1970-01-01) of the time axis' ticks. */
  xTicks: { day: number; x: number }[];
}

/** The smallest 1, 2 or 5 × 10^k at or above `value` (the y axis ends on a round figure). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const MS_PER_DAY = 86_400_000;

/** The y axis starts at zero: growth is never exaggerated by a cut axis. */
export function chartGeometry<T>(
  items: readonly T[],
  day: (item: T) => number,
  value: (item: T) => number,
  box: ChartBox,
): ChartGeometry<T> {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const days = items.map(day);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const top = niceCeiling(Math.max(0, ...items.map(value)));
  const x = (d: number) => (last === first ? box.left + plotW / 2 : box.left + ((d - first) / (last - first)) * plotW);
  const y = (v: number) => box.top + plotH - (v / top) * plotH;
  const placed = items.map((item) => ({ x: x(day(item)), y: y(value(item)), item }));
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ value: top * f, y: y(top * f) }));
  const xTicks: { day: number; x: number }[] = [];
  if (items.length > 0) {
    // First days of the years in between, when there are few enough to label; otherwise the ends.
    const firstYear = new Date(first * MS_PER_DAY).getUTCFullYear();
    const lastYear = new Date(last * MS_PER_DAY).getUTCFullYear();
    const years: number[] = [];
    for (let year = firstYear + 1; year <= lastYear; year++) years.push(Date.UTC(year, 0, 1) / MS_PER_DAY);
    const step = Math.ceil(years.length / 6) || 1;
    const ticks = years.length > 0 ? years.filter((_, i) => i % step === 0) : [first];
    for (const d of ticks) xTicks.push({ day: d, x: x(d) });
  }
  return { placed, yTicks, xTicks };
}
