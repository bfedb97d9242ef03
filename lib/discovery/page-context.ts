import type { Where } from './types';

/**
 * Where an element sits in the page's layout, computed once per element and shared by its
 * descendants (a memo keyed by element), so that 20,000 links cost one walk of their ancestors.
 */
export interface Context {
  /** Inside the main content (`<main>`, `role=main`, `#content`…), or an article/section of it. */
  inMain: boolean;
  /** Inside an `<article>`/`<aside>`/`<section>`: a `<header>`/`<footer>` there belongs to it, not to the page. */
  inSection: boolean;
  inHeader: boolean;
  inFooter: boolean;
  /** Inside a "follow us" block. */
  inFollow: boolean;
}

const ROOT: Context = { inMain: false, inSection: false, inHeader: false, inFooter: false, inFollow: false };

/** ids and classes that mark the main content in CMS themes that have no `<main>`. */
const MAIN_IDS =
  /^(?:main|content|contenu|main-content|maincontent|main_content|primary|page-content|site-content|contenu-principal)$/i;

/** Class or id tokens of a page footer / header (`fr-footer`, `site-footer`, `pied-de-page`, `l-header`…). */
const FOOTER_TOKEN = /^(?:[a-z]{1,8}[-_])?(?:footer|pied|piedpage|pied-de-page|pied_de_page|bas-de-page)(?:$|[-_])/i;
const HEADER_TOKEN = /^(?:[a-z]{1,8}[-_])?(?:header|en-tete|entete|bandeau|masthead)(?:$|[-_])/i;

/** Footers and headers of components (cards, modals, list items), not of the page. */
const COMPONENT_TOKEN = /card|modal|item|post|entry|article|block|teaser|tile|widget|dialog|table/i;

/**
 * Class or id tokens of a "follow us" block: DSFR `fr-follow`, and the usual CMS names
 * (`social-links`, `reseaux-sociaux`, `footer__social`, `suivez-nous`, `rs`).
 */
const FOLLOW_TOKEN =
  /(?:^|[-_])(?:follow|follow-us|suivez|suivez-nous|suivre|nous-suivre|socials?|social-links|social-networks?|sociaux|reseaux|reseaux-sociaux|rs|networks)(?:$|[-_])/i;
/** Share blocks use the same vocabulary (`social-share`): they are never follow blocks. */
const SHARE_TOKEN = /(?:^|[-_])(?:share|sharing|partage|partager|addtoany|sharethis)(?:$|[-_])/i;

/** Words that title a follow block, in French and English (accents stripped before matching). */
export const FOLLOW_WORDS =
  /\b(?:suivez[- ]nous|suivez la|suivez le|nous suivre|retrouvez[- ]nous|rejoignez[- ]nous|restez connecte|reseaux sociaux|follow us|find us|connect with us|social media|social networks?)\b/;

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

export function deaccent(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function tokens(el: Element): string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  if (cls === '' && id === '') return [];
  const out = cls.length > 500 ? [] : cls.split(/\s+/);
  if (id !== '' && id.length < 100) out.push(id);
  return out.filter((t) => t !== '');
}

/** A heading among the first few children of `el`, or its aria-label: what the block is called. */
export function blockTitle(el: Element): string | undefined {
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title');
  if (aria) return aria;
  let child = el.firstElementChild;
  for (let i = 0; child && i < 4; i++, child = child.nextElementSibling) {
    if (HEADINGS.has(child.tagName) || /(?:title|titre|heading)/i.test(child.getAttribute('class') ?? '')) {
      return (child.textContent ?? '').slice(0, 160);
    }
  }
  return undefined;
}

function isFollowBlock(el: Element, toks: readonly string[]): boolean {
  if (toks.some((t) => SHARE_TOKEN.test(t))) return false;
  if (toks.some((t) => FOLLOW_TOKEN.test(t))) return true;
  // Only block elements get their title read: a link's own text is its label, not a block title.
  if (el.tagName === 'A' || el.tagName === 'LI' || el.tagName === 'SPAN') return false;
  const title = blockTitle(el);
  return title !== undefined && FOLLOW_WORDS.test(deaccent(title));
}

export class PageContext {
  private readonly memo = new Map<Element, Context>();

  of(el: Element | null): Context {
    if (!el) return ROOT;
    const known = this.memo.get(el);
    if (known) return known;
    // Iterative up-walk: a hostile page nests 100,000 elements deep and recursion would overflow.
    const chain: Element[] = [];
    let cur: Element | null = el;
    let base = ROOT;
    while (cur) {
      const hit = this.memo.get(cur);
      if (hit) {
        base = hit;
        break;
      }
      chain.push(cur);
      cur = cur.parentElement;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i] as Element;
      base = step(base, node);
      this.memo.set(node, base);
    }
    return base;
  }
}

function step(parent: Context, el: Element): Context {
  const tag = el.tagName;
  const toks = tokens(el);
  const role = el.getAttribute('role');
  let { inMain, inSection, inHeader, inFooter, inFollow } = parent;
  if (tag === 'ARTICLE' || tag === 'ASIDE' || tag === 'SECTION') inSection = true;
  // A class or id is only a guess of the main content: inside the page's footer or header it names a
  // part of that chrome (Rouen's footer wraps its links in `div.content`), not the main content.
  const mainByName = !inFooter && !inHeader && toks.some((t) => MAIN_IDS.test(t));
  if (tag === 'MAIN' || role === 'main' || mainByName) inMain = true;
  if (tag === 'ARTICLE') inMain = true;
  // A page-level footer or banner: the element itself, or a class named so outside any article.
  // Class names count only outside the main content: `card-footer` inside it is a card's.
  const byClass = !inMain && !inSection;
  const pageFooter =
    role === 'contentinfo' ||
    (tag === 'FOOTER' && !inSection) ||
    (byClass && toks.some((t) => FOOTER_TOKEN.test(t) && !COMPONENT_TOKEN.test(t)));
  const pageHeader =
    role === 'banner' ||
    (tag === 'HEADER' && !inSection) ||
    (byClass && toks.some((t) => HEADER_TOKEN.test(t) && !COMPONENT_TOKEN.test(t)));
  if (pageFooter) {
    inFooter = true;
    // Some sites wrap the footer inside <main>: the page's footer is still chrome.
    inMain = false;
  } else if (pageHeader && !inMain) {
    inHeader = true;
  }
  if (!inFollow && isFollowBlock(el, toks)) inFollow = true;
  return { inMain, inSection, inHeader, inFooter, inFollow };
}

export function whereOf(ctx: Context): Where {
  if (!ctx.inMain) {
    if (ctx.inFooter) return 'footer';
    if (ctx.inHeader) return 'header';
    if (ctx.inFollow) return 'follow';
    return 'content';
  }
  return ctx.inFollow ? 'content-follow' : 'content';
}
