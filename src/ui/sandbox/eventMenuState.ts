// Which event menu is open, and where: a tiny store so the picture's click
// handler (outside React) and the keyboard picker open the same menu.
import { createStore } from '../store/store';
import type { Target } from './availability';

export interface OpenMenu {
  readonly target: Target;
  /** Where it was opened (viewport px), or null to place it by the opening button. */
  readonly x: number;
  readonly y: number;
  /** The element to give focus back to when the menu closes. */
  readonly returnFocus: HTMLElement | null;
}

export const menuStore = createStore<OpenMenu | null>(null);

export function openMenu(menu: OpenMenu): void {
  menuStore.set(menu);
}

export function closeMenu(): void {
  const m = menuStore.get();
  menuStore.set(null);
  m?.returnFocus?.focus();
}
