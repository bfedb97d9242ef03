/**
 * The site's own identity: its registrable domain (to tell its own JSON-LD organisation from a
 * partner's) and its name (to tell "Facebook de la Métropole" on a city site from the site's own).
 */

/** Second-level suffixes under which each name is a different body (interieur.gouv.fr ≠ culture.gouv.fr). */
const SHARED_SUFFIXES = new Set(['gouv.fr', 'asso.fr', 'com.fr', 'nom.fr', 'tm.fr', 'co.uk', 'org.uk', 'gov.uk']);

/** `metropole.nantes.fr` → `nantes.fr`; `www.interieur.gouv.fr` → `interieur.gouv.fr`. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return SHARED_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

export function sameSite(a: string, b: string): boolean {
  return registrableDomain(a) === registrableDomain(b);
}
