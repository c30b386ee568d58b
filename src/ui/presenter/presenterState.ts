// Presenter mode as plain data and pure transitions: whether it is on, its theme,
// a blanked screen, the step the clicker is playing towards, the mail number
// being typed. Its address-bar part (present=1&theme=dark) lives here too, so a
// reload keeps the lecture where it was.

export type Theme = 'contrast' | 'dark';
export const THEMES: readonly Theme[] = ['contrast', 'dark'];

export interface PresenterState {
  readonly on: boolean;
  readonly theme: Theme;
  /** The screen is blacked out (the clicker's blank button). */
  readonly blank: boolean;
  /** This window shows the presenter's notes and follows another window. */
  readonly notesWindow: boolean;
  /** This window shows the printable handout. */
  readonly handout: boolean;
  /** Playing forward until this frame, then stopping (a clicker press plays one step). */
  readonly until: number | null;
  /** Digits typed so far for "point at mail N", and when the last one came (ms, caller's clock). */
  readonly digits: string;
  readonly digitsAt: number;
  /** The scenario's questions stop playback (quiz=off in the address turns them off, for presenting without them). */
  readonly questions: boolean;
}

export const initialPresenterState: PresenterState = { on: false, theme: 'contrast', blank: false, notesWindow: false, handout: false, until: null, digits: '', digitsAt: 0, questions: true };

export interface PresenterUrl {
  readonly on: boolean;
  readonly theme: Theme;
  readonly notesWindow: boolean;
  readonly handout: boolean;
  readonly questions: boolean;
}

export function parsePresenterUrl(search: string): PresenterUrl {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  return { on: q.get('present') === '1', theme: theme === 'dark' ? 'dark' : 'contrast', notesWindow: q.get('notes') === '1', handout: q.get('print') === '1', questions: q.get('quiz') !== 'off' };
}

/** The address-bar parameters for the presenter's state, in a fixed order. */
export function presenterParams(s: Pick<PresenterState, 'on' | 'theme' | 'notesWindow' | 'handout'> & { questions?: boolean }): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (s.handout) return [['print', '1']];
  if (s.notesWindow) out.push(['notes', '1']);
  else if (s.on) out.push(['present', '1']);
  if ((s.on || s.notesWindow) && s.theme !== 'contrast') out.push(['theme', s.theme]);
  if (s.questions === false) out.push(['quiz', 'off']);
  return out;
}

/** Append parameters to a URL's query ("/?a=1" + [["b","2"]] → "/?a=1&b=2"). */
export function withParams(url: string, params: ReadonlyArray<[string, string]>): string {
  if (!params.length) return url;
  const extra = new URLSearchParams(params as Array<[string, string]>).toString();
  return `${url}${url.includes('?') ? '&' : '?'}${extra}`;
}

export const togglePresenter = (s: PresenterState): PresenterState => ({ ...s, on: !s.on, blank: false, until: null });
export const nextTheme = (s: PresenterState): PresenterState => ({ ...s, theme: THEMES[(THEMES.indexOf(s.theme) + 1) % THEMES.length] });
export const toggleBlank = (s: PresenterState): PresenterState => ({ ...s, blank: !s.blank });

/**
 * The last frame of each step: the frame before the next step begins, and the
 * timeline's last frame for the last step. `marks` are the steps' first frames.
 */
export function stepEnds(marks: readonly number[], lastFrame: number): number[] {
  const ends = marks.map((m, i) => (i + 1 < marks.length ? marks[i + 1] - 1 : lastFrame)).filter((e) => e >= 0);
  return [...new Set(ends)].sort((a, b) => a - b);
}

/** Where "next" plays to from `frame` (or from a step already being played to): the end of the next step. */
export function nextStop(marks: readonly number[], lastFrame: number, frame: number, until: number | null): number | null {
  const from = Math.max(frame, until ?? frame);
  return stepEnds(marks, lastFrame).find((e) => e > from) ?? null;
}

/** Where "previous" jumps to: the end of the step before the current one, or the start. */
export function previousStop(marks: readonly number[], lastFrame: number, frame: number): number {
  const before = stepEnds(marks, lastFrame).filter((e) => e < frame);
  return before.length ? before[before.length - 1] : 0;
}

/** The frames of the step `frame` belongs to, from its first frame up to `frame` itself. */
export function stepSoFar(marks: readonly number[], frame: number): { readonly first: number; readonly ordinal: number } {
  let ordinal = -1;
  for (let i = 0; i < marks.length; i++) if (marks[i] <= frame) ordinal = i;
  return { first: ordinal < 0 ? 0 : marks[ordinal], ordinal };
}

/** Steps longer than this many changes jump to their end instead of playing every change. */
export const MAX_PLAYED_CHANGES = 12;

/** Typing a mail's number: digits typed within this many ms of each other form one number. */
export const DIGIT_WINDOW_MS = 900;

export function typeDigit(s: PresenterState, digit: string, now: number): PresenterState {
  const digits = now - s.digitsAt <= DIGIT_WINDOW_MS ? (s.digits + digit).slice(-4) : digit;
  return { ...s, digits, digitsAt: now };
}

/** The mail whose label is the typed number, or, if none has it, the one whose label the last digit alone names. */
export function mailForDigits(digits: string, labels: ReadonlyMap<string, string>): string | null {
  const want = String(Number(digits));
  for (const [mail, label] of labels) if (label === want) return mail;
  const last = digits.slice(-1);
  for (const [mail, label] of labels) if (label === last) return mail;
  return null;
}
