// The lecture hall's keys: a clicker's PageDown/PageUp play the next step or go
// back one, its blank button ("." or "b") blacks the screen, P switches presenter
// mode, N opens the notes window, typed digits point at a mail. The player's own
// keys are handled where they always were; this adds to them.
import { useEffect } from 'react';
import { keyPressOf, shortcutFor } from '../keyboard/shortcuts';
import { appStore } from '../store/appStore';
import { presenterStore, pointDigit, presentNext, presentPrev } from './presenterStore';
import { toggleBlank, togglePresenter } from './presenterState';
import { openNotesWindow } from './useLectureChannel';
import type { RemoteCommand } from './channel';

/** `remote`: in the notes window, clicker presses go to the presenting window instead. */
export function usePresenterKeys(remote?: (command: RemoteCommand) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('dialog[open]')) return;
      const cmd = shortcutFor(keyPressOf(e));
      if (!cmd || appStore.get().embed) return;
      const p = presenterStore.get();
      if (remote) {
        if (cmd === 'presentNext' || cmd === 'presentPrev' || cmd === 'blank') {
          e.preventDefault();
          remote(cmd);
        }
        return;
      }
      switch (cmd) {
        case 'presentNext':
          e.preventDefault();
          return presentNext();
        case 'presentPrev':
          e.preventDefault();
          return presentPrev();
        case 'blank':
          if (!p.on) return;
          e.preventDefault();
          return presenterStore.set(toggleBlank);
        case 'escape':
          if (p.blank) presenterStore.set(toggleBlank);
          return;
        case 'presenter':
          e.preventDefault();
          return presenterStore.set(togglePresenter);
        case 'notes':
          e.preventDefault();
          return openNotesWindow();
        case 'pointDigit':
          e.preventDefault();
          return pointDigit(e.key, e.timeStamp);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [remote]);
}
