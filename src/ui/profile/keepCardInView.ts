// The open card stays on screen: it opens below its label and leftwards from
// the label's right edge, and is shifted right when that would leave the
// window on the left, and opens upwards when there is no room below but
// enough above (the presenter's bottom row). A callback ref: it runs when the
// card appears.

const MARGIN = 8;

export function keepCardInView(el: HTMLElement | null): void {
  if (!el) return;
  const r = el.getBoundingClientRect();
  const anchor = el.parentElement?.getBoundingClientRect();
  if (anchor && r.bottom > window.innerHeight - MARGIN && anchor.top - r.height - 6 >= MARGIN) el.classList.add('opens-up');
  const dx = r.left < MARGIN ? MARGIN - r.left : r.right > window.innerWidth - MARGIN ? window.innerWidth - MARGIN - r.right : 0;
  if (dx) el.style.transform = `translateX(${Math.round(dx)}px)`;
}
