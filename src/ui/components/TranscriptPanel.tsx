// The protocol conversation of the current step, the current change's lines
// highlighted, every command explained on hover and focus.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { frameLines, type ProtocolLine } from '../../sim';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { useRestingFrame } from '../store/useRestingFrame';
import { sessionOf } from '../model/session';
import { accountNames, deviceNames } from '../../i18n/names';
import { mailboxNamer } from '../model/placeName';
import { explainKey, type LineProtocol } from '../transcript/explain';
import { stepOrdinalAt, stepMarks } from '../store/commands';

const MAX_LINES = 120;

interface Shown extends ProtocolLine {
  readonly current: boolean;
  readonly n: number;
}

export function TranscriptPanel() {
  const { t } = useTranslation();
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const lang = useSelector(playerStore, (s) => s.lang);
  const frameIndex = useRestingFrame(500);
  // The key, not the text: the explanation follows a language switch.
  const [explained, setExplained] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the newest exchange in view.
  // Keep the newest line in view. Reading scrollHeight right after the commit forced a layout of the
  // whole page on every frame while playing (the largest cost in a 4× CPU-throttled profile); a moment
  // later, after the frame is painted, the layout is already done and the read costs nothing.
  useEffect(() => {
    const timer = setTimeout(() => {
      const el = listRef.current;
      if (el) el.scrollTop = el.scrollHeight;
    }, 0);
    return () => clearTimeout(timer);
  }, [frameIndex, timeline]);
  if (!timeline) return null;
  const session = sessionOf(timeline);
  const marks = stepMarks(playerStore.get());
  const ord = stepOrdinalAt(marks, frameIndex);
  const from = ord >= 0 ? marks[ord] : 0;
  // Walk back from the current change, so a step with thousands of changes costs no more than MAX_LINES.
  const chunks: Shown[][] = [];
  let count = 0;
  for (let i = frameIndex; i >= from && count < MAX_LINES; i--) {
    const ls = frameLines(timeline.frames[i]);
    chunks.push(ls.map((l, k) => ({ ...l, current: i === frameIndex, n: i * 10_000 + k })));
    count += ls.length;
  }
  const lines = chunks.reverse().flat().slice(-MAX_LINES);
  const protocolOf = (id: string): LineProtocol => (session?.index.sessions.get(id)?.protocol ?? 'IMAP') as LineProtocol;
  return (
    <section className="panel transcript" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">{t('ui.transcript.heading')}</h2>
      {lines.length === 0 ? (
        <p className="empty">{t('ui.transcript.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('ui.transcript.hint')}</p>
          <ol className="lines" data-testid="transcript" ref={listRef} tabIndex={0} aria-label={t('ui.transcript.heading')}>
            {lines.map((l, i) => {
              const info = session?.index.sessions.get(l.session);
              const header =
                (i === 0 || lines[i - 1].session !== l.session) && info ? (
                  <li key={`h${l.n}`} className="session">
                    {t('ui.transcript.session', { protocol: info.protocol, client: session ? deviceNames(session.scenario.world, lang)(info.client) : info.client, account: session ? mailboxNamer(t, accountNames(session.scenario.world))(info.account) : info.account, port: info.port, tls: info.tls ? t('ui.transcript.tls') : '' })}
                  </li>
                ) : null;
              const key = explainKey(protocolOf(l.session), l.dir, l.text);
              const explanation = key ? t(`ui.cmd.${key}`) : null;
              return [
                header,
                <li
                  key={l.n}
                  className={`line dir-${l.dir}${l.current ? ' current' : ''}`}
                  tabIndex={explanation ? 0 : undefined}
                  title={explanation ?? undefined}
                  onMouseEnter={() => key && setExplained(key)}
                  onFocus={() => key && setExplained(key)}
                  data-current={l.current ? '1' : undefined}
                >
                  <span className="who">{l.dir === 'C' ? t('ui.transcript.client') : t('ui.transcript.server')}</span>
                  <code>{l.text}</code>
                  {explanation && <span className="sr-only"> — {explanation}</span>}
                </li>,
              ];
            })}
          </ol>
          <p className="explain" aria-hidden="true" data-testid="explain">
            {explained ? t(`ui.cmd.${explained}`) : '\u00a0'}
          </p>
        </>
      )}
    </section>
  );
}
