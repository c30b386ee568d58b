// The current timeline's step marks with their names, in the current language.
import { useMemo } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { stepMarks } from '../store/commands';
import { sessionOf } from '../model/session';
import { folderNamer } from '../model/placeName';
import { deviceNamer } from '../picture/pictureModel';
import { markNames, stepName } from './stepNames';

export interface NamedMarks {
  readonly marks: readonly number[];
  readonly names: readonly string[];
}

export function useStepNames(): NamedMarks {
  const { t } = useTranslation();
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const lang = useSelector(playerStore, (s) => s.lang);
  return useMemo(() => {
    const session = timeline ? sessionOf(timeline) : undefined;
    if (!timeline || !session) return { marks: [], names: [] };
    const marks = stepMarks({ ...playerStore.get(), timeline });
    const device = deviceNamer(session.scenario, lang);
    const label = (id: string) => session.index.styles.get(id)?.label ?? id;
    return { marks, names: markNames(timeline, session.scenario, marks, (step) => stepName(step, t, device, label, folderNamer(session.scenario, lang))) };
  }, [timeline, lang, t]);
}
