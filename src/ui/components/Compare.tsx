// Two variants side by side, played in step, with the difference in outcome.
import { useEffect, useMemo } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { appStore } from '../store/appStore';
import { createStore } from '../store/store';
import { initialPlayerState, type PlayerState } from '../store/playerState';
import { useSelector } from '../store/useStore';
import { playScenario, sessionOf } from '../model/session';
import { matchingFrame, outcomeDifferences, type Difference } from '../model/compareOutcome';
import { Picture } from '../picture/Picture';
import { formatBytes, formatNumber } from '../i18n/format';
import { deviceNamer } from '../picture/pictureModel';
import type { TFunction } from 'i18next';
import type { Lang } from '../store/playerState';
import type { Scenario } from '../../sim';

function describe(d: Difference, t: TFunction, lang: Lang, name: (id: string) => string): string {
  const n = (v: number) => formatNumber(v, lang);
  switch (d.what) {
    case 'usage':
      return `${d.account}: ${t('ui.compare.usage', { a: formatBytes(d.a, lang), b: formatBytes(d.b, lang) })}`;
    case 'views':
      return t('ui.compare.views', { device: name(d.device), a: `${n(d.a)}/${n(d.ofA)}`, b: `${n(d.b)}/${n(d.ofB)}` });
    default:
      return t(`ui.compare.${d.what}`, { a: n(d.a), b: n(d.b) });
  }
}

/** Instead of a variant: another scenario to play beside the open one (the sandbox's original). */
export interface CompareAgainst {
  readonly scenario: Scenario;
  readonly title: string;
  readonly ownTitle: string;
  readonly onClose: () => void;
}

export function Compare({ against }: { against?: CompareAgainst } = {}) {
  const { t } = useTranslation();
  const loaded = useSelector(playerStore, (s) => s.loaded);
  const variant = useSelector(playerStore, (s) => s.variant);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const lang = useSelector(playerStore, (s) => s.lang);
  const compare = useSelector(appStore, (a) => a.compare);
  const other = compare === '-' ? null : compare;
  const second = useMemo(() => (against ? playScenario(against.scenario, null) : loaded ? playScenario(loaded.scenario, other) : null), [loaded, other, against]);
  const store = useMemo(() => createStore<PlayerState>({ ...initialPlayerState, timeline: second?.timeline ?? null, loaded }), [second, loaded]);
  useEffect(() => {
    if (!second) return;
    const sync = () => {
      const s = playerStore.get();
      if (!s.timeline) return;
      const f = matchingFrame(s.timeline, second.timeline, s.frame);
      store.set((b) => ({ ...b, timeline: second.timeline, frame: f, phase: s.phase, lang: s.lang, reducedMotion: s.reducedMotion }));
    };
    sync();
    return playerStore.subscribe(sync);
  }, [second, store]);
  if (!loaded || !timeline || !second) return null;
  const first = sessionOf(timeline);
  if (!first) return null;
  const title = (v: string | null) => (v ? loaded.scenario.variants[v]?.title[lang] : t('ui.player.baseVariant')) ?? v ?? '';
  const firstTitle = against ? against.ownTitle : title(variant);
  const secondTitle = against ? against.title : title(other);
  const diffs = outcomeDifferences(first.metrics(timeline.frames[timeline.frames.length - 1]), second.metrics(second.timeline.frames[second.timeline.frames.length - 1]));
  const name = deviceNamer(loaded.scenario, lang);
  return (
    <div className="compare" data-testid="compare-view">
      <div className="outcome" role="note">
        <h3>{t('ui.compare.heading')}</h3>
        {diffs.length === 0 ? (
          <p>{t('ui.compare.same')}</p>
        ) : (
          <>
            <p>
              {t('ui.compare.differs')} <em>{firstTitle}</em> / <em>{secondTitle}</em>
            </p>
            <ul data-testid="compare-diffs">
              {diffs.map((d, i) => (
                <li key={i}>{describe(d, t, lang, name)}</li>
              ))}
            </ul>
          </>
        )}
        <button type="button" onClick={() => (against ? against.onClose() : appStore.set((a) => ({ ...a, compare: null })))}>
          {t('ui.compare.close')}
        </button>
      </div>
      <div className="pair">
        <figure>
          <figcaption>{firstTitle}</figcaption>
          <Picture store={playerStore} label={firstTitle} />
        </figure>
        <figure>
          <figcaption>{secondTitle}</figcaption>
          <Picture store={store} label={secondTitle} />
        </figure>
      </div>
    </div>
  );
}
