/**
 * Homepages of official websites, written for the real-browser tests in the shapes French public
 * sites use (not saved pages): a city CMS footer with icon-only links, JSON-LD `sameAs`, a DSFR
 * `fr-follow` block, a region footer "Réseaux sociaux", messy URLs, share buttons and a partner's
 * accounts in the content. Each lists what lib/discovery should find as primary.
 */

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}</body></html>`;

export interface Homepage {
  entityId: string;
  origin: string;
  html: string;
  /** platform:key of the primaries, in platform order. */
  primaries: string[];
}

/** Nice: a city CMS footer, icons labelled by aria-label; share buttons and the tourist office in the content. */
const NICE = page(
  'Ville de Nice — Site officiel',
  '',
  `<header><a href="/">Ville de Nice</a><nav><a href="/demarches">Démarches</a></nav></header>
<main>
  <article><h2>Carnaval 2027</h2><p>Le programme.</p>
    <div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.nice.fr%2Fcarnaval">Partager</a>
    <a href="https://twitter.com/intent/tweet?text=Carnaval&url=https%3A%2F%2Fwww.nice.fr">Tweeter</a></div>
  </article>
  <section class="partenaires"><h2>Office de tourisme Nice Côte d’Azur</h2>
    <a href="https://www.instagram.com/explorenicecotedazur/">Instagram de l’Office de tourisme</a></section>
</main>
<footer class="site-footer">
  <div class="footer-social"><p>Suivez-nous</p>
    <a href="https://www.facebook.com/villedenice/?ref=footer" aria-label="Facebook"><svg></svg></a>
    <a href="https://x.com/VilledeNice" aria-label="X (ex-Twitter)"><svg></svg></a>
    <a href="https://www.instagram.com/villedenice/" aria-label="Instagram"><svg></svg></a>
    <a href="https://www.youtube.com/@VilledeNice" aria-label="YouTube"><svg></svg></a>
  </div>
  <a href="/mentions-legales">Mentions légales</a>
</footer>`,
);

/** Toulouse: JSON-LD GovernmentOrganization with sameAs; nothing in the footer but the legal links. */
const TOULOUSE = page(
  'Toulouse.fr',
  `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: 'Mairie de Toulouse',
    url: 'https://www.toulouse.fr/',
    sameAs: [
      'https://twitter.com/toulouse',
      'https://www.facebook.com/toulouse',
      'https://www.instagram.com/toulousefr/',
      'https://www.linkedin.com/company/ville-de-toulouse/',
      'https://www.tiktok.com/@toulouse',
    ],
  })}</script>`,
  `<header><a href="/">Toulouse</a></header><main><h1>Bienvenue à Toulouse</h1></main>
<footer><a href="/plan-du-site">Plan du site</a></footer>`,
);

/** Lille: footer "Réseaux sociaux" with title attributes and messy URLs (mobile host, tracking). */
const LILLE = page(
  'Ville de Lille',
  '',
  `<main><h1>Lille</h1><p>Actualités</p></main>
<footer>
  <nav aria-label="Réseaux sociaux"><h2>Réseaux sociaux</h2>
    <a href="http://mobile.twitter.com/lille?utm_source=site" title="Lille sur X"><img alt=""></a>
    <a href="https://m.facebook.com/villedelille" title="Lille sur Facebook"><img alt=""></a>
    <a href="https://www.Instagram.com/VilleDeLille/" title="Lille sur Instagram"><img alt=""></a>
  </nav>
</footer>`,
);

/** A ministry on the DSFR: the fr-follow block between <main> and the footer, and a twitter:site meta. */
const AGRICULTURE = page(
  'Ministère de l’Agriculture',
  '<meta name="twitter:site" content="@Agri_Gouv">',
  `<header class="fr-header"><div class="fr-header__brand"><p class="fr-logo">République<br>Française</p></div></header>
<main id="main" class="fr-container"><h1>Ministère de l’Agriculture et de la Souveraineté alimentaire</h1>
  <p>Voir la <a href="https://www.youtube.com/embed/abcdefghijk">vidéo</a>.</p></main>
<div class="fr-follow"><div class="fr-container"><div class="fr-follow__social">
  <h2 class="fr-h5">Suivez-nous<br> sur les réseaux sociaux</h2>
  <ul class="fr-btns-group">
    <li><a class="fr-btn--facebook fr-btn" title="Facebook - nouvelle fenêtre" href="https://www.facebook.com/Agriculture.gouv" target="_blank">facebook</a></li>
    <li><a class="fr-btn--twitter-x fr-btn" title="X - nouvelle fenêtre" href="https://x.com/Agri_Gouv" target="_blank">x</a></li>
    <li><a class="fr-btn--linkedin fr-btn" title="LinkedIn - nouvelle fenêtre" href="https://www.linkedin.com/company/ministere-agriculture/" target="_blank">linkedin</a></li>
    <li><a class="fr-btn--youtube fr-btn" title="YouTube - nouvelle fenêtre" href="https://www.youtube.com/@agriculturegouv" target="_blank">youtube</a></li>
  </ul></div></div></div>
<footer class="fr-footer" id="footer"><a href="https://www.info.gouv.fr">info.gouv.fr</a></footer>`,
);

/** A region: footer "Suivez-nous" with a YouTube channel id and a Facebook page. */
const GUADELOUPE = page(
  'Région Guadeloupe',
  '',
  `<main><h1>Région Guadeloupe</h1></main>
<footer id="footer"><div class="suivez-nous"><span>Suivez-nous</span>
  <a href="https://www.facebook.com/RegionGuadeloupe/">Facebook</a>
  <a href="https://www.instagram.com/regionguadeloupe/">Instagram</a>
  <a href="https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv">YouTube</a>
</div></footer>`,
);

/** Bordeaux: its footer's Facebook page is not the one the benchmark lists (a conflict to settle). */
const BORDEAUX = page(
  'Bordeaux.fr',
  '',
  `<main><h1>Bordeaux</h1></main>
<footer><p>Suivez-nous</p>
  <a href="https://twitter.com/bordeaux" aria-label="Twitter">t</a>
  <a href="https://www.facebook.com/bordeaux.fr" aria-label="Facebook">f</a>
</footer>`,
);

export const HOMEPAGES: Homepage[] = [
  {
    entityId: 'city-06088',
    origin: 'https://www.nice.fr',
    html: NICE,
    primaries: ['x:villedenice', 'facebook:villedenice', 'youtube:@villedenice', 'instagram:villedenice'],
  },
  {
    entityId: 'city-31555',
    origin: 'https://www.toulouse.fr',
    html: TOULOUSE,
    primaries: [
      'x:toulouse',
      'facebook:toulouse',
      'instagram:toulousefr',
      'linkedin:company/ville-de-toulouse',
      'tiktok:toulouse',
    ],
  },
  {
    entityId: 'city-59350',
    origin: 'https://www.lille.fr',
    html: LILLE,
    primaries: ['x:lille', 'facebook:villedelille', 'instagram:villedelille'],
  },
  {
    entityId: 'ministry-agriculture',
    origin: 'https://agriculture.gouv.fr',
    html: AGRICULTURE,
    primaries: [
      'x:agri_gouv',
      'facebook:agriculture.gouv',
      'youtube:@agriculturegouv',
      'linkedin:company/ministere-agriculture',
    ],
  },
  {
    entityId: 'region-01',
    origin: 'https://www.regionguadeloupe.fr',
    html: GUADELOUPE,
    primaries: ['facebook:regionguadeloupe', 'youtube:UCabcdefghijklmnopqrstuv', 'instagram:regionguadeloupe'],
  },
  {
    entityId: 'city-33063',
    origin: 'https://www.bordeaux.fr',
    html: BORDEAUX,
    primaries: ['x:bordeaux', 'facebook:bordeaux.fr'],
  },
];
