import { fieldsOfMembersText } from '../json-fields';
import { dig, findWithKey, found, linkList, missing, normalizeSpace, pathOf, str, webLink } from '../page-utils';
import { parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading, GatheringReader } from '../types';
import { keyOf, LIMITS, SEL, type YouTubePage, youtubePage } from './page';

/** Canonical key of a YouTube channel path: "@handle", "UC…", "c/name", "user/name". */
function keyOfPath(path: string | undefined): string | undefined {
  const m = /^\/(@[^/]+|channel\/(UC[\w-]{22})|(?:c|user)\/[^/]+)/.exec(path ?? '');
  return m ? (m[2] ?? m[1])?.toLowerCase() : undefined;
}

const strings = (v: unknown, max: number): string[] | undefined =>
  Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && s.length <= LIMITS.text)
    ? (v as string[])
    : undefined;
const optional = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);

/** What the page sent, if it has the shape `gather` gives and stays within bounds. */
function asPage(v: unknown): YouTubePage | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const p = v as Record<string, unknown>;
  const header = Array.isArray(p.header) && p.header.length <= SEL.headerParts.length ? p.header : undefined;
  const parts = header?.map((texts) => strings(texts, LIMITS.texts));
  const links = strings(p.links, LIMITS.links);
  if (!parts || parts.some((t) => !t) || !links) return undefined;
  if (!optional(p.data, LIMITS.data) || ![p.channelId, p.canonical, p.title].every((t) => optional(t, LIMITS.text)))
    return undefined;
  return { ...(p as unknown as YouTubePage), header: parts as string[][], links };
}

/** Anywhere (the background): the reading from what the page gave. Subscriber counts are always rounded by YouTube. */
function interpret(gathered: unknown, account: AccountRef): AudienceReading {
  const page = asPage(gathered);
  if (!page) return missing('the page gave malformed data');
  const key = keyOf(account);
  const data = (page.data && fieldsOfMembersText(page.data, SEL.members)) || new Map<string, unknown>();
  const header = data.get('header');
  const c4 = dig(header, 'c4TabbedHeaderRenderer');
  const md = dig(data.get('metadata'), 'channelMetadataRenderer');
  const lower = (xs: unknown[]) =>
    xs.filter((x): x is string => typeof x === 'string' && !!x).map((x) => x.toLowerCase());
  // Identities in the first-load data, and the "@handle" the live header shows.
  const dataIds = lower([
    str(dig(md, 'externalId')),
    str(dig(c4, 'channelId')),
    ...[dig(md, 'vanityChannelUrl'), ...((dig(md, 'ownerUrls') as unknown[]) ?? [])].map((u) =>
      keyOfPath(pathOf(str(u))),
    ),
    keyOfPath(str(dig(c4, 'navigationEndpoint', 'browseEndpoint', 'canonicalBaseUrl'))),
    str(dig(c4, 'channelHandleText', 'runs', 0, 'text')),
    str(page.channelId),
    keyOfPath(pathOf(page.canonical)),
  ]);
  const headerTexts = page.header.map((texts) => texts.map(normalizeSpace));
  const domIds = lower((headerTexts[0] ?? []).filter((t) => t.startsWith('@')));
  const links = linkList([
    ...findWithKey(dig(c4, 'headerLinks'), 'urlEndpoint').map((o) => webLink(str(dig(o, 'urlEndpoint', 'url')))),
    ...page.links.map((href) => webLink(href, '', 'https://www.youtube.com')),
  ]);
  const extra = { displayName: str(dig(md, 'title')) ?? str(dig(c4, 'title')) ?? str(page.title), links };
  const dataOurs = dataIds.includes(key);
  const domOurs = domIds.length ? domIds.includes(key) : dataOurs;
  const other = [...domIds, ...dataIds].find((id) => id !== key);
  const notOurs = other ? `page data describes ${other}, not ${account.key}` : 'cannot confirm which channel this is';

  const texts = [
    str(dig(c4, 'subscriberCountText', 'accessibility', 'accessibilityData', 'label')),
    str(dig(c4, 'subscriberCountText', 'simpleText')),
    // 2024+ header: metadata rows hold "@handle", "4,69 M de suscriptores", "6,8 K vídeos"; pick by word.
    ...findWithKey(dig(header, 'pageHeaderRenderer'), 'metadataParts').flatMap((row) =>
      ((row.metadataParts as unknown[]) ?? []).map((p) => str(dig(p, 'text', 'content'))),
    ),
  ];
  // The live header wins over first-load data when they disagree (in-app navigation).
  for (const t of dataOurs && domOurs ? texts : []) {
    const c = t ? parseCountNear(t, 'subscribers') : undefined;
    if (c) return found('subscribers', c.value, 'rounded', 'embedded-json', extra);
  }
  for (const t of domOurs ? headerTexts.flat() : []) {
    const c = parseCountNear(t, 'subscribers');
    if (c) return found('subscribers', c.value, 'rounded', 'text', extra);
  }
  return missing(domOurs ? 'subscriber count hidden or not found' : notOurs, extra);
}

/**
 * YouTube channel, in two steps: the page gathers (~25 KB of ytInitialData's text, a few DOM texts)
 * and the background parses — the JSON, the count's words and the links are parsed out of the page.
 */
export const youtubeReader: GatheringReader<YouTubePage> = { ...youtubePage, interpret };

/** Both steps at once (tests, the command line, the fuzz). */
export const readYouTube = (doc: Document, account: AccountRef): AudienceReading =>
  interpret(youtubePage.gather(doc), account);
