import { atHandleGrammar } from '../at-handle';

// Only /@{user} is an account: a bare /{name} is not (tiktok.com/gouvernementfr does not exist).
export const tiktok = atHandleGrammar({
  id: 'tiktok',
  // vm.tiktok.com and vt.tiktok.com are short links; tiktokv.com shares videos without their author.
  hosts: new Set(['tiktok.com', 'www.tiktok.com', 'm.tiktok.com']),
  // Numeric user ids also work after the @.
  user: /^[a-z0-9_.-]{1,32}$/,
  tabs: new Set(['posts', 'liked', 'reposts', 'favorites', 'playlists', 'live']),
  posts: new Set(['video', 'photo', 'collection', 'playlist']),
  canonicalHost: 'www.tiktok.com',
});
