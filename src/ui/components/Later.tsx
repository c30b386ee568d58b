// Mount a part of the page one task later than the rest. Opening a scenario
// renders the player, its picture and five side panels; in one task that is
// more than 50 ms of main-thread work on a slow machine. The picture comes
// first; the controls and each side panel follow a few milliseconds apart,
// far enough that each is rendered in a task of its own (timers due at once
// would be rendered together), so the page can answer input in between.
import { useEffect, useState, type ReactNode } from 'react';

export function Later({ children, after = 0 }: { children: ReactNode; after?: number }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), after);
    return () => clearTimeout(timer);
  }, [after]);
  return shown ? children : null;
}
