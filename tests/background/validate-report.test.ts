import { describe, expect, it } from 'vitest';
import { LIMITS, type ReportSender, validateReport } from '@/lib/background/validate-report';

const NOW = Date.UTC(2026, 10, 28, 12);
const SELF = { id: 'civiscope-id', origin: 'chrome-extension://civiscope-id/' };
const PARIS = 'https://x.com/Paris';

const sender = (url = PARIS, over: Partial<ReportSender> = {}): ReportSender => ({
  id: SELF.id,
  url,
  frameId: 0,
  tab: { id: 7, url },
  ...over,
});

const reading = { metric: 'followers', value: 1234, precision: 'exact', source: 'json-ld', problems: [] };
const report = (over: Record<string, unknown> = {}) => ({
  type: 'civiscope:page',
  url: PARIS,
  account: { platform: 'x', page: 'profile', key: 'paris' },
  reading,
  readAt: NOW - 500,
  ...over,
});
const withReading = (over: Record<string, unknown>) => report({ reading: { ...reading, ...over } });
const huge = 'a'.repeat(10 * 1024 * 1024);

describe('validateReport accepts', () => {
  it.each([
    ['a reading of the account in the URL', report(), sender()],
    ['the first report, without a reading', report({ reading: undefined, readAt: undefined }), sender()],
    ['a failed reading', report({ reading: { problems: ['follower count not found'] } }), sender()],
    [
      'a page that is not an account',
      report({ url: 'https://x.com/explore', account: null, reading: undefined }),
      sender('https://x.com/explore'),
    ],
    [
      'the tab URL already moved on while the frame URL is the report one',
      report(),
      sender(PARIS, { tab: { id: 7, url: 'https://x.com/other' } }),
    ],
    ['a reading read 59 s ago', report({ readAt: NOW - 59_000 }), sender()],
    ['a value just below 10^10', withReading({ value: 9_999_999_999 }), sender()],
    ['zero', withReading({ value: 0 }), sender()],
    [
      'what the page says about itself',
      report({ signals: { loginWall: true, httpStatus: 404, unavailable: false } }),
      sender(),
    ],
    ['a sender whose frame URL is unknown (tab URL only)', report(), sender(PARIS, { url: undefined })],
  ])('%s', (_name, message, from) => {
    const verdict = validateReport(message, from, SELF, NOW);
    expect(verdict).toMatchObject({ ok: true, tabId: 7 });
  });

  it('uses the account the grammar finds, drops unknown fields, keeps only known reading fields', () => {
    const verdict = validateReport(
      {
        ...report({ reading: { ...reading, extra: 'x', displayName: 'Paris', links: ['https://paris.fr/'] } }),
        evil: 1,
      },
      sender(),
      SELF,
      NOW,
    );
    expect(verdict).toEqual({
      ok: true,
      tabId: 7,
      report: {
        type: 'civiscope:page',
        url: PARIS,
        account: { platform: 'x', page: 'profile', key: 'paris' },
        reading: { ...reading, displayName: 'Paris', links: ['https://paris.fr/'] },
        readAt: NOW - 500,
      },
    });
  });
});

describe('validateReport drops', () => {
  const cases: [string, unknown, ReportSender | undefined, string][] = [
    // Who sends
    ['another extension', report(), sender(PARIS, { id: 'other-extension' }), 'not this extension'],
    ['a sender without id', report(), sender(PARIS, { id: undefined }), 'not this extension'],
    ['no sender', report(), undefined, 'not this extension'],
    ['no tab (an extension page or a worker)', report(), sender(PARIS, { tab: undefined }), 'no tab'],
    ['a tab without id', report(), sender(PARIS, { tab: { url: PARIS } }), 'no tab'],
    ['our own page in a tab', report(), sender(`${SELF.origin}popup.html`), 'extension page'],
    ['a sub-frame', report(), sender(PARIS, { frameId: 3 }), 'sub-frame'],
    ['a sender without any URL', report(), sender(PARIS, { url: undefined, tab: { id: 7 } }), 'no URL'],
    // What the report says it is
    ['not an object', 'civiscope:page', sender(), 'not a page report'],
    ['another type', report({ type: 'civiscope:other' }), sender(), 'not a page report'],
    ['a URL that is not a string', report({ url: 42 }), sender(), 'url'],
    ['a 10 MB URL', report({ url: `${PARIS}?q=${huge}` }), sender(), 'url'],
    ['an account that is a string', report({ account: 'paris' }), sender(), 'account'],
    ['a 10 MB key', report({ account: { platform: 'x', page: 'profile', key: huge } }), sender(), 'account.key'],
    [
      'the wrong account for the URL',
      report({ account: { platform: 'x', page: 'profile', key: 'lyon' } }),
      sender(),
      'does not match the report URL',
    ],
    [
      'a listed account claimed on an unlisted one',
      report({ url: 'https://x.com/nobody' }),
      sender('https://x.com/nobody'),
      'does not match the report URL',
    ],
    [
      'another platform named for the URL',
      report({ account: { platform: 'facebook', page: 'profile', key: 'paris' } }),
      sender(),
      'does not match the report URL',
    ],
    [
      'a post claimed as a profile',
      report({ url: `${PARIS}/status/1` }),
      sender(`${PARIS}/status/1`),
      'does not match the report URL',
    ],
    [
      'an account missing on an account URL',
      report({ account: null, reading: undefined }),
      sender(),
      'does not match the report URL',
    ],
    ['a report about another page than the sender', report(), sender('https://x.com/Lyon'), "sender's URL"],
    ['another platform’s URL than the sender', report(), sender('https://www.facebook.com/Paris'), "sender's URL"],
    [
      'a non-account report for another site',
      report({ url: 'https://x.com/explore', account: null, reading: undefined }),
      sender('https://www.facebook.com/'),
      "sender's URL",
    ],
    [
      'a reading on a page that is not an account',
      report({ url: 'https://x.com/explore', account: null }),
      sender('https://x.com/explore'),
      'not an account',
    ],
    // The reading
    ['NaN', withReading({ value: Number.NaN }), sender(), 'reading.value'],
    ['Infinity', withReading({ value: Number.POSITIVE_INFINITY }), sender(), 'reading.value'],
    ['a negative value', withReading({ value: -1 }), sender(), 'reading.value'],
    ['1e12', withReading({ value: 1e12 }), sender(), 'reading.value'],
    ['exactly 10^10', withReading({ value: LIMITS.valueBelow }), sender(), 'reading.value'],
    ['a fraction', withReading({ value: 12.5 }), sender(), 'reading.value'],
    ['a value as a string', withReading({ value: '1234' }), sender(), 'reading.value'],
    [
      'a value without metric',
      report({ reading: { value: 5, precision: 'exact', problems: [] } }),
      sender(),
      'metric and precision',
    ],
    [
      'a value without precision',
      report({ reading: { value: 5, metric: 'followers', problems: [] } }),
      sender(),
      'metric and precision',
    ],
    ['an unknown metric', withReading({ metric: 'likes' }), sender(), 'reading.metric'],
    ['an unknown precision', withReading({ precision: 'about' }), sender(), 'reading.precision'],
    ['an unknown source', withReading({ source: 'rumour' }), sender(), 'reading.source'],
    ['a reading that is a string', report({ reading: '1234 followers' }), sender(), 'reading'],
    [
      'a reading without problems',
      report({ reading: { metric: 'followers', value: 1, precision: 'exact' } }),
      sender(),
      'reading.problems missing',
    ],
    ['problems that are not a list', withReading({ problems: 'none' }), sender(), 'reading.problems'],
    ['a problem that is a number', withReading({ problems: [1] }), sender(), 'reading.problems'],
    ['a 10 MB problem', withReading({ problems: [huge] }), sender(), 'reading.problems'],
    [
      'too many problems',
      withReading({ problems: Array(LIMITS.problems + 1).fill('x') }),
      sender(),
      'reading.problems',
    ],
    ['a 10 MB display name', withReading({ displayName: huge }), sender(), 'reading.displayName'],
    [
      'a display name that is an object',
      withReading({ displayName: { toString: 'x' } }),
      sender(),
      'reading.displayName',
    ],
    [
      'too many links',
      withReading({ links: Array(LIMITS.links + 1).fill('https://paris.fr/') }),
      sender(),
      'reading.links',
    ],
    ['a 10 MB link', withReading({ links: [`https://paris.fr/${huge}`] }), sender(), 'reading.links'],
    ['a javascript: link', withReading({ links: ['javascript:alert(1)'] }), sender(), 'reading.links'],
    ['a link that is not a URL', withReading({ links: ['paris.fr'] }), sender(), 'reading.links'],
    // When
    ['a reading from yesterday', report({ readAt: NOW - 86_400_000 }), sender(), 'report.readAt'],
    ['a reading from the future', report({ readAt: NOW + 61_000 }), sender(), 'report.readAt'],
    ['readAt NaN', report({ readAt: Number.NaN }), sender(), 'report.readAt'],
    ['readAt as a string', report({ readAt: String(NOW) }), sender(), 'report.readAt'],
    // What the page says about itself
    ['signals that are a string', report({ signals: 'login' }), sender(), 'report.signals'],
    ['an HTTP status of 1e12', report({ signals: { httpStatus: 1e12 } }), sender(), 'signals.httpStatus'],
    ['a login wall as a string', report({ signals: { loginWall: 'yes' } }), sender(), 'signals.loginWall'],
  ];

  it.each(cases)('%s', (_name, message, from, reason) => {
    const verdict = validateReport(message, from, SELF, NOW);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });

  it('never throws, even on a message whose fields throw when read', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    const verdict = validateReport(trap, sender(), SELF, NOW);
    expect(verdict.ok).toBe(false);
  });
});
