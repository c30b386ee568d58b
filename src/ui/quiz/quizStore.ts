// The quiz beside the player's store: it watches playback and stops it before
// a step that has an unanswered question, takes a click on a place in the
// picture as a choice for a "where" question, and keeps the responses for the
// run in sessionStorage so a reload keeps the score.
import { createStore } from '../store/store';
import { playerStore } from '../store/playerStore';
import { appStore } from '../store/appStore';
import { play } from '../store/commands';
import type { PlayerState } from '../store/playerState';
import { sessionOf } from '../model/session';
import { spotOfPlace, type Response } from '../../sim';
import { askedQuestions, closeQuestion, initialQuizState, isAnswered, openQuestion, parseSavedResponses, respond, stopFor, toggleSpot, type AskedQuestion, type QuizState } from './quizState';

export const quizStore = createStore<QuizState>(initialQuizState);

const STORAGE_PREFIX = 'mail-sync-sandbox.quiz.';

function keyOf(p: PlayerState): string | null {
  return p.loaded && p.timeline ? `${p.loaded.source}:${p.loaded.scenario.id}:${p.variant ?? ''}` : null;
}

function loadSaved(key: string | null): QuizState['responses'] {
  if (!key) return {};
  try {
    return parseSavedResponses(sessionStorage.getItem(STORAGE_PREFIX + key));
  } catch {
    return {};
  }
}

function save(s: QuizState): void {
  if (!s.key) return;
  try {
    if (Object.keys(s.responses).length) sessionStorage.setItem(STORAGE_PREFIX + s.key, JSON.stringify(s.responses));
    else sessionStorage.removeItem(STORAGE_PREFIX + s.key);
  } catch {
    /* storage refused (private mode, quota): the score lives for this page only */
  }
}

/** The questions of what the player shows now. */
export function currentQuestions(p: PlayerState = playerStore.get()): AskedQuestion[] {
  const session = p.timeline ? sessionOf(p.timeline) : undefined;
  return session ? askedQuestions(session.scenario, session.timeline) : [];
}

/** Set by the page: whether questions stop playback here (not in the handout, the notes window, an embed or a comparison). */
let activeHere: () => boolean = () => !appStore.get().embed && !appStore.get().compare;
export function setQuizActive(active: () => boolean): void {
  activeHere = active;
}

/** Follow the player: stop before unanswered questions, read picture clicks. Returns the unsubscribe. */
export function followQuiz(): () => void {
  let prev = playerStore.get();
  const sync = (p: PlayerState) => {
    const key = keyOf(p);
    if (key !== quizStore.get().key) quizStore.set({ ...initialQuizState, key, responses: loadSaved(key) });
  };
  sync(prev);
  const unsave = quizStore.subscribe(() => save(quizStore.get()));
  const unfollow = playerStore.subscribe(() => {
    const next = playerStore.get();
    const before = prev;
    prev = next;
    sync(next);
    if (!next.timeline || before.timeline !== next.timeline || !activeHere()) return;
    const quiz = quizStore.get();
    // A click on a place in the picture chooses it for an open "where" question.
    if (next.selectedPlace && next.selectedPlace !== before.selectedPlace && quiz.open !== null && !isAnswered(quiz, quiz.open)) {
      const asked = currentQuestions(next).find((q) => q.index === quiz.open);
      const spot = spotOfPlace(next.selectedPlace);
      if (asked?.answer.kind === 'spots' && spot && asked.answer.options.includes(spot)) {
        quizStore.set((s) => toggleSpot(s, spot));
        playerStore.set((s) => ({ ...s, selectedPlace: null }));
        prev = playerStore.get();
        return;
      }
    }
    const stop = stopFor(currentQuestions(next), quiz, before.frame, next.frame, next.playing || before.playing);
    if (!stop) return;
    quizStore.set((s) => openQuestion(s, stop.index));
    playerStore.set((s) => ({ ...s, frame: stop.ask, phase: 1, playing: false }));
    prev = playerStore.get();
  });
  return () => {
    unfollow();
    unsave();
  };
}

export function answer(response: Response | null): void {
  quizStore.set((s) => respond(s, response));
}

/** Close the revealed question and run its step: `go` plays on (the player) or plays one step (presenter mode). */
export function runStep(go: () => void = () => playerStore.set(play)): void {
  quizStore.set(closeQuestion);
  go();
}

/** A clicker's "next" with a question on screen: the first press reveals the answer, the second runs the step. True when it was used here. */
export function clickerNext(go: () => void): boolean {
  const s = quizStore.get();
  if (s.open === null) return false;
  if (!isAnswered(s, s.open)) answer(null);
  else runStep(go);
  return true;
}

export function resetQuiz(): void {
  quizStore.set((s) => ({ ...initialQuizState, key: s.key }));
}
