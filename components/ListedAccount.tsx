import { useCallback, useMemo, useState } from 'preact/hooks';
import { compareAccountOnScreen } from '@/lib/compare/account';
import { loadObservations } from '@/lib/history/store';
import type { Lang, Translate } from '@/lib/i18n';
import type { PopupData } from '@/lib/popup/popup-data';
import type { PopupModel } from '@/lib/popup/popup-model';
import { type CohortChoice, cohortPreference } from '@/lib/settings/preferences';
import { AccountHeader } from './AccountHeader';
import { CohortChart } from './CohortChart';
import { ExportMenu } from './ExportMenu';
import { FlagsList } from './FlagsList';
import { Headline } from './Headline';
import { HistoryControls } from './HistoryControls';
import { LiveFigure } from './LiveFigure';
import { MethodNote } from './MethodNote';
import { ParticipationCard } from './ParticipationCard';
import { PresenceTable } from './PresenceTable';
import { RefreshGroup } from './RefreshGroup';
import { SourcesList } from './SourcesList';
import { StudyCard } from './StudyCard';

export interface ListedAccountProps {
  model: Extract<PopupModel, { kind: 'listed' }>;
  data: PopupData;
  lang: Lang;
  t: Translate;
}

/** The popup for a listed account: who it is, then how it stands against its group, and why. */
export function ListedAccount({ model, data, lang, t }: ListedAccountProps) {
  const dataset = data.index.dataset;
  const [cohort, setCohort] = useState<CohortChoice>(data.cohort);
  const [perInhabitant, setPerInhabitant] = useState(false);
  // A group refresh adds figures while the popup is open: the comparison redraws with them.
  const [observations, setObservations] = useState(data.observations);
  const reloadObservations = useCallback(() => {
    void loadObservations().then((loaded) => setObservations(loaded.entries));
  }, []);
  const comparison = useMemo(
    () =>
      compareAccountOnScreen({
        dataset,
        entityId: model.entity.id,
        account: model.account,
        reading: model.reading,
        readAt: model.readAt,
        observations,
        cohort,
        now: data.now,
      }),
    [dataset, model, data, cohort, observations],
  );
  const chooseCohort = (choice: CohortChoice) => {
    setCohort(choice);
    // The badge follows the same choice (the background watches it).
    void cohortPreference.setValue(choice);
  };
  return (
    <>
      <AccountHeader model={model} dataset={dataset} lang={lang} t={t} />
      <LiveFigure model={model} comparison={comparison} dataset={dataset} lang={lang} t={t} />
      {comparison && (
        <>
          <Headline comparison={comparison} lang={lang} t={t} />
          <CohortChart
            comparison={comparison}
            lang={lang}
            t={t}
            cohort={cohort}
            onCohort={chooseCohort}
            perInhabitant={perInhabitant}
            onPerInhabitant={setPerInhabitant}
          />
          <RefreshGroup
            comparison={comparison}
            index={data.index}
            cohort={cohort}
            lang={lang}
            t={t}
            onFigures={reloadObservations}
          />
          <FlagsList comparison={comparison} lang={lang} t={t} />
          <PresenceTable comparison={comparison} lang={lang} t={t} />
          {comparison.participation && <ParticipationCard participation={comparison.participation} t={t} />}
          <StudyCard comparison={comparison} lang={lang} t={t} />
          <SourcesList comparison={comparison} dataset={dataset} lang={lang} t={t} />
          <ExportMenu
            comparison={comparison}
            dataset={dataset}
            perInhabitant={perInhabitant && comparison.perInhabitant !== null}
            lang={lang}
            t={t}
            now={data.now}
          />
          <MethodNote comparison={comparison} lang={lang} t={t} />
        </>
      )}
      <HistoryControls count={observations.length} skipped={data.skippedObservations} t={t} />
    </>
  );
}
