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

/** Lines shown at rest: the newest this many, in a list that can be scrolled back. */
const MAX_LINES = 120;
/**
 * Lines shown while playing: the newest this many, more than the view holds (18rem, at most
 * about 14 lines of one row). The view is then not scrolled (see .following in styles.css), so
 * each change lays out and paints only these lines, not the 120 or more of a scrolled list: the
 * list scrolled down at every change was painted again whole, every one of its lines.
 */
export const FOLLOWING_LINES = 24;

/** The first change whose lines are shown: the one where the newest `max` lines are reached (or the step's first). */
export function windowStart(linesOf: (frame: number) => number, from: number, frameIndex: number, max = MAX_LINES): number {
  let count = 0;
  let first = frameIndex;
  for (let i = frameIndex; i >= from && count < max; i--) {
    count += linesOf(i);
    first = i;
  }
  return first;
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

/** The lines shown at `frameIndex`, the current change's marked: the newest MAX_LINES, or FOLLOWING_LINES while playing. */
export function windowLines(explained: Pick<ExplainedLines, 'at'>, from: number, frameIndex: number, playing: boolean): Shown[] {
  const max = playing ? FOLLOWING_LINES : MAX_LINES;
  // Walked back from the current change, so a step with thousands of changes costs no more than `max` lines.
  const start = windowStart((i) => explained.at(i).length, from, frameIndex, max);
  const chunks: Shown[][] = [];
  for (let i = frameIndex; i >= start; i--) chunks.push(explained.at(i).map((l, k) => ({ ...l, current: i === frameIndex, n: i * 10_000 + k })));
  return chunks.reverse().flat().slice(-max);
}

/**
 * The session headers among `lines`: the key of the header drawn before the line at each index.
 * The first run's header is keyed by its session, a later run's by its first line (where that
 * run truly starts): keyed by the window's first line, the top header was made anew at every
 * change while playing (the window's start moves with every change), one more line inserted
 * and styled each time.
 */
export function sessionHeaders(lines: readonly Pick<Shown, 'session' | 'n'>[]): Map<number, string> {
  const heads = new Map<number, string>();
  lines.forEach((l, i) => {
    if (i === 0) heads.set(i, `h:${l.session}`);
    else if (lines[i - 1].session !== l.session) heads.set(i, `h${l.n}`);
  });
  return heads;
}

function stepStart(frameIndex: number): number {
  const marks = stepMarks(playerStore.get());
  const ord = stepOrdinalAt(marks, frameIndex);
  return ord >= 0 ? marks[ord] : 0;
}

export function TranscriptPanel() {
  const t = sharedRememberedT(useTranslation().t);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const lang = useSelector(playerStore, (s) => s.lang);
  const frameIndex = useRestingFrame(500);
  // At rest the newest MAX_LINES lines in a scrolled list; while playing the newest FOLLOWING_LINES, not scrolled.
  const playing = useSelector(playerStore, (s) => s.playing);
  // The key, not the text: the explanation follows a language switch.
  const [explained, setExplained] = useState<string | null>(null);
  const onExplain = useCallback((key: string) => setExplained(key), []);
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the newest line in view, in the animation frame after the lines changed: by then the browser
  // lays the page out anyway, so setting the scroll position costs no layout of its own (read in a
  // task right after the commit, it forced a layout of the whole page on every change while playing).
  // While playing the list is not scrolled at all: its view shows the list's end (see .following in styles.css).
  useEffect(() => {
    if (playing) return;
    const frame = requestAnimationFrame(() => {
      const el = listRef.current;
      if (el) el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [frameIndex, timeline, playing]);
  // Each change's lines and their explanations are made once for the timeline shown, and the window once per change shown.
  const explainedLines = useMemo(() => (timeline ? explainedLinesOf(timeline) : null), [timeline]);
  const lines = useMemo(() => (explainedLines ? windowLines(explainedLines, stepStart(frameIndex), frameIndex, playing) : []), [explainedLines, frameIndex, playing]);
  if (!timeline) return null;
  const session = sessionOf(timeline);
  // One flat list, each item keyed by its line: React keeps the nodes of lines still shown
  // (a list of [header, line] pairs was keyed by position, and every line was made anew when the window moved).
  const items: ReactElement[] = [];
  const clientName = session ? deviceNames(session.scenario.world, lang) : (id: string) => id;
  const accountName = session ? mailboxNamer(t, accountNames(session.scenario.world)) : (id: string) => id;
  const heads = sessionHeaders(lines);
  lines.forEach((l, i) => {
    const info = session?.index.sessions.get(l.session);
    const head = heads.get(i);
    if (head && info)
      items.push(
        <li key={head} className="session">
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
          {/* While playing, the view keeps the list's end in sight without scrolling it (see FOLLOWING_LINES). */}
          <div className={`lines-view${playing ? ' following' : ''}`} data-testid="transcript-view">
            <ol className="lines" data-testid="transcript" ref={listRef} tabIndex={0} aria-label={t('ui.transcript.heading')}>
              {items}
            </ol>
          </div>
          <p className="explain" aria-hidden="true" data-testid="explain">
            {explained ? t(`ui.cmd.${explained}`) : '\u00a0'}
          </p>
        </>
      )}
    </section>
  );
}
