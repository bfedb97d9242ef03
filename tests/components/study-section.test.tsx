import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StudySection } from '@/components/dashboard/StudySection';
import { BUNDLED } from '@/lib/dataset/bundled';
import { type Lang, translator } from '@/lib/i18n';
import { studyToday, studyToMarkdown } from '@/lib/study';
import { tinyDataset } from '../helpers/tiny-dataset';
import { studyDataset } from '../study/fixtures';

const NOW = new Date('2026-12-01T08:00:00Z');
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s/g, ' ');

afterEach(() => cleanup());

describe.each<Lang>(['fr', 'en'])('StudySection (%s)', (lang) => {
  const t = translator(lang);

  it('shows each finding with the 2012 figures beside today’s', () => {
    render(<StudySection dataset={studyDataset()} observations={[]} lang={lang} t={t} now={NOW} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(t('study.title'));
    const rows = screen.getByTestId('study-table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.getAttribute('data-testid'))).toEqual([
      'study-row-platforms',
      'study-row-video',
      'study-row-blogs',
      'study-row-gap',
      'study-row-participation',
      'study-row-push',
    ]);
    expect(text(screen.getByTestId('study-then-gap'))).toMatch(/75[  ,]?000/);
    expect(text(screen.getByTestId('study-then-gap'))).toMatch(/6[  ,]?500/);
    expect(text(screen.getByTestId('study-now-gap'))).toMatch(/200[  ,]?000/);
    expect(text(screen.getByTestId('study-now-participation'))).toContain('Lille');
    expect(screen.getByTestId('study-row-blogs').getAttribute('data-status')).toBe('not-measured');
    expect(text(screen.getByTestId('study-now-blogs'))).toContain(t('study.unknown'));
    // Every source cited, with its title.
    expect(text(screen.getByTestId('study-sources'))).toContain('Source B');
    expect(text(screen.getByTestId('study-section'))).toContain(
      lang === 'fr' ? 'jeu de données study-test' : 'dataset study-test',
    );
  });

  it('says « inconnu » / unknown where data is lacking', () => {
    render(<StudySection dataset={tinyDataset()} observations={[]} lang={lang} t={t} now={NOW} />);
    expect(screen.getByTestId('study-row-gap').getAttribute('data-status')).toBe('unknown');
    expect(text(screen.getByTestId('study-now-gap'))).toContain(t('study.unknown'));
  });

  it('exports Markdown and JSON through the given saver, and prints', async () => {
    const saved: { name: string; blob: Blob }[] = [];
    const save = vi.fn(async (name: string, blob: Blob) => {
      saved.push({ name, blob });
    });
    const print = vi.fn();
    render(<StudySection dataset={BUNDLED} observations={[]} lang={lang} t={t} now={NOW} save={save} print={print} />);
    fireEvent.click(screen.getByTestId('study-export-md'));
    await waitFor(() =>
      expect(text(screen.getByTestId('study-status'))).toContain('civiscope_study-2012_2026-12-01.md'),
    );
    fireEvent.click(screen.getByTestId('study-export-json'));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[0]?.name).toBe('civiscope_study-2012_2026-12-01.md');
    expect(await saved[0]?.blob.text()).toBe(
      studyToMarkdown(studyToday(BUNDLED, [], NOW.toISOString()), BUNDLED, lang),
    );
    const doc = JSON.parse((await saved[1]?.blob.text()) ?? '');
    expect(doc).toMatchObject({ exportedAt: NOW.toISOString(), datasetEdition: { id: BUNDLED.edition.id } });
    fireEvent.click(screen.getByTestId('study-print'));
    expect(print).toHaveBeenCalledOnce();
  });

  it('reports a failed export in words', async () => {
    const save = vi.fn(async () => {
      throw new Error('disk full');
    });
    render(<StudySection dataset={BUNDLED} observations={[]} lang={lang} t={t} now={NOW} save={save} />);
    fireEvent.click(screen.getByTestId('study-export-json'));
    await waitFor(() => expect(text(screen.getByTestId('study-status'))).toContain('disk full'));
  });
});
