// Keyboard shortcuts, as a pure mapping from a key press to a command name.
export type ShortcutCommand =
  | 'togglePlay'
  | 'back'
  | 'forward'
  | 'stepBack'
  | 'stepForward'
  | 'start'
  | 'end'
  | 'faster'
  | 'slower'
  | 'restart'
  | 'help'
  | 'table'
  | 'escape'
  // The lecture hall: a presenter's clicker sends PageDown/PageUp for next/previous
  // and "." or "b" for its blank-screen button (as PowerPoint and Impress read them).
  | 'presentNext'
  | 'presentPrev'
  | 'blank'
  | 'presenter'
  | 'notes'
  | 'pointDigit';

export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The focused element's tag and role, to leave typing and native controls alone. */
  readonly targetTag: string;
  readonly targetType?: string;
}

/** The parts of a keyboard event a shortcut depends on, read in one place for every listener. */
export function keyPressOf(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): KeyPress {
  const target = e.target as { tagName?: string; type?: string } | null;
  return {
    key: e.key,
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    targetTag: target?.tagName ?? 'BODY',
    targetType: target?.type,
  };
}

export function shortcutFor(k: KeyPress): ShortcutCommand | null {
  if (k.ctrlKey || k.metaKey || k.altKey) return null;
  const tag = k.targetTag.toUpperCase();
  const typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
  if (k.key === 'Escape') return 'escape';
  if (typing) {
    // A focused slider keeps its own arrows, Home and End; other keys still work.
    if (!(tag === 'INPUT' && k.targetType === 'range')) return null;
    if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(k.key)) return null;
  }
  // Space and Enter on a button press that button.
  if ((k.key === ' ' && (tag === 'BUTTON' || tag === 'SUMMARY')) || (k.key === 'Enter' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY'))) return null;
  switch (k.key) {
    case ' ':
    case 'k':
      return 'togglePlay';
    case 'ArrowLeft':
      return k.shiftKey ? 'stepBack' : 'back';
    case 'ArrowRight':
      return k.shiftKey ? 'stepForward' : 'forward';
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case 'r':
      return 'restart';
    case '?':
      return 'help';
    case 't':
      return 'table';
    case 'PageDown':
      return 'presentNext';
    case 'PageUp':
      return 'presentPrev';
    case '.':
    case 'b':
    case 'B':
      return 'blank';
    case 'p':
      return 'presenter';
    case 'n':
      return 'notes';
    default:
      // A mail's number, typed, points at that mail.
      if (/^[0-9]$/.test(k.key)) return 'pointDigit';
      return null;
  }
}
