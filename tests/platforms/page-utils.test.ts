import { describe, expect, test } from 'vitest';
import { fieldsOfMembersText } from '@/lib/platforms/json-fields';
import { followActionCount, readAssignedMembersText, sliceJsonObject, webLink } from '@/lib/platforms/page-utils';

describe('webLink', () => {
  test.each([
    ['https://l.instagram.com/?u=https%3A%2F%2Fwww.pluto.travel%2F&e=AT0', '', 'https://www.pluto.travel/'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.info.gouv.fr%2F&h=AT0', '', 'https://www.info.gouv.fr/'],
    [
      'https://www.youtube.com/redirect?event=channel_header&q=https%3A%2F%2Fwww.elysee.fr%2F',
      '',
      'https://www.elysee.fr/',
    ],
    [
      'https://www.linkedin.com/redir/redirect?url=http%3A%2F%2Fwww%2Eaudiense%2Ecom&urlhash=7Taq',
      '',
      'http://www.audiense.com/',
    ],
    ['https://t.co/AbC', 'elysee.fr', 'https://elysee.fr/'],
    ['https://t.co/AbC', 'info.gouv.fr/actualites/une-tres-longue-…', 'https://t.co/AbC'],
    ['https://www.numerique.gouv.fr/', '', 'https://www.numerique.gouv.fr/'],
    ['javascript:alert(1)', '', undefined],
    ['/relative/path', '', undefined],
    ['', '', undefined],
  ])('%s (%s) → %s', (href, text, expected) => {
    expect(webLink(href, text)).toBe(expected);
  });
});

test('sliceJsonObject respects braces inside strings', () => {
  const text = 'var ytInitialData = {"a":"}{\\"","b":{"c":1}};var next = {};';
  expect(JSON.parse(sliceJsonObject(text, 0) ?? '')).toEqual({ a: '}{"', b: { c: 1 } });
  expect(sliceJsonObject('{"unclosed":', 0)).toBeUndefined();
});

test('followActionCount ignores SubscribeAction, WriteAction and bad counts', () => {
  const stat = (type: unknown, n: unknown) => ({ interactionType: type, userInteractionCount: n });
  expect(
    followActionCount([stat('https://schema.org/SubscribeAction', 9), stat('https://schema.org/FollowAction', 4)]),
  ).toBe(4);
  expect(followActionCount(stat({ '@type': 'http://schema.org/FollowAction' }, 7))).toBe(7);
  expect(followActionCount([stat('https://schema.org/UnfollowAction', 3)])).toBeUndefined();
  expect(followActionCount([stat('https://schema.org/FollowAction', -1)])).toBeUndefined();
  expect(followActionCount(undefined)).toBeUndefined();
});

describe('readAssignedMembersText', () => {
  const page = (...scripts: string[]) => {
    const doc = document.implementation.createHTMLDocument('t');
    for (const text of scripts) {
      const script = doc.createElement('script');
      script.textContent = text;
      doc.body.append(script);
    }
    return doc;
  };
  const read = (doc: Document) => {
    const text = readAssignedMembersText(doc, 'var d = ', ['a']);
    return Object.fromEntries((text === undefined ? undefined : fieldsOfMembersText(text, ['a'])) ?? []);
  };

  test.each<[string, string[], Record<string, unknown>]>([
    ['the assignment at a script’s start', ['var x = 1;', 'var d = {"a": 1};'], { a: 1 }],
    ['after spaces and a comment', ['  /* data */ var d = {"a": 2};'], { a: 2 }],
    // The script that starts with it wins over one that only mentions it further on.
    [
      'a later script starting with it, over an earlier one quoting it',
      [`${'x'.repeat(200)} "var d = {"a": 0}";`, 'var d = {"a": 3};'],
      { a: 3 },
    ],
    ['deep inside a script only: still found', [`${'x'.repeat(200)};var d = {"a": 4};`], { a: 4 }],
    // Data scripts follow the app's code: the look starts from the last script.
    ['two scripts starting with it: the last one', ['var d = {"a": 6};', 'var y = 1;', 'var d = {"a": 7};'], { a: 7 }],
    ['nowhere', ['var x = {"a": 5};'], {}],
  ])('%s', (_name, scripts, expected) => {
    expect(read(page(...scripts))).toEqual(expected);
  });
});
