// The timeline's step marks, each labelled with its step's name: on hover in the
// player and the presenter's bar, where every mark also shows its number. A click on a mark
// goes to that step. The scrubber itself stays the keyboard's way along the
// timeline, so the marks are not in the tab order.
import { send } from '../store/playerStore';
import { seek } from '../store/commands';
import { useStepNames } from './useStepNames';

export function StepMarks({ total, current, numbered = false }: { total: number; current: number; numbered?: boolean }) {
  const { marks, names } = useStepNames();
  return (
    <div className="marks step-marks" aria-hidden="true" data-testid="step-marks">
      {marks.map((m, i) => {
        const left = total > 1 ? (m / (total - 1)) * 100 : 0;
        const side = left > 66 ? ' label-end' : left < 33 ? ' label-start' : '';
        return (
          <span key={m} className={`mark${i === current ? ' is-current' : ''}${side}`} style={{ left: `${left}%` }} data-frame={m} onClick={() => send(seek, m)}>
            {numbered && <span className="mark-num">{i + 1}</span>}
            <span className="mark-label">
              {i + 1}. {names[i]}
            </span>
          </span>
        );
      })}
    </div>
  );
}
