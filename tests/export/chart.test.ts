import { describe, expect, it } from 'vitest';
import { CHART_COLOURS, type ChartContext, chartModel, drawChart, wrapText } from '@/lib/export/chart';
import { citiesDataset, compareLille } from './fixtures';

// drawChart must accept the real contexts: these lines fail to compile if ChartContext drifts from them.
type Accepts<T, _U extends T> = true;
const _contextsFit: [
  Accepts<ChartContext, CanvasRenderingContext2D>,
  Accepts<ChartContext, OffscreenCanvasRenderingContext2D>,
] = [true, true];

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

type Call = { op: string; args: unknown[]; fillStyle: unknown; font: string };

/** A 2D context that records every call with the style in force; text is 7 px a character. */
function recordingContext(): ChartContext & { calls: Call[] } {
  const calls: Call[] = [];
  const ctx = {
    calls,
    fillStyle: '' as unknown,
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    save: () => calls.push({ op: 'save', args: [], fillStyle: ctx.fillStyle, font: ctx.font }),
    restore: () => calls.push({ op: 'restore', args: [], fillStyle: ctx.fillStyle, font: ctx.font }),
    scale: (...args: number[]) => calls.push({ op: 'scale', args, fillStyle: ctx.fillStyle, font: ctx.font }),
    fillRect: (...args: number[]) => calls.push({ op: 'fillRect', args, fillStyle: ctx.fillStyle, font: ctx.font }),
    fillText: (...args: unknown[]) => calls.push({ op: 'fillText', args, fillStyle: ctx.fillStyle, font: ctx.font }),
    measureText: (text: string) => ({ width: text.length * 7 }),
  };
  return ctx;
}

describe('chartModel', () => {
  it('lays out ranked members as bars, the account on screen highlighted', () => {
    const d = citiesDataset();
    const model = chartModel(compareLille(d), 'fr', { sources: d.sources });
    expect(model.title).toBe('Abonnés sur X : villes (groupe de l’étude de 2012)');
    expect(model.subtitle).toBe('Chiffres datés du 2026-05 au 2026-06-10 · 2 villes sans chiffre');
    expect(model.bars.map((b) => [b.label, b.value, plain(b.valueLabel), b.highlighted, b.rounded])).toEqual([
      ['Nantes', 9000, '≈ 9 000', false, true],
      ['Lille', 5000, '5 000', true, false],
      ['Rennes', 2500, '2 500', false, false],
    ]);
    expect(model.perInhabitant).toBe(false);
    expect(model.legend).toBe('≈ chiffre arrondi, > minimum');
    expect(model.sourcesLine).toBe(
      'Sources : Test source ; La Voix du Nord | article (2026-06-02). Civiscope, méthode v2, jeu de données test-edition (2026-06-01), comparaison au 2026-06-15.',
    );
    expect(model.sourcesLines.join(' ')).toBe(model.sourcesLine);
    expect(model.width).toBe(800);
    expect(model.height).toBeGreaterThan(3 * 28);
  });

  it('says where and when a figure read in the browser was read (it has no dataset source)', () => {
    const d = citiesDataset();
    const live = {
      value: 7000,
      metric: 'followers' as const,
      precision: 'exact' as const,
      readAt: '2026-06-15T09:00:00Z',
    };
    const model = chartModel(compareLille(d, { live }), 'fr', { sources: d.sources });
    expect(model.sourcesLine).toMatch(/^Sources : Lille, page affichée \(2026-06-15\) ; /);
    const en = chartModel(compareLille(d, { live }), 'en', { sources: d.sources });
    expect(en.sourcesLine).toMatch(/^Sources: Lille, page on screen \(2026-06-15\); /);
  });

  it('ranks per 1,000 inhabitants when asked, and names sources by id without the dataset', () => {
    const model = chartModel(compareLille(), 'en', { perInhabitant: true });
    expect(model.title).toBe('Followers on X per 1,000 inhabitants: cities (2012 study group)');
    expect(model.bars.map((b) => [b.label, b.valueLabel])).toEqual([
      ['Nantes', '≈ 30'],
      ['Lille', '25'],
      ['Rennes', '10'],
    ]);
    expect(model.sourcesLine).toContain('Sources: test-source; test-population; press-lille.');
  });

  it('marks lower bounds and says when there is nothing to compare', () => {
    const d = citiesDataset();
    const c = compareLille(d);
    const lower = chartModel(
      { ...c, cohort: c.cohort.map((m) => (m.self ? { ...m, precision: 'lower-bound' as const } : m)) },
      'en',
    );
    expect(lower.bars[1]).toMatchObject({ label: 'Lille', valueLabel: '> 5,000', rounded: true });
    const empty = chartModel({ ...c, cohort: [], dates: null, withoutFigure: [] }, 'fr');
    expect(empty.bars).toEqual([]);
    expect(empty.subtitle).toBe('Aucun chiffre à comparer');
    expect(empty.legend).toBeNull();
    const ctx = recordingContext();
    drawChart(ctx, empty);
    expect(ctx.calls.filter((call) => call.op === 'fillRect')).toHaveLength(1);
  });

  it('grows with the number of bars', () => {
    const d = citiesDataset();
    const three = chartModel(compareLille(d), 'en');
    const c = compareLille(d);
    const two = chartModel({ ...c, cohort: c.cohort.filter((m) => m.entity !== 'city-rennes') }, 'en');
    expect(three.height - two.height).toBe(28);
  });
});

describe('wrapText', () => {
  it.each([
    ['a bb ccc dddd', 6, ['a bb', 'ccc', 'dddd']],
    ['averyveryverylongword x', 5, ['averyveryverylongword', 'x']],
    ['', 10, []],
  ])('%j at %i', (text, max, lines) => {
    expect(wrapText(text, max)).toEqual(lines);
  });
});

describe('drawChart', () => {
  const d = citiesDataset();
  const model = chartModel(compareLille(d), 'en', { sources: d.sources });

  it('draws the title, every bar label and value, the sources, at the given scale', () => {
    const ctx = recordingContext();
    drawChart(ctx, model, 3);
    const texts = ctx.calls.filter((c) => c.op === 'fillText').map((c) => c.args[0]);
    expect(texts[0]).toBe(model.title);
    for (const bar of model.bars) {
      expect(texts).toContain(bar.label);
      expect(texts).toContain(bar.valueLabel);
    }
    for (const line of model.sourcesLines) expect(texts).toContain(line);
    expect(texts).toContain(model.legend);
    expect(ctx.calls[0]?.op).toBe('save');
    expect(ctx.calls[1]).toMatchObject({ op: 'scale', args: [3, 3] });
    expect(ctx.calls.at(-1)?.op).toBe('restore');
  });

  it('paints the account on screen in the highlight colour, rounded figures lighter, bars in proportion', () => {
    const ctx = recordingContext();
    drawChart(ctx, model);
    // The first rectangle is the background; then one per bar.
    const [background, ...bars] = ctx.calls.filter((c) => c.op === 'fillRect');
    expect(background).toMatchObject({ fillStyle: CHART_COLOURS.background, args: [0, 0, 800, model.height] });
    expect(bars.map((b) => b.fillStyle)).toEqual([
      CHART_COLOURS.barRounded,
      CHART_COLOURS.highlighted,
      CHART_COLOURS.bar,
    ]);
    const [nantes = 0, lilleWidth = 0, rennes = 0] = bars.map((b) => b.args[2] as number);
    expect(lilleWidth / nantes).toBeCloseTo(5000 / 9000);
    expect(rennes / nantes).toBeCloseTo(2500 / 9000);
    // The highlighted bar's label is bold.
    const lille = ctx.calls.find((c) => c.op === 'fillText' && c.args[0] === 'Lille');
    expect(lille?.font.startsWith('bold')).toBe(true);
  });

  it('cuts labels that do not fit with an ellipsis', () => {
    const c = compareLille();
    const long = chartModel(
      {
        ...c,
        cohort: c.cohort.map((m) =>
          m.self ? { ...m, shortName: { fr: 'Lille '.repeat(20), en: 'Lille '.repeat(20) } } : m,
        ),
      },
      'en',
    );
    const ctx = recordingContext();
    drawChart(ctx, long);
    const label = ctx.calls.find((call) => call.op === 'fillText' && String(call.args[0]).startsWith('Lille'));
    expect(String(label?.args[0]).endsWith('…')).toBe(true);
    expect(String(label?.args[0]).length * 7).toBeLessThanOrEqual(190);
  });
});
