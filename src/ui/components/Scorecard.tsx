// The outcome so far, updating as the scenario plays.
import { Fragment, memo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../i18n/useTranslation';
import { sharedRememberedT } from '../picture/rememberedT';
import { useRestingMetrics } from '../store/useRestingMetrics';
import { scoreFigures } from '../model/scoreFigures';
import { scoreShown } from '../model/scoreShown';
import { accountNames } from '../../i18n/names';
import { mailboxNamer } from '../model/placeName';
import { formatBytes, formatNumber } from '../i18n/format';

function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  return <meter min={0} max={Math.max(1, max)} value={Math.min(value, Math.max(1, max))} aria-label={label} />;
}

type View = NonNullable<ReturnType<typeof useRestingMetrics>>;

export function Scorecard() {
  const t = sharedRememberedT(useTranslation().t);
  const view = useRestingMetrics();
  if (!view) return null;
  return <ScorecardShown view={view} t={t} shown={scoreShown(view.m, view.lang)} />;
}

interface ShownProps {
  readonly view: View;
  readonly t: TFunction;
  /** What it shows of the frame's metrics (scoreShown.ts). */
  readonly shown: string;
}

function ScorecardBody({ view, t }: ShownProps) {
  const { lang, m, name, session } = view;
  // During a provider move over days the new provider's mailbox has a usage line of its own, named as such.
  const account = mailboxNamer(t, accountNames(session.scenario.world));
  const f = scoreFigures(m);
  const n = (v: number, d = 0) => formatNumber(v, lang, d);
  return (
    <section className="panel scorecard" aria-labelledby="score-heading">
      <h2 id="score-heading">{t('ui.score.heading')}</h2>
      <dl className="figures">
        <div className={f.lost ? 'bad' : ''}>
          <dt>{t('ui.score.lost')}</dt>
          <dd data-testid="score-lost" data-value={f.lost}>{n(f.lost)}</dd>
        </div>
        <div className={f.bounced ? 'bad' : ''}>
          <dt>{t('ui.score.bounced')}</dt>
          <dd data-testid="score-bounced" data-value={f.bounced}>{n(f.bounced)}</dd>
        </div>
        <div>
          <dt>{t('ui.score.deleted')}</dt>
          <dd data-testid="score-deleted" data-value={f.deleted}>{n(f.deleted)}</dd>
        </div>
        {f.queued > 0 && (
          <div>
            <dt>{t('ui.score.queued')}</dt>
            <dd data-testid="score-queued" data-value={f.queued}>{n(f.queued)}</dd>
          </div>
        )}
        <div className="wide">
          <dt>{t('ui.score.copies')}</dt>
          <dd data-testid="score-copies" data-min={f.copies?.min} data-max={f.copies?.max}>
            {f.copies ? t('ui.score.copiesValue', { min: n(f.copies.min), max: n(f.copies.max), avg: n(f.copies.avg, 1) }) : t('ui.score.copiesNone')}
          </dd>
        </div>
        <div className="wide">
          <dt>{t('ui.score.exposure')}</dt>
          <dd data-testid="score-exposure" data-value={f.exposure}>{t('ui.score.exposureValue', { count: f.exposure })}</dd>
        </div>
      </dl>
      <h3>{t('ui.score.usage')}</h3>
      <ul className="bars">
        {m.usage.map((u) => {
          const quota = u.quotaBytes ?? null;
          const text = quota !== null ? t('ui.score.usageQuota', { used: formatBytes(u.bytes, lang), quota: formatBytes(quota, lang) }) : t('ui.score.usageNoQuota', { used: formatBytes(u.bytes, lang) });
          return (
            <li key={u.account} data-testid={`usage-${u.account}`} data-bytes={u.bytes} data-messages={u.messages}>
              <span className="who">{breakAfterAt(account(u.account))}</span>
              {quota !== null && <Meter value={u.bytes} max={quota} label={`${account(u.account)}: ${text}`} />}
              <span className="val">
                {text} · {t('ui.score.messages', { count: u.messages })}
              </span>
            </li>
          );
        })}
      </ul>
      {m.views.length > 0 && (
        <>
          <h3>{t('ui.score.views')}</h3>
          <ul className="bars">
            {m.views.map((v) => (
              <li key={v.device} data-testid={`view-${v.device}`} data-shows={v.shows} data-of={v.of}>
                <span className="who">{name(v.device)}</span>
                <Meter value={v.shows} max={v.of} label={`${name(v.device)}: ${t('ui.score.viewsValue', { shows: n(v.shows), of: n(v.of) })}`} />
                <span className="val">{t('ui.score.viewsValue', { shows: n(v.shows), of: n(v.of) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {m.syncs.length > 0 && (
        <>
          <h3>{t('ui.score.syncs')}</h3>
          <ul className="bars">
            {m.syncs.map((s) => (
              <li key={s.device}>
                <span className="who">{name(s.device)}</span>
                <span className="val">{t('ui.score.syncValue', { size: formatBytes(s.bytes, lang), seconds: n(s.seconds, 1) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * Drawn again only when what it shows differs, or its words, language or scenario do:
 * while a big mailbox plays, most changes leave every figure as it was.
 */
export const ScorecardShown = memo(ScorecardBody, (a, b) => a.shown === b.shown && a.t === b.t && a.view.lang === b.view.lang && a.view.session === b.view.session);

/** An address may wrap after its "@" and its dots rather than inside a word. */
function breakAfterAt(address: string) {
  const parts = address.split(/(?<=[@.])/);
  return parts.map((p, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {p}
    </Fragment>
  ));
}
