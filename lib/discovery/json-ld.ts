import { sameSite } from './site';

export interface SameAsEntry {
  url: string;
  /** The `sameAs` belongs to the site's own organisation (or person), not to a partner or an event. */
  own: boolean;
}

/**
 * Types whose `sameAs` can be the site's own: organisations, administrations, places they govern,
 * the website itself, and a person (a minister's or mayor's own site).
 */
const OWN_TYPES =
  /^(?:Organization|Organisation|GovernmentOrganization|GovernmentOffice|LocalGovernment|CityHall|City|AdministrativeArea|State|Country|Place|WebSite|WebPage|Person|NGO|Corporation|EducationalOrganization|PoliticalParty)$/;

const MAX_NODES = 5000;
const MAX_SCRIPT = 1_000_000;

/**
 * Every `sameAs` URL in the page's JSON-LD, with whether it is the site's own. A node is the
 * site's own when its type can be (OWN_TYPES) and its `url` or `@id` is on the page's site, or
 * when it has neither and sits at the top level (a homepage's single Organization block often
 * omits its url). Malformed JSON is skipped and reported.
 */
export function readSameAs(doc: Document, pageHost: string | undefined, problems: string[]): SameAsEntry[] {
  const out: SameAsEntry[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  let budget = MAX_NODES;
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT) {
      problems.push('a JSON-LD block larger than 1 MB was skipped');
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      problems.push('a JSON-LD block is not valid JSON');
      continue;
    }
    // Iterative walk with an explicit stack: deep nesting must not overflow the call stack.
    const stack: { node: unknown; top: boolean; depth: number }[] = [{ node: data, top: true, depth: 0 }];
    while (stack.length > 0 && budget > 0) {
      const { node, top, depth } = stack.pop() as { node: unknown; top: boolean; depth: number };
      budget--;
      if (depth > 12 || node === null || typeof node !== 'object') continue;
      if (Array.isArray(node)) {
        for (const item of node.slice(0, 500)) stack.push({ node: item, top, depth: depth + 1 });
        continue;
      }
      const obj = node as Record<string, unknown>;
      const sameAs = obj.sameAs;
      if (sameAs !== undefined) {
        const own = isOwn(obj, top, pageHost);
        const list = Array.isArray(sameAs) ? sameAs : [sameAs];
        for (const item of list.slice(0, 200)) {
          if (typeof item === 'string') out.push({ url: item, own });
        }
      }
      for (const [k, value] of Object.entries(obj)) {
        if (k === 'sameAs' || value === null || typeof value !== 'object') continue;
        // @graph members are top-level nodes; anything else nested (an event's organizer) is not.
        stack.push({ node: value, top: k === '@graph' && top, depth: depth + 1 });
      }
    }
  }
  if (budget <= 0) problems.push('JSON-LD has more than 5000 nodes; the rest was not read');
  return out;
}

function typesOf(obj: Record<string, unknown>): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^(?:https?:\/\/)?schema\.org\//, ''));
}

function hostOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value).hostname;
  } catch {
    return undefined;
  }
}

function isOwn(obj: Record<string, unknown>, top: boolean, pageHost: string | undefined): boolean {
  const types = typesOf(obj);
  if (types.length > 0 && !types.some((t) => OWN_TYPES.test(t))) return false;
  const host = hostOf(obj.url) ?? hostOf(obj['@id']);
  if (host !== undefined) return pageHost !== undefined && sameSite(host, pageHost);
  return top;
}
