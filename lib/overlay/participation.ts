/**
 * One participatory platform, however a page or the dataset writes its address: host without
 * "www." and path without trailing slash, case-insensitive; scheme, query and fragment ignored.
 * A homepage links "https://jeparticipe.nice.fr/" where the dataset has "https://jeparticipe.nice.fr",
 * and a tracking query or an old http link still names the same platform.
 */
export function participationKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '').toLowerCase()}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Whether `url` is among `listed` (an entity's participation, or the overlay's of one entity). */
export function hasParticipation(listed: readonly { url: string }[] | undefined, url: string): boolean {
  const key = participationKey(url);
  return (listed ?? []).some((p) => participationKey(p.url) === key);
}
