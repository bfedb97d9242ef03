import type { Translate } from '@/lib/i18n';

export interface AboutCardProps {
  t: Translate;
}

export function AboutCard({ t }: AboutCardProps) {
  return (
    <section aria-labelledby="about-title">
      <h1 id="about-title">{t('popup.other.title')}</h1>
      <p data-testid="about-body">{t('popup.other.body')}</p>
      <p class="privacy">{t('popup.other.privacy')}</p>
    </section>
  );
}
