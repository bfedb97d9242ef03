import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverAccounts } from '@/lib/discovery';
import { accountOfLink } from '@/lib/discovery/link-url';
import { HOMEPAGES, homepage, parseHtml } from './parse';

/** Each fixture's own site, its expected primaries, and alternatives that must be kept (not primary). */
const CASES: {
  file: string;
  site: string;
  primaries: Record<string, string>;
  alternatives?: string[];
  participation?: string[];
  blogs?: string[];
}[] = [
  {
    file: 'dsfr-ministere.html',
    site: 'https://www.exemple.gouv.fr/',
    primaries: {
      x: 'minexemple',
      facebook: 'ministere.exemple',
      instagram: 'ministere_exemple',
      linkedin: 'company/ministere-exemple',
      youtube: '@ministereexemple',
    },
    alternatives: ['x mdupontex'],
  },
  {
    file: 'ville-cms-footer.html',
    site: 'https://www.belcourt.example/',
    primaries: {
      facebook: 'villedebelcourt',
      x: 'villebelcourt',
      instagram: 'villedebelcourt',
      youtube: '@villedebelcourt',
      tiktok: 'villebelcourt',
      linkedin: 'company/ville-de-belcourt',
    },
    alternatives: [
      'facebook belcourttourisme',
      'instagram belcourt_tourisme',
      'x belcourtmetro',
      'youtube UCabcdefghijklmnopqrstuv',
    ],
    participation: ['https://participez.belcourt.example/', 'https://decidim.belcourt.example/processes/budget-2027'],
    blogs: ['https://www.belcourt.example/blog-du-maire'],
  },
  {
    file: 'region-json-ld.html',
    site: 'https://www.valdouest.example.fr/',
    primaries: {
      facebook: 'regionvaldouest',
      x: 'regionvaldouest',
      instagram: 'regionvaldouest',
      linkedin: 'company/region-val-d-ouest',
      youtube: 'UCregionvaldouest0000000',
      mastodon: 'regionvaldouest@social.numerique.gouv.fr',
      bluesky: 'valdouest.fr',
      flickr: 'regionvaldouest',
    },
    alternatives: ['facebook id:104567890123456', 'facebook arivaldouest', 'x ari_valdouest'],
  },
  {
    file: 'metropole-portail.html',
    site: 'https://metropole.ormeval.example/',
    primaries: {
      facebook: 'ormevalmetropole',
      x: 'ormevalmetro',
      instagram: 'ormeval_metropole',
      linkedin: 'company/ormeval-metropole',
      threads: 'ormeval_metropole',
      dailymotion: 'ormevalmetropole',
    },
    alternatives: [
      'instagram ormeval.tourisme',
      'facebook ormevaltourisme',
      'x ormevalendirect',
      'linkedin company/ormeval-emploi',
    ],
  },
  {
    file: 'region-wordpress-header.html',
    site: 'https://www.hautelisiere.example.fr/',
    primaries: {
      facebook: 'regionhautelisiere',
      x: 'hautelisiere',
      instagram: 'hautelisiere',
      linkedin: 'company/10234567',
      threads: 'hautelisiere',
      youtube: '@regionhautelisiere',
    },
    // The president's own account, labelled as his in the header: kept, never primary.
    alternatives: ['x jlegrandpres'],
  },
  {
    file: 'ville-drupal-ids.html',
    site: 'https://www.sainte-aurore.example.fr/',
    primaries: {
      facebook: 'saintaurore',
      x: 'saint_aurore',
      youtube: 'user/villesaintaurore',
      mastodon: 'saintaurore@piaille.fr',
      flickr: 'villesaintaurore',
    },
    alternatives: ['facebook mediatheque.saintaurore', 'youtube c/villesaintaurore'],
  },
  { file: 'hostile.html', site: 'https://www.belcourt.example/', primaries: {} },
];

/** Links that name no account, whatever page they are on. */
const NEVER = /sharer|intent|share|embed|player|evil|xn--|javascript|data:|mailto|whatsapp|wa\.me|l\.php/i;

describe('discoverAccounts on hand-written homepages', () => {
  it('has a case for every fixture', () => {
    const files = readdirSync(HOMEPAGES).filter((f) => f.endsWith('.html'));
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
  });

  it.each(CASES)('$file', ({ file, site, primaries, alternatives = [], participation = [], blogs = [] }) => {
    const result = discoverAccounts(parseHtml(homepage(file)), site);
    const got = Object.fromEntries(result.candidates.filter((c) => c.primary).map((c) => [c.platform, c.key]));
    expect(got).toEqual(primaries);
    const others = result.candidates.filter((c) => !c.primary).map((c) => `${c.platform} ${c.key}`);
    expect(others.sort()).toEqual([...alternatives].sort());
    for (const c of result.candidates) expect(c.href).not.toMatch(NEVER);
    expect(result.participation.map((p) => p.url)).toEqual(participation);
    expect(result.blogs.map((b) => b.url)).toEqual(blogs);
  });
});

describe('ranking details', () => {
  it('a post link is weak evidence: never primary, evidence "post"', () => {
    const doc = parseHtml(`<main><a href="https://x.com/VilleA/status/1">tweet</a></main>
      <footer><a href="https://www.facebook.com/VilleA">Facebook</a></footer>`);
    const { candidates } = discoverAccounts(doc, 'https://ville-a.example/');
    expect(candidates.find((c) => c.platform === 'x')).toMatchObject({
      key: 'villea',
      evidence: 'post',
      primary: false,
    });
  });
  it('a profile link and a post link of the same account merge into one profile candidate', () => {
    const doc = parseHtml(`<main><a href="https://x.com/VilleA/status/1">tweet</a></main>
      <footer><a href="https://x.com/VilleA">X</a></footer>`);
    const { candidates } = discoverAccounts(doc, 'https://ville-a.example/');
    expect(candidates).toMatchObject([
      { key: 'villea', evidence: 'link', where: 'footer', primary: true, occurrences: 2 },
    ]);
  });
  it('the site-own JSON-LD beats rel="me", which beats the footer, which beats the content', () => {
    const doc =
      parseHtml(`<script type="application/ld+json">{"@type":"Organization","url":"https://a.example/","sameAs":"https://x.com/Ld"}</script>
      <a rel="me" href="https://x.com/Me">me</a><footer><a href="https://x.com/Foot">X</a></footer>
      <main><a href="https://x.com/Body">X</a></main>`);
    const keys = discoverAccounts(doc, 'https://www.a.example/').candidates.map((c) => `${c.key}:${c.primary}`);
    expect(keys).toEqual(['ld:true', 'me:false', 'foot:false', 'body:false']);
  });
  it('a follow block outside <main> beats one inside it', () => {
    const doc =
      parseHtml(`<main><aside><h2>Suivez-nous</h2><a href="https://www.instagram.com/inside/">i</a></aside></main>
      <div class="fr-follow"><a href="https://www.instagram.com/outside/">i</a></div>`);
    const found = discoverAccounts(doc, 'https://a.example/').candidates;
    expect(found.map((c) => [c.key, c.where, c.primary])).toEqual([
      ['outside', 'follow', true],
      ['inside', 'content-follow', false],
    ]);
  });
  // Rouen's 2018 footer wraps its list in <div class="content">: a class guess of the main content
  // does not take the page's footer or header for it (explicit <main>, role=main still do).
  it.each<[string, string, string]>([
    [
      'a footer holding a div.content',
      '<footer><div class="content"><a href="https://x.com/Foot">X</a></div></footer>',
      'footer',
    ],
    [
      'a role=contentinfo holding an #content',
      '<div role="contentinfo"><div id="content"><a href="https://x.com/Foot">X</a></div></div>',
      'footer',
    ],
    [
      'a header holding a div.content',
      '<header><div class="content"><a href="https://x.com/Foot">X</a></div></header>',
      'header',
    ],
    ['a div.content outside the chrome', '<div class="content"><a href="https://x.com/Foot">X</a></div>', 'content'],
  ])('%s: %s', (_name, html, where) => {
    expect(discoverAccounts(parseHtml(html), 'https://a.example/').candidates[0]?.where).toBe(where);
  });
  it('twitter:site settles a tie between two X accounts of the same tier', () => {
    const doc = parseHtml(
      `<meta name="twitter:site" content="@Second"><footer><a href="https://x.com/First">a</a><a href="https://x.com/Second">b</a></footer>`,
    );
    const primary = discoverAccounts(doc, 'https://a.example/').candidates.find((c) => c.primary);
    expect(primary).toMatchObject({ key: 'second', confirmedBy: 'twitter:site' });
  });
  it('names icon-only links by aria-label, title, image alt or visually-hidden text', () => {
    const doc = parseHtml(`<footer>
      <a href="https://x.com/A1" aria-label="X de la Ville"><svg></svg></a>
      <a href="https://www.facebook.com/a2"><img src="f.svg" alt="Facebook"></a>
      <a href="https://www.instagram.com/a3/" title="Instagram (nouvelle fenêtre)"><i class="icon"></i></a>
      <a href="https://www.youtube.com/@abc4"><span class="fr-sr-only">YouTube</span></a></footer>`);
    expect(discoverAccounts(doc, 'https://a.example/').candidates.map((c) => c.label)).toEqual([
      'X de la Ville',
      'Facebook',
      'YouTube',
      'Instagram (nouvelle fenêtre)',
    ]);
  });
  it('a JSON-LD organisation of another site is a partner, not the site itself', () => {
    const doc = parseHtml(
      `<script type="application/ld+json">{"@type":"Organization","url":"https://tourisme.example/","sameAs":["https://www.facebook.com/Tourisme"]}</script>`,
    );
    expect(discoverAccounts(doc, 'https://ville.example/').candidates).toMatchObject([
      { key: 'tourisme', evidence: 'same-as', where: 'json-ld', primary: true },
    ]);
    const both =
      parseHtml(`<script type="application/ld+json">{"@type":"Organization","url":"https://tourisme.example/","sameAs":["https://www.facebook.com/Tourisme"]}</script>
      <footer><a href="https://www.facebook.com/Ville">Facebook</a></footer>`);
    expect(discoverAccounts(both, 'https://ville.example/').candidates.find((c) => c.primary)?.key).toBe('ville');
  });
  it('resolves relative and protocol-relative links against the page and its <base>', () => {
    const doc = parseHtml('<footer><a href="//www.facebook.com/Foo/?ref=footer">f</a></footer>');
    expect(discoverAccounts(doc, 'https://a.example/').candidates[0]).toMatchObject({
      key: 'foo',
      href: 'https://www.facebook.com/Foo/?ref=footer',
      url: 'https://www.facebook.com/foo',
    });
    const based = parseHtml('<base href="https://x.com/"><footer><a href="Foo">x</a></footer>');
    expect(discoverAccounts(based, 'https://a.example/').candidates[0]?.key).toBe('foo');
  });
  it('never throws and explains a page URL it cannot use', () => {
    const result = discoverAccounts(parseHtml('<a href="/x">x</a>'), 'not a url');
    expect(result.candidates).toEqual([]);
    expect(result.problems[0]).toMatch(/not an http/);
  });
});

describe('accountOfLink', () => {
  const base = new URL('https://www.ville.example/accueil');
  it.each([
    ['//www.facebook.com/Foo/?ref=footer', 'facebook', 'foo'],
    ['http://mobile.twitter.com/Foo?utm_source=x', 'x', 'foo'],
    ['https://m.facebook.com/foo', 'facebook', 'foo'],
    ['https://www.Instagram.com/Foo/', 'instagram', 'foo'],
    ['https://twitter.com/#!/Foo', 'x', 'foo'],
    ['  https://fr-fr.facebook.com/Foo  ', 'facebook', 'foo'],
    ['https://fr.linkedin.com/company/Ville-Exemple/', 'linkedin', 'company/ville-exemple'],
    ['https://x.com/Foo/status/123', 'x', 'foo'],
  ])('%s → %s %s', (href, platform, key) => {
    expect(accountOfLink(href, base)?.account).toMatchObject({ platform, key });
  });
  it.each([
    'https://www.facebook.com/sharer/sharer.php?u=https://a.example',
    'https://www.facebook.com/sharer.php?u=https://a.example',
    'https://www.facebook.com/sharer',
    'https://www.facebook.com/dialog/share?href=https://a.example',
    'https://twitter.com/intent/tweet?text=a',
    'https://twitter.com/intent/follow?screen_name=Foo',
    'https://x.com/intent/user?screen_name=Foo',
    'https://x.com/intent/post?text=a',
    'https://x.com/share?url=https://a.example',
    'https://www.linkedin.com/shareArticle?mini=true&url=https://a.example',
    'https://www.linkedin.com/sharing/share-offsite/?url=https://a.example',
    'https://bsky.app/intent/compose?text=a',
    'https://mastodon.social/share?text=a',
    'https://api.whatsapp.com/send?text=a',
    'https://wa.me/?text=a',
    'mailto:?body=https://x.com/Foo',
    'https://www.youtube.com/embed/AbCdEfGhIjK',
    'https://geo.dailymotion.com/player.html?video=x8abcd',
    'https://geo.dailymotion.com/player/x12ab.html?video=x8abcd',
    'https://www.dailymotion.com/embed/video/x8abcd',
    'https://facebook.com.evil.example/Foo',
    'https://twitter.com@evil.example/Foo',
    'https://user:pw@www.facebook.com/Foo',
    'https://www.xn--facebok-y0a.com/Foo',
    'https://www.faceb\u043eok.com/Foo',
    'https://evil.example/?u=https://www.facebook.com/Foo',
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fx.com%2FFoo',
    'javascript:alert("https://x.com/Foo")',
    'data:text/html,https://x.com/Foo',
    'https://x.com/Foo?text=hello',
  ])('%s is never an account', (href) => {
    expect(accountOfLink(href, base)).toBeUndefined();
  });
  it('ignores links of several kilobytes', () => {
    expect(accountOfLink(`https://x.com/foo?${'a'.repeat(3000)}`, base)).toBeUndefined();
  });
});

describe('participation and blogs', () => {
  it('finds them by host, path, text or an icon link’s aria-label, once per URL', () => {
    const doc = parseHtml(`<header><a href="/bp-2027">Budget participatif</a></header>
      <main><a href="https://ville.citizenlab.co/fr-FR/">Donnez votre avis</a>
      <a href="https://consultation.cap-collectif.com/project/x">Consulter</a>
      <a href="/actualites" aria-label="Le blog de la ville"><svg></svg></a>
      <a href="https://blog.ville.example/#top">Actualités</a><a href="https://blog.ville.example/">Blog</a>
      <a href="/demarches">Démarches</a></main>`);
    const result = discoverAccounts(doc, 'https://www.ville.example/');
    expect(result.participation.map((p) => [p.url, p.software ?? null, p.where])).toEqual([
      ['https://www.ville.example/bp-2027', null, 'header'],
      ['https://ville.citizenlab.co/fr-FR/', 'citizenlab', 'content'],
      ['https://consultation.cap-collectif.com/project/x', 'cap-collectif', 'content'],
    ]);
    expect(result.blogs.map((b) => b.url)).toEqual([
      'https://www.ville.example/actualites',
      'https://blog.ville.example/',
    ]);
  });
});

describe('hostile sizes', () => {
  it('weighs at most 2,000 social links and says so', () => {
    const links = Array.from({ length: 2100 }, (_, i) => `<a href="https://x.com/user${i}">x</a>`).join('');
    const result = discoverAccounts(parseHtml(`<footer>${links}</footer>`), 'https://a.example/');
    expect(result.candidates).toHaveLength(2000);
    expect(result.problems).toContain('more than 2000 social links; the rest were not weighed');
  });
});
