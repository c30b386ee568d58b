// Keys in the sandbox: Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo every
// edit, even while typing in a field (each field's typing is one undo step);
// the player's own keys work as in the player.
import { useEffect } from 'react';
import { playerStore, send } from '../store/playerStore';
import { changeSpeed, restart, stepMicro, stepWhole, toEnd, toStart, togglePlay } from '../store/commands';
import { keyPressOf, shortcutFor } from '../keyboard/shortcuts';
import { menuStore } from './eventMenuState';
import { redo, undo } from './commands';

export function useSandboxKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.key === 'y')) {
        e.preventDefault();
        if (e.key === 'y' || e.shiftKey) redo();
        else undo();
        return;
      }
      if (menuStore.get()) return;
      const cmd = shortcutFor(keyPressOf(e));
      if (!cmd) return;
      const commands: Partial<Record<typeof cmd, () => void>> = { togglePlay: () => send(togglePlay), back: () => send(stepMicro, -1), forward: () => send(stepMicro, 1), stepBack: () => send(stepWhole, -1), stepForward: () => send(stepWhole, 1), start: () => send(toStart), end: () => send(toEnd), faster: () => send(changeSpeed, 1), slower: () => send(changeSpeed, -1), restart: () => send(restart), escape: () => playerStore.set((s) => ({ ...s, selectedMail: null, selectedPlace: null })) };
      // Only the player's own keys: presenter and help keys mean nothing in the sandbox.
      const run = commands[cmd];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
