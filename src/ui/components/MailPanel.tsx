// One mail: where its copies are now, and everything that happened to it.
import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { sharedRememberedT } from '../picture/rememberedT';
import { playerStore, send } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { useRestingFrame } from '../store/useRestingFrame';
import { seek } from '../store/commands';
import { sessionOf } from '../model/session';
import { placeName } from '../model/placeName';
import { timeText } from '../picture/pictureModel';
import { formatBytes } from '../i18n/format';
import { narrate, playerNames } from '../model/narrationText';

export function MailPanel() {
  const t = sharedRememberedT(useTranslation().t);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const frameIndex = useRestingFrame();
  const mail = useSelector(playerStore, (s) => s.selectedMail);
  const lang = useSelector(playerStore, (s) => s.lang);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (mail) headingRef.current?.focus();
  }, [mail]);
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!timeline || !session || !mail) return null;
  const info = session.index.mails.get(mail);
  const style = session.index.styles.get(mail);
  const frame = timeline.frames[frameIndex];
  const where = session.metrics(frame).mails.find((w) => w.mail === mail);
  const names = playerNames(session.scenario, session.index, lang);
  const name = names.device;
  // One line per change: a change that touches several copies of the mail is told once.
  const seen = new Set<string>();
  const history = session
    .history(mail)
    .filter((h) => h.frame <= frameIndex)
    .map((h) => ({ ...h, text: h.narration ? narrate(h.narration, t, lang, names, h.kind) : h.kind }))
    .filter((h) => {
      const key = `${h.frame}|${h.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const close = () => playerStore.set((s) => ({ ...s, selectedMail: null }));
  return (
    <section className="panel mail" aria-labelledby="mail-heading" data-testid="mail-panel">
      <h2 id="mail-heading" tabIndex={-1} ref={headingRef}>
        <span className="swatch" style={{ background: style?.fill, color: style?.text }} aria-hidden="true">
          {style?.label}
        </span>{' '}
        {t('ui.mail.heading', { label: style?.label ?? mail })}
      </h2>
      <button type="button" className="close" onClick={close} aria-label={t('ui.mail.close')}>
        ×
      </button>
      {info && (
        <dl className="facts">
          <dt>{t('ui.mail.subject')}</dt>
          <dd data-testid="mail-subject">{names.mail(mail)?.subject ?? info.subject}</dd>
          <dt>{t('ui.mail.from')}</dt>
          <dd>{info.from}</dd>
          <dt>{t('ui.mail.to')}</dt>
          <dd>{info.to.map(names.account).join(', ')}</dd>
          <dt>{t('ui.mail.size')}</dt>
          <dd>{formatBytes(info.sizeBytes, lang)}</dd>
          <dt>{t('ui.mail.status')}</dt>
          <dd>{where ? t(`ui.status.${where.status}`) : '—'}</dd>
        </dl>
      )}
      <h3>{t('ui.mail.whereNow')}</h3>
      {where && where.places.length ? (
        <ul className="where" data-testid="mail-where">
          {where.places.map((p) => (
            <li key={p.place} data-place={p.place}>
              {placeName(p.place, t, name, names.account, names.folder)} {p.copies > 1 ? `× ${p.copies}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ui.mail.nowhere')}</p>
      )}
      <h3>{t('ui.mail.history')}</h3>
      {history.length ? (
        <ol className="history" data-testid="mail-history">
          {history.map((h, i) => (
            <li key={i}>
              <button type="button" className="link" onClick={() => send(seek, h.frame)} title={t('ui.mail.goTo')}>
                {timeText(h.time, lang, t)}
              </button>{' '}
              {h.text}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('ui.mail.noHistory')}</p>
      )}
    </section>
  );
}
