// Two or three variants side by side, played in step: the outcome figures that
// differ, every mail whose fate differs (highlighted in every pane and listed),
// and, for a mail clicked in any pane, where it is in each. The other panes are
// simulated in workers of their own (the player's worker keeps serving the player).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { appStore } from '../store/appStore';
import { createStore, type Store } from '../store/store';
import { initialPlayerState, type PlayerState } from '../store/playerState';
import { useSelector } from '../store/useStore';
import { sessionFor, sessionOf, type PlaySession } from '../model/session';
import { timelineBuilder } from '../worker/timelineTransport';
import type { SimulateReply, SimulateRequest } from '../worker/protocol';
import type { TimelineIndex } from '../model/timelineIndex';
import { budgetProblemLines } from '../worker/budgetText';
import type { WorldState } from '../../sim';
import { ALL_IMAP, differingMails, fateOf, matchingFrame, outcomeDifferences, withImapCounterpart, type Difference, type MailFate } from '../model/compareOutcome';
import { Picture } from '../picture/Picture';
import { formatBytes, formatNumber } from '../i18n/format';
import { deviceNamer } from '../picture/pictureModel';
import { mailSubject } from '../model/placeName';
import type { TFunction } from 'i18next';
import type { Lang } from '../store/playerState';
import type { Scenario } from '../../sim';
import './compare.css';

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

/** "only on the laptop", "on the server, the phone and the laptop", "lost". */
export function fateText(f: MailFate, t: TFunction, lang: Lang, name: (id: string) => string): string {
  if (f.status === 'absent') return t('ui.publish.compare.absent');
  if (f.status === 'lost') return t('ui.publish.compare.lost');
  if (f.status === 'bounced') return t('ui.publish.compare.bounced');
  if (f.regions.length === 0) return t('ui.publish.compare.nowhere');
  const names = f.regions.map((r) => {
    const [kind, id] = r.split('/');
    if (kind === 'server') return t('ui.publish.compare.server');
    if (kind === 'device') return t('ui.publish.compare.device', { device: name(id) });
    if (kind === 'backup') return id === 'server' ? t('ui.publish.compare.serverBackup') : t('ui.publish.compare.deviceBackup', { device: name(id) });
    if (kind === 'intruder') return t('ui.publish.compare.intruder');
    if (kind === 'queue') return t('ui.publish.compare.queue');
    return t('ui.publish.compare.elsewhere');
  });
  const list = new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
  return t(names.length === 1 ? 'ui.publish.compare.only' : 'ui.publish.compare.on', { places: list });
}

interface Pane {
  readonly key: string | null;
  readonly session: PlaySession;
  readonly store: Store<PlayerState>;
}

/** Every comparison a scenario offers: its variants, and "every device on IMAP" when it has POP3 devices. */
function choicesOf(s: Scenario): string[] {
  return Object.keys(withImapCounterpart(s).variants);
}

type PaneOutcome = { readonly session: PlaySession } | { readonly failed: (t: TFunction, lang: Lang) => string };

/**
 * Simulate one pane in a worker of its own (the simulation worker, spoken to
 * through its protocol), so the page stays free and the player's own worker is
 * neither cancelled nor kept waiting. Ending the signal ends the worker.
 */
function simulatePane(scenario: Scenario, variant: string | null, signal: AbortSignal): Promise<PaneOutcome | null> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../worker/simulation.worker.ts', import.meta.url), { type: 'module', name: 'compare' });
    let builder: ReturnType<typeof timelineBuilder> | null = null;
    // The worker indexes the timeline too; the page takes its index rather than computing it again.
    let index: TimelineIndex | undefined;
    const end = (o: PaneOutcome | null) => {
      worker.terminate();
      resolve(o);
    };
    signal.addEventListener('abort', () => end(null), { once: true });
    worker.onerror = (e) => end({ failed: () => e.message || 'the simulation worker stopped' });
    worker.onmessage = (e: MessageEvent<SimulateReply>) => {
      const r = e.data;
      try {
        if (r.kind === 'refused') end({ failed: (t, lang) => budgetProblemLines(r.verdict, scenario.id, t, lang).join(' ') });
        else if (r.kind === 'failed') end({ failed: () => r.message });
        else if (r.kind === 'header') {
          builder = timelineBuilder(r.header);
          index = r.index;
        }
        else if (r.kind === 'frames') builder!.add(r.frames, new Map<number, WorldState>(r.snapshots));
        else if (r.kind === 'done') end({ session: sessionFor(scenario, variant, builder!.finish(), index) });
      } catch (err) {
        end({ failed: () => (err instanceof Error ? err.message : String(err)) });
      }
    };
    worker.postMessage({ id: 1, scenario, variant } satisfies SimulateRequest);
  });
}

function usePane(scenario: Scenario | null, key: string | null | undefined): Pane | Extract<PaneOutcome, { failed: unknown }> | null {
  const [done, setDone] = useState<{ scenario: Scenario; key: string | null; outcome: PaneOutcome } | null>(null);
  useEffect(() => {
    if (!scenario || key === undefined) return;
    const stop = new AbortController();
    const s = withImapCounterpart(scenario);
    void simulatePane(s, key && s.variants[key] ? key : null, stop.signal).then((outcome) => outcome && setDone({ scenario, key, outcome }));
    return () => stop.abort();
  }, [scenario, key]);
  const outcome = done && done.scenario === scenario && done.key === key ? done.outcome : null;
  const session = outcome && 'session' in outcome ? outcome.session : null;
  const store = useMemo(() => createStore<PlayerState>({ ...initialPlayerState, timeline: session?.timeline ?? null }), [session]);
  if (outcome && 'failed' in outcome) return outcome;
  return session ? { key: key ?? null, session, store } : null;
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
  const selected = useSelector(playerStore, (s) => s.selectedMail);
  const compare = useSelector(appStore, (a) => a.compare);
  const [third, setThird] = useState<string | null | undefined>(undefined);
  const scenario = loaded?.scenario ?? null;
  const secondPane = usePane(against ? against.scenario : scenario, against ? null : compare === '-' ? null : compare);
  const thirdPane = usePane(scenario, third);
  const first = timeline ? sessionOf(timeline) : undefined;
  const second = secondPane && 'session' in secondPane ? secondPane : null;
  const third3 = thirdPane && 'session' in thirdPane ? thirdPane : null;
  const others = useMemo(() => [second, third3].filter((p): p is Pane => p !== null), [second, third3]);
  // Three panes need the page's width: the side column moves below (compare.css). Marked on the
  // grid by a class rather than a :has() rule, which the browser re-checked at every DOM change
  // while playing (hundreds of style recalculations per change).
  const threePanes = others.length === 2;
  const markGrid = useCallback(
    (el: HTMLDivElement | null) => {
      const grid = el?.closest('.player-grid');
      if (!grid || !threePanes) return;
      grid.classList.add('three-panes');
      return () => grid.classList.remove('three-panes');
    },
    [threePanes],
  );
  const failed = [secondPane, thirdPane].map((p) => (p && 'failed' in p ? p.failed : null)).find((f) => f !== null) ?? null;

  // Lockstep: every other pane shows the matching moment of the first; a mail chosen in any pane is chosen in all.
  useEffect(() => {
    const sync = () => {
      const s = playerStore.get();
      if (!s.timeline) return;
      // `playing` too: a picture that knows it is playing prepares the next change while idle and skips the at-rest redraw.
      for (const p of others) p.store.set((b) => ({ ...b, timeline: p.session.timeline, frame: matchingFrame(s.timeline!, p.session.timeline, s.frame), phase: s.phase, playing: s.playing, lang: s.lang, reducedMotion: s.reducedMotion, selectedMail: s.selectedMail }));
    };
    sync();
    const offs = [playerStore.subscribe(sync), ...others.map((p) => p.store.subscribe(() => {
      const mail = p.store.get().selectedMail;
      if (mail !== playerStore.get().selectedMail) playerStore.set((s) => ({ ...s, selectedMail: mail, selectedPlace: null }));
    }))];
    return () => offs.forEach((off) => off());
  }, [others]);

  const outcomes = useMemo(() => {
    if (!first) return null;
    const end = (p: PlaySession) => p.metrics(p.timeline.frames[p.timeline.frames.length - 1]);
    return [end(first), ...others.map((p) => end(p.session))];
  }, [first, others]);
  const differing = useMemo(() => (outcomes ? differingMails(outcomes) : []), [outcomes]);

  // Mark the differing mails' tokens in every pane, after each redraw.
  useEffect(() => {
    const set = new Set(differing);
    // A token travelling in the current change is drawn in the overlay over its pane's picture (render.ts).
    const mark = () => {
      for (const node of document.querySelectorAll<SVGGElement & { __data__?: { mail: string } }>('.compare :is(svg.picture-svg, .picture-travel svg) g.token')) {
        const on = !!node.__data__ && set.has(node.__data__.mail);
        if (node.classList.contains('differs') !== on) node.classList.toggle('differs', on);
      }
    };
    // After the pictures have drawn: in the next animation frame, once however many stores changed —
    // and only when a picture was drawn anew (not for each step of a travel, which moves tokens only).
    let pending = 0;
    let drawn = '';
    const schedule = () => {
      const s = playerStore.get();
      const key = `${s.frame}|${s.selectedMail}|${s.lang}|${s.playing}|${s.phase < 1}|${others.map((p) => p.store.get().frame).join(',')}`;
      if (key === drawn) return;
      drawn = key;
      if (!pending) pending = requestAnimationFrame(() => ((pending = 0), mark()));
    };
    schedule();
    const offs = [playerStore.subscribe(schedule), ...others.map((p) => p.store.subscribe(schedule))];
    return () => {
      offs.forEach((off) => off());
      cancelAnimationFrame(pending);
    };
  }, [differing, others]);

  if (!loaded || !timeline || !first || !outcomes) return null;
  if (failed) return <p role="alert" className="compare" data-testid="compare-failed">{t('ui.publish.compare.failed', { reason: failed(t, lang) })}</p>;
  if (!second)
    return (
      <p role="status" className="compare compare-waiting" data-testid="compare-waiting">
        {t('ui.publish.compare.simulating')}
      </p>
    );
  const name = deviceNamer(loaded.scenario, lang);
  const variantTitle = (v: string | null) => (v === ALL_IMAP && !loaded.scenario.variants[ALL_IMAP] ? t('ui.publish.compare.allImap') : v ? loaded.scenario.variants[v]?.title[lang] : t('ui.player.baseVariant')) ?? v ?? '';
  const panes = [{ key: variant, session: first, store: playerStore }, ...others];
  // A fork is compared with its original scenario, not with one of its variants.
  const paneTitle = (i: number) => (against && i < 2 ? (i === 0 ? against.ownTitle : against.title) : variantTitle(panes[i].key));
  const title = variantTitle;
  const diffs = outcomeDifferences(outcomes[0], outcomes[1]);
  const label = (mail: string) => first.index.styles.get(mail)?.label ?? mail;
  const subjectOf = (mail: string) => mailSubject(first.scenario, first.index.mails, mail, lang);
  const choices = choicesOf(loaded.scenario);
  return (
    <div className="compare" data-testid="compare-view" data-panes={panes.length} ref={markGrid}>
      <div className="outcome" role="note">
        <h3>{t('ui.compare.heading')}</h3>
        {diffs.length === 0 && differing.length === 0 ? (
          <p>{t('ui.compare.same')}</p>
        ) : (
          <>
            {diffs.length > 0 && (
              <>
                <p>
                  {t('ui.compare.differs')} <em>{paneTitle(0)}</em> / <em>{paneTitle(1)}</em>
                </p>
                <ul data-testid="compare-diffs">
                  {diffs.map((d, i) => (
                    <li key={i}>{describe(d, t, lang, name)}</li>
                  ))}
                </ul>
              </>
            )}
            {differing.length > 0 && (
              <>
                <p>{t('ui.publish.compare.mailsDiffer', { count: differing.length, panes: panes.map((_, i) => paneTitle(i)).join(' — ') })}</p>
                <ul className="mail-diffs" data-testid="compare-mails">
                  {differing.map((mail) => (
                    <li key={mail} data-mail={mail}>
                      <button type="button" className="link" onClick={() => playerStore.set((s) => ({ ...s, selectedMail: s.selectedMail === mail ? null : mail, selectedPlace: null }))}>
                        {t('ui.publish.compare.mail', { label: label(mail) })}
                      </button>
                      {': '}
                      {outcomes.map((m, i) => fateText(fateOf(m, mail), t, lang, name) + (i < outcomes.length - 1 ? ' — ' : '')).join('')}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        <div className="compare-tools">
          {against ? null : third === undefined ? (
            <button type="button" onClick={() => setThird(choices.find((c) => c !== variant && c !== second.key) ?? null)} data-testid="compare-add">
              {t('ui.publish.compare.addPane')}
            </button>
          ) : (
            <label>
              {t('ui.publish.compare.thirdPane')}{' '}
              <select value={third ?? ''} onChange={(e) => setThird(e.target.value || null)} data-testid="compare-third">
                <option value="">{t('ui.player.baseVariant')}</option>
                {choices.map((c) => (
                  <option key={c} value={c}>
                    {title(c)}
                  </option>
                ))}
              </select>{' '}
              <button type="button" onClick={() => setThird(undefined)}>
                {t('ui.publish.compare.removePane')}
              </button>
            </label>
          )}
          <button type="button" onClick={against ? against.onClose : () => appStore.set((a) => ({ ...a, compare: null }))}>
            {t('ui.compare.close')}
          </button>
        </div>
      </div>
      {selected && (
        <div className="compare-mail" role="status" data-testid="compare-mail">
          <strong>{t('ui.publish.compare.mail', { label: label(selected) })}</strong>{' '}
          {subjectOf(selected) ? `„${subjectOf(selected)}“` : ''}
          <ul>
            {panes.map((p, i) => (
              <li key={i}>
                {paneTitle(i)}: {t('ui.publish.compare.atEnd')} {fateText(fateOf(outcomes[i], selected), t, lang, name)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="pair panes" style={{ ['--panes' as string]: panes.length }}>
        {panes.map((p, i) => (
          <figure key={i}>
            <figcaption>{paneTitle(i)}</figcaption>
            <Picture store={p.store} label={paneTitle(i)} />
          </figure>
        ))}
      </div>
    </div>
  );
}
