// Clicks on the picture open the event menu for what was clicked. The picture
// is not changed: one listener on the stage, in the capture phase (the
// picture's own token handler stops the click from bubbling), reads the data
// attributes the picture draws.
import { useEffect, type RefObject } from 'react';
import { openMenu } from './eventMenuState';
import { targetOfElement } from './targets';

export function usePictureEvents(stage: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const onClick = (e: MouseEvent) => {
      const inPicture = (e.target as Element | null)?.closest?.('svg.picture-svg');
      if (!inPicture) return;
      const target = targetOfElement(e.target as Element);
      if (!target) return;
      openMenu({ target, x: e.clientX, y: e.clientY, returnFocus: document.activeElement instanceof HTMLElement ? document.activeElement : null });
    };
    el.addEventListener('click', onClick, true);
    return () => el.removeEventListener('click', onClick, true);
  }, [stage]);
}
