// While the worker simulates: after a moment, say so, how long it has taken,
// and offer to cancel. The page answers input all the while.
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { cancelSimulation, onSimulationProgress, type SimulationProgress as Progress } from './simulateOffThread';

/** Shorter runs finish before anything is shown, so nothing flickers. */
const SHOW_AFTER_MS = 300;

// Making an Intl.NumberFormat costs milliseconds, and this re-renders on every chunk the worker sends:
// one per language, made once.
const percentFormats = new Map<string, Intl.NumberFormat>();
function percentFormat(lang: string): Intl.NumberFormat {
  let f = percentFormats.get(lang);
  if (!f) percentFormats.set(lang, (f = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 })));
  return f;
}

export function SimulationProgress() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [progress, setProgress] = useState<Progress | null>(null);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => onSimulationProgress(setProgress), []);
  useEffect(() => {
    if (!progress) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [progress]);
  if (!progress || now - progress.since < SHOW_AFTER_MS) return null;
  const seconds = Math.floor((now - progress.since) / 1000);
  const percent = percentFormat(lang).format(progress.fraction);
  return (
    <div className="simulation-progress" role="status" data-testid="simulation-progress" data-fraction={progress.fraction}>
      <progress max={1} value={progress.fraction} aria-label={t('ui.safety.simulating')} />
      <span>
        {seconds >= 1 ? t('ui.safety.simulatingFor', { count: seconds }) : t('ui.safety.simulating')} {t('ui.safety.percentDone', { percent })}
      </span>
      <button type="button" onClick={cancelSimulation} data-testid="simulation-cancel">
        {t('ui.safety.cancel')}
      </button>
    </div>
  );
}
