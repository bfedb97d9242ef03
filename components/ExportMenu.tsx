import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { ExportActionsProps } from './ExportActions';

/**
 * The Export menu. Its code (the CSV, JSON, Markdown and chart writers) is loaded when the menu is
 * opened, not when the popup opens: most popups are never exported from.
 */
export function ExportMenu(props: ExportActionsProps) {
  const [Actions, setActions] = useState<ComponentType<ExportActionsProps> | null>(null);
  const load = (event: Event) => {
    if (Actions || !(event.currentTarget as HTMLDetailsElement).open) return;
    void import('./ExportActions').then((m) => setActions(() => m.ExportActions));
  };
  return (
    <details class="export" data-testid="export-menu" onToggle={load}>
      <summary>
        <h2>{props.t('popup.export.title')}</h2>
      </summary>
      {Actions && <Actions {...props} />}
    </details>
  );
}
