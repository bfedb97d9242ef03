import { PLATFORM_LABELS } from './labels';
import type { AccountRef, PlatformGrammar, PlatformId } from './types';
import { accountPathSegments, accountRef, classifyRest, hostMatches, hostName } from './url-utils';

export interface AtHandleRules {
  id: PlatformId;
  hosts: ReadonlySet<string>;
  /** A user name, lowercase. */
  user: RegExp;
  tabs: ReadonlySet<string>;
  posts: ReadonlySet<string>;
  /** Host of the canonical profile URL. */
  canonicalHost: string;
}

/**
 * Grammar of platforms whose accounts are only `/@{user}` (TikTok, Threads): a bare `/{name}` is
 * never an account there, so they need no reserved-word list.
 */
export function atHandleGrammar(rules: AtHandleRules): PlatformGrammar {
  // A name made only of dots or dashes is not a user.
  const isValidKey = (key: string) => rules.user.test(key) && /[a-z0-9_]/.test(key);
  const pageRules = { tabs: rules.tabs, posts: rules.posts };
  const parseAccountUrl = (url: URL): AccountRef | undefined => {
    if (!rules.hosts.has(hostName(url))) return undefined;
    const segs = accountPathSegments(url);
    if (!segs?.[0]?.startsWith('@')) return undefined;
    const key = segs[0].slice(1).toLowerCase();
    if (!isValidKey(key)) return undefined;
    const page = classifyRest(segs.slice(1), pageRules);
    return page && accountRef(rules.id, page, key);
  };
  return {
    id: rules.id,
    label: PLATFORM_LABELS[rules.id],
    matches: hostMatches(rules.hosts),
    parseAccountUrl,
    accountUrl: (key) => `https://${rules.canonicalHost}/@${key}`,
    isValidKey,
  };
}
