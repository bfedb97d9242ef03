import { atHandleGrammar } from '../at-handle';

export const threads = atHandleGrammar({
  id: 'threads',
  // threads.net moved to threads.com in 2025; both still serve profiles. l.threads.com is a link redirector.
  hosts: new Set(['threads.com', 'www.threads.com', 'threads.net', 'www.threads.net']),
  // Threads names are Instagram names: letters, digits, `.` and `_`, 30 at most.
  user: /^[a-z0-9._]{1,30}$/,
  tabs: new Set(['replies', 'reposts', 'media']),
  posts: new Set(['post']),
  canonicalHost: 'www.threads.com',
});
