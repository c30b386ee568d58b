// The keyboard's way to the same menus the picture opens on a click: choose
// what the event happens to, then open its menu.
import { useMemo, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { parseDevicePlace, parseServerPlace } from '../../sim';
import { openMenu } from './eventMenuState';
import { targetKey } from './targets';
import { deviceName } from './EventMenu';
import type { Target } from './availability';

/** At most this many mail copies are listed; the picture reaches the rest. */
const MAX_MAILS = 200;

export function EventPicker() {
  const { t } = useTranslation();
  const loaded = useSelector(playerStore, (s) => s.loaded);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const frame = useSelector(playerStore, (s) => s.frame);
  const lang = useSelector(playerStore, (s) => s.lang);
  const [chosen, setChosen] = useState('server');
  const targets = useMemo(() => {
    const out: Array<{ key: string; target: Target; label: string }> = [];
    if (!loaded || !timeline) return out;
    const add = (target: Target, label: string) => out.push({ key: targetKey(target), target, label });
    add({ kind: 'server' }, t('ui.sandbox.events.server'));
    for (const d of loaded.scenario.world.devices) add({ kind: 'device', device: d.id }, t('ui.sandbox.events.device', { name: deviceName(loaded.scenario, d.id, lang) }));
    const state = timeline.frames[Math.min(frame, timeline.frames.length - 1)].state;
    let mails = 0;
    for (const [place, copies] of state.places) {
      if (!parseDevicePlace(place) && !parseServerPlace(place)) continue;
      for (const c of copies.values()) {
        if (mails++ >= MAX_MAILS) break;
        add({ kind: 'mail', mail: c.mail, place }, t('ui.sandbox.events.mail', { label: c.mail, place }));
      }
    }
    return out;
  }, [loaded, timeline, frame, lang, t]);
  if (!targets.length) return null;
  const current = targets.find((x) => x.key === chosen) ?? targets[0];
  const open = (target: Target, e: React.MouseEvent<HTMLButtonElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    openMenu({ target, x: r.left, y: r.bottom + 4, returnFocus: e.currentTarget });
  };
  return (
    <div className="event-picker" role="group" aria-labelledby="event-picker-heading">
      <h3 id="event-picker-heading">{t('ui.sandbox.events.heading')}</h3>
      <p className="hint">{t('ui.sandbox.events.help')}</p>
      <label>
        <span>{t('ui.sandbox.events.target')}</span>
        <select value={current.key} onChange={(e) => setChosen(e.target.value)} data-testid="event-target">
          {targets.map((x) => (
            <option key={x.key} value={x.key}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-haspopup="menu" onClick={(e) => open(current.target, e)} data-testid="event-open">
        {t('ui.sandbox.events.open')}
      </button>
      <button type="button" aria-haspopup="menu" onClick={(e) => open({ kind: 'time' }, e)} data-testid="event-time">
        {t('ui.sandbox.events.time')}
      </button>
    </div>
  );
}
