// The presenter's store and the commands a clicker or the presenter bar sends.
// Playback itself stays in the player store; "next" plays one whole step there
// and stops at its end (a watcher pauses playback when the step's last change
// has begun, so that change still travels).
import { createStore } from '../store/store';
import { playerStore } from '../store/playerStore';
import { pause, play, seek, stepMarks } from '../store/commands';
import { initialPresenterState, mailForDigits, MAX_PLAYED_CHANGES, nextStop, parsePresenterUrl, previousStop, typeDigit, type PresenterState } from './presenterState';
import { sessionOf } from '../model/session';
import { clickerNext, setQuizActive } from '../quiz/quizStore';
import { appStore } from '../store/appStore';

export const presenterStore = createStore<PresenterState>(initialPresenterState);

// Questions stop playback in the player and in presenter mode, unless the address says quiz=off; never in an embed or a comparison.
setQuizActive(() => presenterStore.get().questions && !appStore.get().embed && !appStore.get().compare);

/** Take presenter mode and theme from an address (page load, back/forward). */
export function applyPresenterUrl(search: string): void {
  const u = parsePresenterUrl(search);
  presenterStore.set((p) =>
    p.on === u.on && p.theme === u.theme && p.notesWindow === u.notesWindow && p.handout === u.handout && p.questions === u.questions ? p : { ...p, ...u, blank: false, until: null },
  );
}

const lastOf = () => {
  const s = playerStore.get();
  return s.timeline ? s.timeline.frames.length - 1 : 0;
};

/** Play the next step to its end (a long one jumps there instead). */
export function presentNext(): void {
  // A question on screen takes the clicker first: reveal its answer, then run its step.
  if (clickerNext(presentNext)) return;
  const s = playerStore.get();
  if (!s.timeline) return;
  const target = nextStop(stepMarks(s), lastOf(), s.frame, s.playing ? presenterStore.get().until : null);
  if (target === null) return;
  if (target - s.frame > MAX_PLAYED_CHANGES || s.reducedMotion) {
    presenterStore.set((p) => ({ ...p, until: null }));
    playerStore.set((x) => seek(pause(x), target));
    return;
  }
  presenterStore.set((p) => ({ ...p, until: target }));
  playerStore.set((x) => (x.playing ? x : play(x)));
}

/** Back to the end of the previous step, shown settled. */
export function presentPrev(): void {
  const s = playerStore.get();
  if (!s.timeline) return;
  presenterStore.set((p) => ({ ...p, until: null }));
  playerStore.set((x) => seek(pause(x), previousStop(stepMarks(x), lastOf(), x.frame)));
}

/** Point at the mail whose number is being typed; the pointer stays across steps. */
export function pointDigit(digit: string, now: number): void {
  const p = typeDigit(presenterStore.get(), digit, now);
  presenterStore.set(p);
  const timeline = playerStore.get().timeline;
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!session) return;
  const labels = new Map([...session.index.styles].map(([mail, st]) => [mail, st.label]));
  const mail = mailForDigits(p.digits, labels);
  if (mail) playerStore.set((x) => ({ ...x, selectedMail: mail, selectedPlace: null }));
}

export function pointAt(mail: string | null): void {
  playerStore.set((x) => (x.selectedMail === mail ? x : { ...x, selectedMail: mail, selectedPlace: null }));
}

/** Stop playback at the end of the step "next" started; forget the target when the user takes over. */
export function followPresenterPlayback(): () => void {
  return playerStore.subscribe(() => {
    const until = presenterStore.get().until;
    if (until === null) return;
    const s = playerStore.get();
    if (!s.playing) presenterStore.set((p) => ({ ...p, until: null }));
    else if (s.frame >= until) {
      presenterStore.set((p) => ({ ...p, until: null }));
      playerStore.set(pause);
    }
  });
}
