import type { PublicPath } from 'wxt/browser';
import type { PageReader } from '../platforms/types';

/** A reader module's path in the built extension (entrypoints/reader-<platform>.ts). */
export type ReaderPath = Extract<PublicPath, `/reader-${string}.js`>;

/**
 * The platform's page reader, loaded the first time a page of this document is an account: pages
 * that are not accounts never load, parse or run reader code. The module is declared in
 * web_accessible_resources for its platform's hosts only (wxt.config.ts). A failed load is not
 * remembered, so the next in-app navigation tries again.
 */
export function readerLoader(path: ReaderPath): () => Promise<PageReader> {
  let pending: Promise<PageReader> | undefined;
  return () => {
    // `chrome.runtime.getURL(…)` written as is: Mozilla's validator accepts it as the argument of
    // import() and flags anything else (the bundler renames an imported `browser`). `chrome` is a
    // global of content scripts in Chrome and in Firefox alike.
    pending ??= import(/* @vite-ignore */ chrome.runtime.getURL(path)).then(
      (module: { default: PageReader }) => module.default,
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}
