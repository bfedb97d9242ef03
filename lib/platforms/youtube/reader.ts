import {
  canonicalUrl,
  dig,
  findWithKey,
  found,
  linkList,
  meta,
  missing,
  pathOf,
  readAssignedJsonFields,
  str,
  textOf,
  webLink,
} from '../page-utils';
import { parseCountNear } from '../parse-count';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // Server data of the first load only; stale after in-app navigation (hence the identity check). [F]
  data: 'var ytInitialData = ',
  // Live DOM header: 2024+ page header view model, then the older C4 tabbed header. [V] / [I]
  headerParts: [
    'yt-page-header-renderer yt-content-metadata-view-model span',
    'ytd-c4-tabbed-header-renderer #subscriber-count',
  ],
  // Channel id meta, present on the first load. [F]
  channelId: ['identifier', 'channelId'],
  // Header links (website) in the live DOM, through youtube.com/redirect?q=. [I]
  links: 'yt-page-header-renderer a[href*="/redirect?"], #links-section a[href*="/redirect?"]',
};

/** Canonical key of a YouTube channel path: "@handle", "UC…", "c/name", "user/name". */
function keyOfPath(path: string | undefined): string | undefined {
  const m = /^\/(@[^/]+|channel\/(UC[\w-]{22})|(?:c|user)\/[^/]+)/.exec(path ?? '');
  return m ? (m[2] ?? m[1])?.toLowerCase() : undefined;
}

/** YouTube channel: subscriber counts are always rounded by YouTube (3 significant digits). */
export function readYouTube(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase().replace(/^legacy:/, 'c/');
  // Only the two members read below are parsed, not the whole ~600 KB of first-load data.
  const data = readAssignedJsonFields(doc, SEL.data, ['header', 'metadata']);
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
    meta(doc, ...SEL.channelId),
    keyOfPath(pathOf(canonicalUrl(doc))),
  ]);
  const domIds = lower(
    [...doc.querySelectorAll(SEL.headerParts[0] ?? '')].map(textOf).filter((t) => t.startsWith('@')),
  );
  const links = linkList([
    ...findWithKey(dig(c4, 'headerLinks'), 'urlEndpoint').map((o) => webLink(str(dig(o, 'urlEndpoint', 'url')))),
    ...[...doc.querySelectorAll(SEL.links)].map((a) => webLink(a.getAttribute('href'), '', 'https://www.youtube.com')),
  ]);
  const extra = { displayName: str(dig(md, 'title')) ?? str(dig(c4, 'title')) ?? meta(doc, 'og:title'), links };
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
  for (const sel of domOurs ? SEL.headerParts : []) {
    for (const el of doc.querySelectorAll(sel)) {
      const c = parseCountNear(textOf(el), 'subscribers');
      if (c) return found('subscribers', c.value, 'rounded', 'text', extra);
    }
  }
  return missing(domOurs ? 'subscriber count hidden or not found' : notOurs, extra);
}
