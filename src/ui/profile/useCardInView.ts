// The open card stays on screen: it opens below its label and leftwards from
// the label's right edge, and is shifted right when that would leave the
// window on the left, and opens upwards when there is no room below but
// enough above (the presenter's bottom row).
import { useLayoutEffect, type RefObject } from 'react';

const MARGIN = 8;

export function useCardInView(card: RefObject<HTMLElement | null>, open: boolean): void {
  useLayoutEffect(() => {
    const el = card.current;
    if (!open || !el) return;
    el.style.transform = '';
    el.classList.remove('opens-up');
    const r = el.getBoundingClientRect();
    const anchor = el.parentElement?.getBoundingClientRect();
    if (anchor && r.bottom > window.innerHeight - MARGIN && anchor.top - r.height - 6 >= MARGIN) el.classList.add('opens-up');
    const dx = r.left < MARGIN ? MARGIN - r.left : r.right > window.innerWidth - MARGIN ? window.innerWidth - MARGIN - r.right : 0;
    if (dx) el.style.transform = `translateX(${Math.round(dx)}px)`;
  });
}
