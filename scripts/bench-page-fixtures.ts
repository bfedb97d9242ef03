/**
 * Synthetic pages for `npm run bench:page` (scripts/bench-page.ts). Written for the bench, with the
 * size and the shape that matter to the page reader (not copies of any real page):
 * - an Instagram-like logged-out shell (~1.2 MB): meta tags, a large inline style, megabyte-sized
 *   `<script type="application/json" data-sjs>` blobs, a nearly empty body;
 * - a YouTube-like channel page (~0.9 MB): a large inline config script and `var ytInitialData`
 *   (~600 KB) whose header comes after a long `contents` list, a few hundred body elements;
 * - a busy single-page app whose DOM changes every frame (text, attributes, nodes) and never shows
 *   a profile header.
 * The filler is deterministic (a seeded generator) so that every run measures the same bytes.
 */

/** A small deterministic pseudo-random generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['lorem', 'ipsum', 'civic', 'mairie', 'région', 'service', 'public', 'données', 'ouverte', 'état'];

function filler(rand: () => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
}

/** A nested JSON value of roughly `bytes` characters once stringified, with escaped quotes in strings. */
function jsonFiller(rand: () => number, bytes: number): unknown[] {
  const items: unknown[] = [];
  let size = 0;
  while (size < bytes) {
    const item = {
      __typename: 'XDTModule',
      id: String(Math.floor(rand() * 1e15)),
      label: `${filler(rand, 6)} "${filler(rand, 2)}" {${filler(rand, 1)}}`,
      params: { a: rand() > 0.5, b: Math.floor(rand() * 1e6), c: [filler(rand, 3), { d: null, e: filler(rand, 4) }] },
      url: `https://static.example/rsrc/${Math.floor(rand() * 1e9).toString(36)}.js`,
    };
    items.push(item);
    size += JSON.stringify(item).length;
  }
  return items;
}

/** ~1.2 MB, like a logged-out Instagram profile: the figure is in the meta description only. */
export function instagramShell(user: string, name: string, followers: string): string {
  const rand = seeded(1);
  const description = `${followers} Followers, 136 Following, 224 Posts - See Instagram photos and videos from ${name} (&#064;${user})`;
  const blobs = [50, 560, 18, 180, 23, 21, 100, 47, 8].map(
    (kb) =>
      `<script type="application/json" data-sjs>${JSON.stringify({ require: [['ScheduledServerJS', 'handle', null, jsonFiller(rand, kb * 1024)]] })}</script>`,
  );
  const css = Array.from(
    { length: 2400 },
    (_, i) => `.x${i.toString(36)}{margin:${i % 17}px;color:#${(i * 2654435761).toString(16).slice(-6)}}`,
  ).join('\n');
  return `<!doctype html><html lang="en" class="_9dls"><head><meta charset="utf-8">
<title>${name} (@${user}) • Instagram photos and videos</title>
<meta property="og:title" content="${name} (&#064;${user}) • Instagram photos and videos">
<meta property="og:description" content="${description}"><meta name="description" content="${description}">
<meta property="og:url" content="https://www.instagram.com/${user}/">
<link rel="canonical" href="https://www.instagram.com/${user}/">
<style>${css}</style>
${blobs.join('\n')}
</head><body class="x1"><div id="splash-screen"><svg aria-label="Instagram" viewBox="0 0 10 10"><path d="M0 0h10v10z"></path></svg></div>
<div id="mount_0_0"><div><div><span>${filler(rand, 3)}</span></div></div></div></body></html>`;
}

/** ~0.9 MB, like a YouTube channel page: `var ytInitialData` (~600 KB) with the header after the contents. */
export function youtubeChannel(channelId: string, handle: string, title: string): string {
  const rand = seeded(2);
  const video = () => ({
    gridVideoRenderer: {
      videoId: Math.floor(rand() * 1e12).toString(36),
      title: { simpleText: `${filler(rand, 5)} "${filler(rand, 1)}"` },
      thumbnail: {
        thumbnails: [1, 2, 3].map((k) => ({ url: `https://i.ytimg.example/vi/${k}/hq.jpg`, width: 160 * k })),
      },
      viewCountText: { simpleText: `${Math.floor(rand() * 1e6)} views` },
      navigationEndpoint: { commandMetadata: { webCommandMetadata: { url: '/watch?v=x', rootVe: 3832 } } },
      trackingParams: Math.floor(rand() * 1e18)
        .toString(36)
        .repeat(3),
    },
  });
  const contents: unknown[] = [];
  while (JSON.stringify(contents).length < 540 * 1024) contents.push(video());
  const data = {
    responseContext: {
      serviceTrackingParams: [{ service: 'GFEEDBACK', params: [{ key: 'route', value: 'channel.' }] }],
    },
    contents: { twoColumnBrowseResultsRenderer: { tabs: [{ tabRenderer: { content: { items: contents } } }] } },
    header: {
      c4TabbedHeaderRenderer: {
        channelId,
        title,
        navigationEndpoint: { browseEndpoint: { browseId: channelId, canonicalBaseUrl: `/${handle}` } },
        subscriberCountText: {
          accessibility: { accessibilityData: { label: '4.69 million subscribers' } },
          simpleText: '4.69M subscribers',
        },
        channelHandleText: { runs: [{ text: handle }] },
      },
    },
    metadata: {
      channelMetadataRenderer: {
        title,
        externalId: channelId,
        ownerUrls: [`http://www.youtube.com/${handle}`],
        vanityChannelUrl: `http://www.youtube.com/${handle}`,
      },
    },
    topbar: { desktopTopbarRenderer: { logo: filler(rand, 800) } },
  };
  const config = { CLIENT_CANARY_STATE: 'none', EXPERIMENTS: jsonFiller(rand, 320 * 1024) };
  const body = Array.from(
    { length: 70 },
    (_, i) => `<div class="style-scope ytd-app" id="s${i}"><span>${filler(rand, 4)}</span><a href="/x${i}">x</a></div>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - YouTube</title>
<link rel="canonical" href="https://www.youtube.com/channel/${channelId}">
<meta property="og:url" content="https://www.youtube.com/channel/${channelId}">
<meta property="og:title" content="${title}"><meta itemprop="identifier" content="${channelId}">
</head><body><script>(function(){window.ytcfg={d:{},set(o){Object.assign(this.d,o)}};ytcfg.set(${JSON.stringify(config)});})();</script>
<ytd-app>${body}</ytd-app>
<script>var ytInitialData = ${JSON.stringify(data)};</script></body></html>`;
}

/**
 * A busy single-page app: a feed of 300 posts (≈4,000 elements) and a clock; every animation frame
 * it updates the clock's text, flips an attribute, adds a post at the top and drops the last one.
 * No profile header, no JSON-LD: no figure ever appears.
 */
export function busyApp(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Fil</title></head>
<body><header><nav><a href="/home">Accueil</a> <a href="/explore">Explorer</a></nav><time id="clock"></time></header>
<main id="feed"></main>
<script>
const feed = document.getElementById('feed');
const clock = document.getElementById('clock');
let n = 0;
function post(i) {
  const a = document.createElement('article');
  a.dataset.testid = 'tweet';
  a.innerHTML = '<div><a href="/user' + (i % 50) + '"><span>Compte ' + (i % 50) + '</span><span>@user' + (i % 50) + '</span></a>'
    + '<time>' + i + ' s</time></div><div lang="fr"><span>Message ' + i + ' du fil, avec du texte pour faire la taille.</span></div>'
    + '<div role="group"><button><span>' + (i * 7 % 100) + '</span></button><button><span>' + (i * 13 % 1000) + '</span></button>'
    + '<button><span>' + (i * 3 % 50) + '</span></button></div>';
  return a;
}
for (; n < 300; n++) feed.append(post(n));
function frame(t) {
  clock.textContent = (t / 1000).toFixed(2);
  feed.dataset.tick = String(n);
  feed.prepend(post(n++));
  feed.lastElementChild.remove();
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
</script></body></html>`;
}
