import { canonicalUrl, dig, found, missing, pathOf, readAssignedJson, str } from '../page-utils';
import type { AccountRef, AudienceReading } from '../types';

const SEL = {
  // Inline app state "modelExport: {…}"; follower count in person-contacts-count-models, at the
  // model's top level (older) or under `.data` (newer). PLATFORMS.md [V] (gallery-dl). Identity
  // fields of person-models (id/nsid, pathAlias) are [I].
  data: 'modelExport:',
};

/** Flickr profile: embedded follower count, for the alias or NSID the page names. */
export function readFlickr(doc: Document, account: AccountRef): AudienceReading {
  const key = account.key.toLowerCase();
  const main = dig(readAssignedJson(doc, SEL.data), 'main');
  const model = (name: string, field: string) => {
    const m = dig(main, name, 0);
    return dig(m, field) ?? dig(m, 'data', field);
  };
  const ids = [
    str(model('person-models', 'nsid')),
    str(model('person-models', 'id')),
    str(model('person-models', 'pathAlias')),
    str(model('person-contacts-count-models', 'id')),
    pathOf(canonicalUrl(doc))?.split('/')[2],
  ]
    .filter((s): s is string => !!s)
    .map((s) => s.toLowerCase());
  const extra = { displayName: str(model('person-models', 'realname')) ?? str(model('person-models', 'username')) };
  // An alias key can only be checked against aliases, an NSID key against NSIDs.
  const comparable = ids.filter((id) => id.includes('@n') === key.includes('@n'));
  if (!comparable.length) return missing('cannot confirm which account this is', extra);
  if (!comparable.includes(key)) return missing(`page data describes ${comparable[0]}, not ${key}`, extra);
  const n = Number(model('person-contacts-count-models', 'followerCount'));
  if (main && Number.isSafeInteger(n)) return found('followers', n, 'exact', 'embedded-json', extra);
  return missing('follower count not found', extra);
}
