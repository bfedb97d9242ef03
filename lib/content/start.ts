import type { AccountRef, AudienceReading, PageReader, PlatformGrammar } from '../platforms/types';
import { awaitReading } from './await-reading';
import { type ContentHost, pageHost } from './page-host';
import { pageSignals } from './page-signals';

/** The platform's grammar, guarded: a grammar bug must never break the page. */
function detect(grammar: PlatformGrammar, href: string): AccountRef | null {
  try {
    return grammar.parseAccountUrl(new URL(href)) ?? null;
  } catch {
    return null;
  }
}

/** A reading that says why there is none: the reader module could not be loaded. */
const unloaded = (error: unknown): AudienceReading => ({
  problems: [`page reader could not be loaded: ${error instanceof Error ? error.message : String(error)}`],
});

/**
 * The content script's whole job: say which account (if any) this page is, on load and on
 * every in-app navigation, then read the audience the page shows. Pages that are not accounts
 * cost one URL parse. Each platform has its own content script (see
 * entrypoints/content-<platform>.ts) so that a page loads only its platform's grammar; its reader is
 * loaded (`loadReader`, see load-reader.ts) only once a page of the document is an account.
 * On an account page whose figure is already there, one message says both which account it is
 * and its reading; otherwise the account is announced as soon as the first reading finds nothing,
 * and the reading follows.
 */
export function startContentScript(
  grammar: PlatformGrammar,
  loadReader: () => Promise<PageReader>,
  host: ContentHost = pageHost(),
): void {
  let current: AbortController | undefined;
  const { document } = host;
  const onPage = (href: string) => {
    current?.abort();
    const account = detect(grammar, href);
    // A page that is not an account costs a URL parse, nothing more: no message (the background
    // learns the tab left an account from the browser's tabs.onUpdated), no extension API touched.
    if (!account) return;
    if (!host.alive()) return stop();
    const controller = new AbortController();
    current = controller;
    const live = () => !controller.signal.aborted && host.alive();
    let announced = false;
    const announce = () => {
      if (announced || !live()) return;
      announced = true;
      host.send({ type: 'civiscope:page', url: href, account, signals: pageSignals(document, grammar.id) });
    };
    void loadReader()
      .then(
        (reader) => awaitReading(document, account, reader, { signal: controller.signal, onPending: announce }),
        (error: unknown) => (controller.signal.aborted ? undefined : unloaded(error)),
      )
      .then((reading) => {
        if (!reading || !live()) return;
        announced = true;
        host.send({
          type: 'civiscope:page',
          url: href,
          account,
          reading,
          readAt: Date.now(),
          signals: pageSignals(document, grammar.id),
        });
      });
  };
  // The extension was reloaded or removed under this page: a newer script, if any, takes over.
  const stop = () => {
    current?.abort();
    unsubscribe();
  };
  const unsubscribe = host.onNavigate(onPage);
  onPage(host.href());
}
