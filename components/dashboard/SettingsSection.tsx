import { useState } from 'preact/hooks';
import type { DashboardSettings } from '@/lib/dashboard/load';
import { pruneStoredObservations } from '@/lib/history/store';
import type { Lang, Translate } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import {
  type Bounds,
  badgePreference,
  HISTORY_LIMIT,
  historyLimitPreference,
  LANGUAGE_CHOICES,
  type LanguageChoice,
  languagePreference,
  REFRESH_DELAY,
  refreshDelaySeconds,
} from '@/lib/settings/settings';

export interface SettingsSectionProps {
  settings: DashboardSettings;
  lang: Lang;
  t: Translate;
  onChange?: (settings: DashboardSettings) => void;
}

/** Parses what the user typed: a number within bounds, or undefined (and nothing is saved). */
export function parseSetting(text: string, bounds: Bounds): number | undefined {
  // Accept the decimal comma French users type, and spaces between thousands.
  const n = Number(text.replace(/\s/g, '').replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n) || n < bounds.min || n > bounds.max) return undefined;
  return n;
}

/** Interface language, badge, history size, refresh delay: each saved as soon as it changes. */
export function SettingsSection({ settings, lang, t, onChange }: SettingsSectionProps) {
  const [current, setCurrent] = useState(settings);
  const [status, setStatus] = useState('');
  const save = async (next: DashboardSettings, message: string) => {
    setCurrent(next);
    onChange?.(next);
    setStatus(message);
  };
  return (
    <section id="settings" aria-labelledby="settings-heading" class="dash-section settings">
      <h2 id="settings-heading">{t('dash.settings.title')}</h2>
      <fieldset>
        <legend>{t('dash.settings.language')}</legend>
        {LANGUAGE_CHOICES.map((choice: LanguageChoice) => (
          <label key={choice} class="choice">
            <input
              type="radio"
              name="language"
              value={choice}
              checked={current.language === choice}
              data-testid={`language-${choice}`}
              onChange={async () => {
                await languagePreference.setValue(choice);
                void save({ ...current, language: choice }, t('dash.settings.saved'));
              }}
            />{' '}
            {t(`dash.settings.language.${choice}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('dash.settings.badge.legend')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={current.badge}
            data-testid="badge-toggle"
            onChange={async (e) => {
              const on = (e.target as HTMLInputElement).checked;
              await badgePreference.setValue(on);
              void save({ ...current, badge: on }, on ? t('dash.settings.badge.on') : t('dash.settings.badge.off'));
            }}
          />{' '}
          {t('dash.settings.badge')}
        </label>
      </fieldset>
      <NumberSetting
        id="history-limit"
        label={t('dash.settings.historyLimit')}
        help={t('dash.settings.historyLimit.help', {
          min: formatNumber(HISTORY_LIMIT.min, lang),
          max: formatNumber(HISTORY_LIMIT.max, lang),
          default: formatNumber(HISTORY_LIMIT.default, lang),
        })}
        value={current.historyLimit}
        bounds={HISTORY_LIMIT}
        lang={lang}
        t={t}
        onSave={async (n) => {
          const limit = Math.round(n);
          await historyLimitPreference.setValue(limit);
          const dropped = await pruneStoredObservations(limit);
          void save(
            { ...current, historyLimit: limit },
            dropped > 0 ? t('dash.settings.historyLimit.pruned', { n: dropped }) : t('dash.settings.saved'),
          );
        }}
      />
      <NumberSetting
        id="refresh-delay"
        label={t('dash.settings.refreshDelay')}
        help={t('dash.settings.refreshDelay.help', {
          min: formatNumber(REFRESH_DELAY.min, lang, 1),
          max: formatNumber(REFRESH_DELAY.max, lang, 1),
          default: formatNumber(REFRESH_DELAY.default, lang, 1),
        })}
        value={current.refreshDelay}
        bounds={REFRESH_DELAY}
        lang={lang}
        t={t}
        onSave={async (n) => {
          await refreshDelaySeconds.setValue(n);
          void save({ ...current, refreshDelay: n }, t('dash.settings.saved'));
        }}
      />
      <p class="small" role="status" data-testid="settings-status">
        {status}
      </p>
    </section>
  );
}

interface NumberSettingProps {
  id: string;
  label: string;
  help: string;
  value: number;
  bounds: Bounds;
  lang: Lang;
  t: Translate;
  onSave: (value: number) => Promise<void>;
}

function NumberSetting({ id, label, help, value, bounds, lang, t, onSave }: NumberSettingProps) {
  const [text, setText] = useState(formatNumber(value, lang, 1).replace(/\s/g, ''));
  const [error, setError] = useState('');
  const commit = async () => {
    const n = parseSetting(text, bounds);
    if (n === undefined) {
      // Nothing is saved; the stored value stays what it was.
      setError(
        t('dash.settings.outOfBounds', {
          min: formatNumber(bounds.min, lang, 1),
          max: formatNumber(bounds.max, lang, 1),
          value: formatNumber(value, lang, 1),
        }),
      );
      return;
    }
    setError('');
    if (n !== value) await onSave(n);
  };
  return (
    <div class="number-setting">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        size={6}
        value={text}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        data-testid={id}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        onChange={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
        }}
      />
      <p id={`${id}-help`} class="small">
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
