// Announces each step's narration to screen readers: once per step while
// playing, and at every change the user steps to by hand.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { stepMarks, stepOrdinalAt } from '../store/commands';
import { narrationText, stepNote } from './NarrationPanel';
import { playerNames } from '../model/narrationText';
import { sessionOf } from '../model/session';

export function LiveRegion() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const last = useRef({ frame: -1, step: -2, timeline: null as unknown });
  useEffect(() => {
    const update = () => {
      const s = playerStore.get();
      if (!s.timeline) return;
      const prev = last.current;
      // The clock changes the store on every display frame: only another frame of the timeline is news.
      const changed = prev.timeline !== s.timeline || prev.frame !== s.frame;
      if (!changed) return;
      const step = stepOrdinalAt(stepMarks(s), s.frame);
      const announce = prev.timeline === s.timeline && (!s.playing || step !== prev.step);
      last.current = { frame: s.frame, step, timeline: s.timeline };
      if (!announce) return;
      const frame = s.timeline.frames[s.frame];
      const note = stepNote(s.timeline, s.frame);
      const session = sessionOf(s.timeline);
      const names = session ? playerNames(session.scenario, session.index, s.lang) : { device: (id: string) => id, account: (id: string) => id, mail: () => undefined };
      const body = [note?.[s.lang], narrationText(frame, t, s.lang, names)].filter(Boolean).join(' ');
      setText(t('ui.narration.live', { step: step + 1, text: body }));
    };
    update();
    return playerStore.subscribe(update);
  }, [t]);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live">
      {text}
    </div>
  );
}
