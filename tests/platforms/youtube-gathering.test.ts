import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { interpretGathered } from '@/lib/platforms/gathering';
import type { AccountRef } from '@/lib/platforms/types';
import { youtubePage } from '@/lib/platforms/youtube/page';
import { readYouTube, youtubeReader } from '@/lib/platforms/youtube/reader';

// The YouTube reader in two steps: the page gathers (youtube/page.ts), the background interprets.
const OWN = path.resolve(__dirname, '../fixtures/pages');

const docOf = (html: string): Document => {
  const window = new Window({ url: 'https://www.youtube.com/' });
  window.document.write(html);
  return window.document as unknown as Document;
};
const fixture = (file: string) => docOf(readFileSync(path.join(OWN, file), 'utf8'));
const account = (key: string): AccountRef => ({ platform: 'youtube', page: 'profile', key });

const withData = (data: object, body = '') =>
  docOf(`<html><head><script>var ytInitialData = ${JSON.stringify(data)};</script></head><body>${body}</body></html>`);
const channel = (id: string, handle: string, count: string) => ({
  contents: { big: 'x'.repeat(1000) },
  header: {
    c4TabbedHeaderRenderer: {
      channelId: id,
      subscriberCountText: { simpleText: count },
      channelHandleText: { runs: [{ text: handle }] },
    },
  },
  metadata: { channelMetadataRenderer: { externalId: id, title: 'T' } },
});
const liveHeader = (...spans: string[]) =>
  `<yt-page-header-renderer><yt-content-metadata-view-model>${spans.map((s) => `<span>${s}</span>`).join('')}</yt-content-metadata-view-model></yt-page-header-renderer>`;

describe('YouTube: what the page gathers is enough to send (ready)', () => {
  // [case, document, account key, ready?]
  it.each<[string, () => Document, string, boolean]>([
    ['2024 header in the first-load data, by handle', () => fixture('youtube-2024-fr.html'), '@elysee', true],
    [
      '2024 header in the first-load data, by channel id',
      () => fixture('youtube-2024-fr.html'),
      'UCexampleElysee0000000a1',
      true,
    ],
    [
      'C4 header in the first-load data',
      () => withData(channel('UCaaaaaaaaaaaaaaaaaaaaaa', '@a', '12 k abonnés')),
      'UCaaaaaaaaaaaaaaaaaaaaaa',
      true,
    ],
    ['the live header names this channel (data of another)', () => fixture('youtube-stale-data.html'), '@elysee', true],
    // After an in-app navigation: the header still shows the previous channel — wait for it.
    ['the live header names another channel', () => fixture('youtube-stale-data.html'), '@autre', false],
    [
      'the live header names this channel, no count yet, data of another',
      () => withData(channel('UCbbbbbbbbbbbbbbbbbbbbbb', '@b', '1 k'), liveHeader('@elysee')),
      '@elysee',
      false,
    ],
    [
      'the data describes another channel, no live header',
      () => withData(channel('UCbbbbbbbbbbbbbbbbbbbbbb', '@b', '1 k')),
      '@elysee',
      false,
    ],
    [
      'the data names this channel but holds no count',
      () => withData({ metadata: { channelMetadataRenderer: { externalId: 'UCcccccccccccccccccccccc' } } }),
      'UCcccccccccccccccccccccc',
      false,
    ],
    ['an empty page', () => docOf('<html><body></body></html>'), '@elysee', false],
  ])('%s', (_name, doc, key, ready) => {
    expect(youtubePage.ready(youtubePage.gather(doc()), account(key))).toBe(ready);
  });

  it('is ready on every fixture and key where the reader finds a figure (never waits needlessly)', () => {
    const keys = [
      '@elysee',
      '@autre',
      'UCexampleElysee0000000a1',
      'UCotherChannel0000000001',
      'UCzcRQ3vRNr6fJ1A9rqFn7QA',
      '@onemedia.',
      'c/onemedia',
      'legacy:onemedia',
    ];
    let figures = 0;
    for (const file of readdirSync(OWN).filter((f) => f.startsWith('youtube-'))) {
      for (const key of keys) {
        const doc = fixture(file);
        if (readYouTube(doc, account(key)).value === undefined) continue;
        figures++;
        expect(youtubePage.ready(youtubePage.gather(doc), account(key)), `${file} ${key}`).toBe(true);
      }
    }
    expect(figures).toBeGreaterThanOrEqual(5);
  });

  it('parses nothing in the page: gathering and deciding call no JSON.parse', () => {
    const doc = fixture('youtube-2024-fr.html');
    const spy = vi.spyOn(JSON, 'parse');
    try {
      const gathered = youtubePage.gather(doc);
      expect(youtubePage.ready(gathered, account('@elysee'))).toBe(true);
      expect(gathered.data?.startsWith('{"header":')).toBe(true);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('YouTube: the background interprets what a page sent, trusting none of it', () => {
  const good = () => youtubePage.gather(fixture('youtube-2024-fr.html'));

  it('reads the figure from what was gathered, as the reader does from the page', () => {
    const reading = interpretGathered(account('@elysee'), good());
    expect(reading).toMatchObject({ value: 1_200_000, precision: 'rounded', source: 'embedded-json' });
    expect(reading).toEqual(readYouTube(fixture('youtube-2024-fr.html'), account('@elysee')));
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'var ytInitialData = {}'],
    ['header not a list', { ...good(), header: 'x' }],
    ['a header text not a string', { ...good(), header: [[1]] }],
    ['too many header parts', { ...good(), header: [[], [], []] }],
    ['a 3,000-character header text', { ...good(), header: [['x'.repeat(3000)], []] }],
    ['101 header texts', { ...good(), header: [Array(101).fill('@elysee'), []] }],
    ['51 links', { ...good(), links: Array(51).fill('https://example.org/') }],
    ['links not strings', { ...good(), links: [{}] }],
    ['data over 2 MB', { ...good(), data: `{"header":"${'x'.repeat(2_000_001)}"}` }],
    ['data not a string', { ...good(), data: { header: {} } }],
    ['a channel id not a string', { ...good(), channelId: ['@elysee'] }],
  ])('%s: no figure, a problem in words, no exception', (_name, gathered) => {
    const reading = interpretGathered(account('@elysee'), gathered);
    expect(reading.value).toBeUndefined();
    expect(reading.problems).toEqual(['the page gave malformed data']);
  });

  it('reads no figure from data that is not JSON, or describes another channel', () => {
    expect(interpretGathered(account('@elysee'), { ...good(), data: '{"header": tru' }).value).toBeUndefined();
    expect(interpretGathered(account('@autre'), good()).problems[0]).toContain('describes');
  });

  it('interprets only for platforms whose reader gathers; a reader that throws gives a problem', () => {
    expect(interpretGathered({ platform: 'x', page: 'profile', key: 'elysee' }, good()).problems).toEqual([
      'this page gave data its platform does not gather',
    ]);
    const spy = vi.spyOn(youtubeReader, 'interpret').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      expect(interpretGathered(account('@elysee'), good()).problems).toEqual(['reader failed: boom']);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('YouTube: the page keeps within what the background accepts', () => {
  it('a header of 150 texts and 60 links is sent cut to the bounds, and still read', () => {
    const spans = ['@elysee', '13 k d’abonnés', ...Array(148).fill('•')];
    const links = Array.from(
      { length: 60 },
      (_, i) => `<a href="https://www.youtube.com/redirect?q=https%3A%2F%2Fsite${i}.fr">s</a>`,
    );
    const doc = docOf(
      `<html><body><yt-page-header-renderer><yt-content-metadata-view-model>${spans.map((s) => `<span>${s}</span>`).join('')}</yt-content-metadata-view-model>${links.join('')}</yt-page-header-renderer></body></html>`,
    );
    const gathered = youtubePage.gather(doc);
    expect(gathered.header[0]).toHaveLength(100);
    expect(gathered.links).toHaveLength(50);
    expect(interpretGathered(account('@elysee'), gathered)).toMatchObject({ value: 13_000, source: 'text' });
  });
});
