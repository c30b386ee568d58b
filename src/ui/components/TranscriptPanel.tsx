// The protocol conversation of the current step, the current change's lines
// highlighted, every command explained on hover and focus.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../i18n/useTranslation';
import { sharedRememberedT } from '../picture/rememberedT';
import type { ProtocolLine, Timeline } from '../../sim';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { useRestingFrame } from '../store/useRestingFrame';
import { sessionOf } from '../model/session';
import { accountNames, deviceNames } from '../../i18n/names';
import { mailboxNamer } from '../model/placeName';
import type { LineProtocol } from '../transcript/explain';
import { ExplainedLines, type ExplainedLine } from '../transcript/frameLines';
import { stepOrdinalAt, stepMarks } from '../store/commands';

const MAX_LINES = 120;
/**
 * The window of lines starts at a whole block of this many changes, counted
 * from the step's start. While a long step plays the window then moves once
 * every BLOCK changes; in between, lines are only added at the end and the
 * lines shown keep their places. Moved up by a few lines at every change, every
 * line of the list had to be painted again (the list is a scroller, all of it
 * is painted): on a 4× throttled laptop that was as much as the picture's paint.
 */
const BLOCK = 8;

/** The first change whose lines are shown: the window of at least MAX_LINES lines (or the whole step so far), begun at a block's start. */
export function windowStart(linesOf: (frame: number) => number, from: number, frameIndex: number, block = BLOCK): number {
  let count = 0;
  let first = frameIndex;
  for (let i = frameIndex; i >= from && count < MAX_LINES; i--) {
    count += linesOf(i);
    first = i;
  }
  return from + Math.floor((first - from) / block) * block;
}

interface Shown extends ExplainedLine {
  readonly current: boolean;
  readonly n: number;
}

/** One line of the conversation. Memoised: when playback moves on, the lines already shown keep their nodes and are not rendered again. */
const Line = memo(function Line({ dir, text, current, explainedBy, t, onExplain }: { dir: ProtocolLine['dir']; text: string; current: boolean; explainedBy: string | null; t: TFunction; onExplain: (key: string) => void }) {
  const explanation = explainedBy ? t(`ui.cmd.${explainedBy}`) : null;
  return (
    <li
      className={`line dir-${dir}${current ? ' current' : ''}`}
      tabIndex={explanation ? 0 : undefined}
      title={explanation ?? undefined}
      onMouseEnter={() => explainedBy && onExplain(explainedBy)}
      onFocus={() => explainedBy && onExplain(explainedBy)}
      data-current={current ? '1' : undefined}
    >
      <span className="who">{dir === 'C' ? t('ui.transcript.client') : t('ui.transcript.server')}</span>
      <code>{text}</code>
      {explanation && <span className="sr-only"> — {explanation}</span>}
    </li>
  );
});

function explainedLinesOf(timeline: Timeline): ExplainedLines {
  const session = sessionOf(timeline);
  return new ExplainedLines(timeline, (id) => (session?.index.sessions.get(id)?.protocol ?? 'IMAP') as LineProtocol);
}

/** The lines shown at `frameIndex`: the current change's marked, while playing a window that starts at a block (see windowStart). */
function windowLines(explained: ExplainedLines, frameIndex: number, playing: boolean): Shown[] {
  const marks = stepMarks(playerStore.get());
  const ord = stepOrdinalAt(marks, frameIndex);
  const from = ord >= 0 ? marks[ord] : 0;
  // Walked back from the current change, so a step with thousands of changes costs no more than MAX_LINES and a block.
  const start = windowStart((i) => explained.at(i).length, from, frameIndex, playing ? BLOCK : 1);
  const chunks: Shown[][] = [];
  let count = 0;
  for (let i = frameIndex; i >= start && count <= 2 * MAX_LINES; i--) {
    const ls = explained.at(i);
    chunks.push(ls.map((l, k) => ({ ...l, current: i === frameIndex, n: i * 10_000 + k })));
    count += ls.length;
  }
  const shown = chunks.reverse().flat();
  // At rest, and when a block of changes is unusually talkative, the newest MAX_LINES lines.
  return !playing || shown.length > 2 * MAX_LINES ? shown.slice(-MAX_LINES) : shown;
}

export function TranscriptPanel() {
  const t = sharedRememberedT(useTranslation().t);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const lang = useSelector(playerStore, (s) => s.lang);
  const frameIndex = useRestingFrame(500);
  // At rest the window is the newest MAX_LINES lines exactly; only while playing does it move in blocks.
  const playing = useSelector(playerStore, (s) => s.playing);
  // The key, not the text: the explanation follows a language switch.
  const [explained, setExplained] = useState<string | null>(null);
  const onExplain = useCallback((key: string) => setExplained(key), []);
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the newest line in view, in the animation frame after the lines changed: by then the browser
  // lays the page out anyway, so setting the scroll position costs no layout of its own (read in a
  // task right after the commit, it forced a layout of the whole page on every change while playing).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const el = listRef.current;
      if (el) el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [frameIndex, timeline, playing]);
  // Each change's lines and their explanations are made once for the timeline shown, and the window once per change shown.
  const explainedLines = useMemo(() => (timeline ? explainedLinesOf(timeline) : null), [timeline]);
  const lines = useMemo(() => (explainedLines ? windowLines(explainedLines, frameIndex, playing) : []), [explainedLines, frameIndex, playing]);
  if (!timeline) return null;
  const session = sessionOf(timeline);
  // One flat list, each item keyed by its line: React keeps the nodes of lines still shown
  // (a list of [header, line] pairs was keyed by position, and every line was made anew when the window moved).
  const items: ReactElement[] = [];
  const clientName = session ? deviceNames(session.scenario.world, lang) : (id: string) => id;
  const accountName = session ? mailboxNamer(t, accountNames(session.scenario.world)) : (id: string) => id;
  lines.forEach((l, i) => {
    const info = session?.index.sessions.get(l.session);
    if ((i === 0 || lines[i - 1].session !== l.session) && info)
      items.push(
        <li key={`h${l.n}`} className="session">
          {t('ui.transcript.session', { protocol: info.protocol, client: clientName(info.client), account: accountName(info.account), port: info.port, tls: info.tls ? t('ui.transcript.tls') : '' })}
        </li>,
      );
    items.push(<Line key={l.n} dir={l.dir} text={l.text} current={l.current} explainedBy={l.explainedBy} t={t} onExplain={onExplain} />);
  });
  return (
    <section className="panel transcript" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">{t('ui.transcript.heading')}</h2>
      {lines.length === 0 ? (
        <p className="empty">{t('ui.transcript.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('ui.transcript.hint')}</p>
          <ol className="lines" data-testid="transcript" ref={listRef} tabIndex={0} aria-label={t('ui.transcript.heading')}>
            {items}
          </ol>
          <p className="explain" aria-hidden="true" data-testid="explain">
            {explained ? t(`ui.cmd.${explained}`) : '\u00a0'}
          </p>
        </>
      )}
    </section>
  );
}
