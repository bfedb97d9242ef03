import { blockTitle, deaccent } from './page-context';

const MAX_LABEL = 120;

function clean(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t.slice(0, MAX_LABEL);
}

/**
 * A link's accessible name, the way assistive technology reads it: aria-labelledby, aria-label,
 * then its text (which includes visually-hidden spans such as DSFR's `fr-sr-only`), then the alt
 * of an image or the title of an SVG inside it, then its title attribute. Icon-only links are
 * named by one of these.
 */
export function linkLabel(el: Element): string | undefined {
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy && doc) {
    const text = labelledBy
      .split(/\s+/)
      .slice(0, 5)
      .map((id) => (id ? doc.getElementById(id)?.textContent : '') ?? '')
      .join(' ');
    const got = clean(text);
    if (got) return got;
  }
  const aria = clean(el.getAttribute('aria-label'));
  if (aria) return aria;
  const text = clean((el.textContent ?? '').slice(0, 2000));
  if (text) return text;
  const img = el.querySelector('img[alt], svg title, [aria-label]');
  const inner = clean(img?.getAttribute('alt') ?? img?.getAttribute('aria-label') ?? img?.textContent);
  if (inner) return inner;
  return clean(el.getAttribute('title'));
}

/**
 * Bodies that are not the site's own institution but whose accounts its homepage often links:
 * the tourist office, the métropole or agglomeration, the département, museums and theatres, the
 * mayor, president or minister as a person. Matched on whole words, accents stripped.
 */
const PARTNER_WORDS = [
  'office de tourisme',
  'tourisme',
  'tourist',
  'metropole',
  'agglomeration',
  'agglo',
  'communaute de communes',
  'communaute urbaine',
  'departement',
  'departemental',
  'prefecture',
  'musee',
  'musees',
  'museum',
  'mediatheque',
  'bibliotheque',
  'bibliotheques',
  'opera',
  'theatre',
  'orchestre',
  'conservatoire',
  'zoo',
  'festival',
  'universite',
  'crous',
  'maire',
  'president',
  'presidente',
  'ministre',
  'depute',
  'senateur',
  'police',
  'pompiers',
];
const PARTNER = new RegExp(`\\b(?:${PARTNER_WORDS.join('|')})\\b`, 'g');

/**
 * Whether a link's label, or the title of the card it sits in, names another body. A word that
 * is also in the site's own name or host does not count: on metropole.nantes.fr the métropole
 * is the site itself.
 */
export function namesPartner(label: string | undefined, cardTitle: string | undefined, siteName: string): boolean {
  for (const text of [label, cardTitle]) {
    if (!text) continue;
    for (const m of deaccent(text).matchAll(PARTNER)) {
      if (!siteName.includes(m[0])) return true;
    }
  }
  return false;
}

/** The title of the small block (card, list item) a link sits in, up to four levels up. */
export function cardTitle(el: Element): string | undefined {
  let cur = el.parentElement;
  for (let level = 0; cur && level < 4; level++, cur = cur.parentElement) {
    if (cur.tagName === 'BODY' || cur.tagName === 'MAIN' || cur.tagName === 'FOOTER') return undefined;
    const title = blockTitle(cur);
    if (title) return clean(title);
  }
  return undefined;
}

/** What the site calls itself, accents stripped: og:site_name, application-name, title, host. */
export function siteName(doc: Document, host: string | undefined): string {
  const parts = [
    doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'),
    doc.querySelector('meta[name="application-name"]')?.getAttribute('content'),
    doc.querySelector('title')?.textContent?.slice(0, 300),
    host?.replace(/[.-]/g, ' '),
  ];
  return deaccent(parts.filter(Boolean).join(' | '));
}
