import type { ComponentChildren } from 'preact';

/**
 * A wide table's own horizontal scroller (the page itself never scrolls sideways). Focusable,
 * because a keyboard user must be able to scroll it, and named by the table's caption.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section class="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
