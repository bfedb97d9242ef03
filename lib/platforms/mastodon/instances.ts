/**
 * Mastodon instances whose pages Civiscope reads. Mastodon is open-ended: only hosts listed here
 * get a host permission and the page reader. To support another instance, add its host (exact,
 * lowercase, no `www.`) below; the manifest and URL recognition follow.
 */
export const MASTODON_INSTANCES: readonly string[] = [
  // The French State's instance (ministries, agencies, public bodies).
  'social.numerique.gouv.fr',
  // Large general-purpose instances run by the Mastodon project.
  'mastodon.social',
  'mastodon.online',
  // Large public instances, several of them French.
  'mas.to',
  'mastodon.xyz',
  'piaille.fr',
  'mamot.fr',
  'framapiaf.org',
];
