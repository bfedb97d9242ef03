/**
 * Pages served for real social URLs in the real-browser tests. They are stand-ins written for
 * these tests (not saved pages), following the platforms' markup as the research notes describe it;
 * the unit tests of the readers cover imitations of saved real pages and the traps.
 */

export interface XProfile {
  handle: string;
  name: string;
  followers?: number;
}

/**
 * An x.com single-page app: the first profile is in the HTML, and links navigate in-app with
 * history.pushState, re-rendering the header and the JSON-LD after a short delay, as x.com does.
 */
export function xApp(profiles: Record<string, XProfile | null>, renderDelayMs = 150): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>X</title></head>
<body>
<nav>${Object.keys(profiles)
    .map((path) => `<a href="${path}" data-spa>${path}</a>`)
    .join(' ')}</nav>
<main id="main"></main>
<script>
const PROFILES = ${JSON.stringify(profiles)};
function render() {
  const p = PROFILES[location.pathname] ?? null;
  document.querySelectorAll('script[data-testid="UserProfileSchema-test"]').forEach((s) => s.remove());
  const main = document.getElementById('main');
  if (!p) { main.innerHTML = '<h1>Explorer</h1>'; return; }
  if (p.followers !== undefined) {
    const ld = document.createElement('script');
    ld.type = 'application/ld+json';
    ld.dataset.testid = 'UserProfileSchema-test';
    ld.textContent = JSON.stringify({ '@context': 'http://schema.org', '@type': 'ProfilePage', mainEntity: {
      '@type': 'Person', additionalName: p.handle, givenName: p.name, identifier: '1',
      interactionStatistic: [
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/FollowAction', name: 'Follows', userInteractionCount: p.followers },
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/SubscribeAction', name: 'Friends', userInteractionCount: 12 } ] } });
    document.head.append(ld);
  }
  main.innerHTML = '<div data-testid="UserName"><span>' + p.name + '</span><span>@' + p.handle + '</span></div>';
}
document.addEventListener('click', (event) => {
  const a = event.target.closest('a[data-spa]');
  if (!a) return;
  event.preventDefault();
  history.pushState({}, '', a.getAttribute('href'));
  document.getElementById('main').innerHTML = '';
  setTimeout(render, ${renderDelayMs});
});
render();
</script>
</body></html>`;
}

/** Logged-out Instagram shell: the figure is only in the meta description (as in the saved real page). */
export function instagramPage(user: string, name: string, followers: string): string {
  const description = `${followers} Followers, 136 Following, 224 Posts - See Instagram photos and videos from ${name} (&#064;${user})`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name} (@${user})</title>
<meta property="og:description" content="${description}"><meta name="description" content="${description}">
<meta property="og:url" content="https://www.instagram.com/${user}/"></head><body><main></main></body></html>`;
}

/** LinkedIn guest company page: "Name | N followers on LinkedIn." in the meta description and top card. */
export function linkedinPage(slug: string, name: string, followers: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name} | LinkedIn</title>
<meta name="description" content="${name} | ${followers} followers on LinkedIn. Service public.">
<link rel="canonical" href="https://fr.linkedin.com/company/${slug}"></head>
<body><h1>${name}</h1><h3 class="top-card-layout__first-subline">Administration publique ${followers} followers</h3></body></html>`;
}

/** YouTube channel with first-load data (ytInitialData, old header shape as in the saved real page). */
export function youtubePage(handle: string, channelId: string, label: string, short: string): string {
  const data = {
    header: {
      c4TabbedHeaderRenderer: {
        channelId,
        subscriberCountText: { accessibility: { accessibilityData: { label } }, simpleText: short },
      },
    },
    metadata: {
      channelMetadataRenderer: { externalId: channelId, vanityChannelUrl: `http://www.youtube.com/@${handle}` },
    },
  };
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${handle} - YouTube</title>
<meta itemprop="identifier" content="${channelId}"></head>
<body><script>var ytInitialData = ${JSON.stringify(data)};</script></body></html>`;
}

export const GENERIC_PAGE =
  '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>page</title></head><body><main>page</main></body></html>';
