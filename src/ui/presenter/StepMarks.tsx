// The timeline's step marks, each labelled with its step's name: on hover in the
// player and the presenter's bar, where every mark also shows its number. A click on a mark
// goes to that step. The scrubber itself stays the keyboard's way along the
// timeline, so the marks are not in the tab order.
import { useEffect, useRef, useState } from 'react';
import { send } from '../store/playerStore';
import { seek } from '../store/commands';
import { useStepNames } from './useStepNames';
import { numberedMarks } from './markNumbers';

/** Room a step number needs beside the next (two digits at the presenter's 13 px). */
const NUMBER_GAP = 18;

/** The element's width, followed as it changes (0 until measured). */
function useWidth(on: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!on || !el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [on]);
  return { ref, width };
}

export function StepMarks({ total, current, numbered = false }: { total: number; current: number; numbered?: boolean }) {
  const { marks, names } = useStepNames();
  const { ref, width } = useWidth(numbered);
  const at = (m: number) => (total > 1 ? m / (total - 1) : 0);
  const withNumber = numbered ? numberedMarks(marks.map((m) => at(m) * width), current, NUMBER_GAP) : null;
  return (
    <div className="marks step-marks" aria-hidden="true" data-testid="step-marks" ref={ref}>
      {marks.map((m, i) => {
        const left = at(m) * 100;
        const side = left > 66 ? ' label-end' : left < 33 ? ' label-start' : '';
        return (
          <span key={m} className={`mark${i === current ? ' is-current' : ''}${side}`} style={{ left: `${left}%` }} data-frame={m} onClick={() => send(seek, m)}>
            {withNumber?.has(i) && <span className="mark-num">{i + 1}</span>}
            <span className="mark-label">
              {i + 1}. {names[i]}
            </span>
          </span>
        );
      })}
    </div>
  );
}
