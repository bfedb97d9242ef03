/**
 * Discovery speed: `discoverAccounts` on generated homepages, in headless Chromium (Debian's
 * chromium via playwright-core), the way the extension runs it on a page's Document. Prints the
 * median of the runs per page; the target is a 2 MB homepage in ≤ 50 ms. Pages are generated
 * here: no network, nothing read outside the repository.
 * Usage: npm run bench:discover
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const RUNS = 15;

/** One news card: text, a few links, share buttons; ~1.6 KB. */
function card(i: number): string {
  const text = 'La Ville accompagne les habitants dans leurs démarches au quotidien, quartier par quartier. '.repeat(8);
  return `<article class="card"><h3 class="card-title"><a href="/actualites/${i}">Actualité ${i}</a></h3><p>${text}</p>
<a href="/agenda/${i}">Agenda</a> <a href="https://www.service-public.fr/particuliers/vosdroits/F${i}">Démarche</a>
<div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=https://ville.example/${i}">Partager</a>
<a href="https://x.com/intent/post?url=https://ville.example/${i}">Poster</a>
<a href="https://www.linkedin.com/sharing/share-offsite/?url=https://ville.example/${i}">LinkedIn</a></div>
${i % 50 === 0 ? `<a href="https://x.com/VilleExemple/status/18${i}">le message</a><a href="https://www.instagram.com/partenaire${i}/">partenaire</a>` : ''}</article>`;
}

/** A city homepage of about `bytes`: header, news cards in <main>, a follow block, a footer. */
function homepage(bytes: number): string {
  const head = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Ville d'Exemple</title>
<meta name="twitter:site" content="@VilleExemple">
<script type="application/ld+json">{"@type":"GovernmentOrganization","url":"https://www.ville.example/","sameAs":["https://www.facebook.com/VilleExemple","https://x.com/VilleExemple"]}</script></head><body>
<header role="banner"><nav>${Array.from({ length: 150 }, (_, i) => `<a href="/rubrique/${i}">Rubrique ${i}</a>`).join('')}</nav></header><main>`;
  const tail = `</main><div class="fr-follow"><h2>Suivez-nous</h2><a href="https://www.facebook.com/VilleExemple">f</a>
<a href="https://x.com/VilleExemple">x</a><a href="https://www.instagram.com/villeexemple/">i</a>
<a href="https://www.youtube.com/@VilleExemple">y</a><a href="https://www.linkedin.com/company/ville-exemple/">l</a></div>
<footer role="contentinfo">${Array.from({ length: 100 }, (_, i) => `<a href="/pied/${i}">Lien ${i}</a>`).join('')}</footer></body></html>`;
  const cards: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const c = card(i);
    cards.push(c);
    size += c.length;
  }
  return head + cards.join('\n') + tail;
}

/** `n` plain links and no social link at all. */
function manyLinks(n: number): string {
  return `<main>${Array.from({ length: n }, (_, i) => `<a href="/page/${i}">Page ${i}</a>`).join('')}</main><footer><a href="https://x.com/VilleExemple">x</a></footer>`;
}

/** Hostile: `n` distinct social links, each in its own nested block. */
function manySocial(n: number): string {
  return `<footer>${Array.from({ length: n }, (_, i) => `<div class="social"><ul><li><a href="https://x.com/user${i}" aria-label="X ${i}"></a></li></ul></div>`).join('')}</footer>`;
}

/** Hostile: 10,000 nested elements around the follow block. */
function deep(n: number): string {
  return `${'<div>'.repeat(n)}<a href="https://www.facebook.com/VilleExemple">f</a>${'</div>'.repeat(n)}`;
}

const bundle = await build({
  entryPoints: ['lib/discovery/index.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'civiscopeDiscovery',
  write: false,
  target: 'es2022',
  logLevel: 'silent',
});
const code = bundle.outputFiles[0]?.text ?? '';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>bench</title>');
  await page.addScriptTag({ content: code });
  const cases: [string, string, string][] = [
    ['2 MB homepage', homepage(2_000_000), 'target ≤ 50 ms'],
    ['5 MB homepage', homepage(5_000_000), ''],
    ['20,000 plain links', manyLinks(20_000), ''],
    ['20,000 social links (hostile)', manySocial(20_000), 'capped at 2,000 weighed'],
    ['10,000 nested divs (hostile)', deep(10_000), ''],
  ];
  console.log(`discoverAccounts in Chromium ${browser.version()}, median of ${RUNS} runs after 2 warm-ups:`);
  for (const [name, html, note] of cases) {
    const stats = await page.evaluate(
      ({ html, runs }) => {
        const parseStart = performance.now();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const parseMs = performance.now() - parseStart;
        const api = (globalThis as unknown as { civiscopeDiscovery: typeof import('../lib/discovery') })
          .civiscopeDiscovery;
        const times: number[] = [];
        let result: ReturnType<typeof api.discoverAccounts> | undefined;
        for (let i = 0; i < runs + 2; i++) {
          const t0 = performance.now();
          result = api.discoverAccounts(doc, 'https://www.ville.example/');
          if (i >= 2) times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return {
          parseMs,
          median: times[Math.floor(times.length / 2)] ?? Number.NaN,
          max: times[times.length - 1] ?? Number.NaN,
          links: doc.querySelectorAll('a').length,
          candidates: result?.candidates.length ?? 0,
          primaries: result?.candidates.filter((c) => c.primary).length ?? 0,
        };
      },
      { html, runs: RUNS },
    );
    console.log(
      `  ${name.padEnd(32)} ${(html.length / 1e6).toFixed(1).padStart(4)} MB, ${String(stats.links).padStart(6)} links: ` +
        `median ${stats.median.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms (DOMParser ${stats.parseMs.toFixed(0)} ms); ` +
        `${stats.candidates} candidates, ${stats.primaries} primary${note ? `  [${note}]` : ''}`,
    );
  }
} finally {
  await browser.close();
}
