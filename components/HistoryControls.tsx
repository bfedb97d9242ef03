import { useState } from 'preact/hooks';
import { clearObservations } from '@/lib/history/store';
import type { Translate } from '@/lib/i18n';

export interface HistoryControlsProps {
  count: number;
  skipped: number;
  /** Page reports the background refused this session. */
  dropped?: number;
  t: Translate;
}

/** The readings kept in this browser: how many, and a way to erase them. */
export function HistoryControls({ count, skipped, dropped = 0, t }: HistoryControlsProps) {
  const [cleared, setCleared] = useState(false);
  if (count === 0 && skipped === 0 && dropped === 0) return null;
  return (
    <footer class="history">
      {cleared ? (
        <p class="small" role="status">
          {t('popup.history.cleared')}
        </p>
      ) : (
        <p class="small">
          {t('popup.history.count', { n: count })} {skipped > 0 && t('popup.history.skipped', { n: skipped })}{' '}
          <button
            type="button"
            class="link"
            data-testid="clear-history"
            onClick={() => void clearObservations().then(() => setCleared(true))}
          >
            {t('popup.history.clear')}
          </button>
        </p>
      )}
      {dropped > 0 && (
        <p class="small" data-testid="dropped-reports">
          {t('popup.diagnostics.dropped', { n: dropped })}
        </p>
      )}
    </footer>
  );
}
