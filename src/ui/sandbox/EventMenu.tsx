// The menu of events for what was clicked: each event available, or disabled
// with the reason shown under it. Arrow keys move, Home/End jump, Escape closes
// and gives focus back; on a phone it is a sheet at the bottom of the screen.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { sandboxStore } from './sandboxState';
import { menuStore, closeMenu } from './eventMenuState';
import { actionsFor, type Action, type Target } from './availability';
import { forkPoint, nextStepMinutes } from './forkAt';
import { inject } from './commands';
import { ConfigureForm } from './ConfigureForm';
import type { Scenario } from '../../sim';
import { simTimeParts } from '../i18n/format';
import type { TFunction } from 'i18next';
import type { Lang } from '../store/playerState';
import { customFolderNames, dataTexts, folderName } from '../../i18n/names';

export function deviceName(s: Scenario, id: string, lang: Lang): string {
  return s.world.devices.find((d) => d.id === id)?.label?.[lang] ?? id;
}

export function menuTitle(target: Target, s: Scenario, lang: Lang, t: TFunction): string {
  switch (target.kind) {
    case 'device':
      return deviceName(s, target.device, lang);
    case 'server':
      return t('ui.sandbox.events.menuServer');
    case 'time':
      return t('ui.sandbox.events.menuTime');
    case 'mail':
      return t('ui.sandbox.events.menuMail', { label: target.mail, place: target.place });
  }
}

export function actionLabel(a: Action, s: Scenario, lang: Lang, t: TFunction): string {
  const params: Record<string, string | number> = { ...(a.params ?? {}) };
  if (typeof params.device === 'string') params.device = deviceName(s, params.device, lang);
  // A folder is named in the reader's language, as the picture names it; the step keeps its id.
  if (typeof params.folder === 'string') params.folder = folderName(params.folder, t, customFolderNames(dataTexts(s), lang));
  return t(`ui.sandbox.action.${a.label}`, params);
}

/** The actions on offer for a target at the moment on screen. */
export function useActions(target: Target | null) {
  const loaded = useSelector(playerStore, (s) => s.loaded);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const frame = useSelector(playerStore, (s) => s.frame);
  const keepLater = useSelector(sandboxStore, (s) => s.keepLater);
  const simulating = useSelector(sandboxStore, (s) => s.simulating);
  return useMemo(() => {
    if (!target || !loaded || !timeline) return null;
    const f = timeline.frames[Math.min(frame, timeline.frames.length - 1)];
    const point = forkPoint(loaded.scenario, timeline, frame);
    const next = keepLater ? nextStepMinutes(loaded.scenario, point.index) : null;
    const offered = actionsFor({ scenario: loaded.scenario, state: f.state, untilNextStep: next === null ? null : Math.max(0, next - point.minutes) }, target);
    // The picture is the draft before the edit under way: nothing can happen in it until the new one is there.
    const actions = simulating ? offered.map((a) => ({ ...a, disabled: a.disabled ?? 'simulating', event: null })) : offered;
    return { actions, minutes: point.minutes, scenario: loaded.scenario };
  }, [target, loaded, timeline, frame, keepLater, simulating]);
}

export function EventMenu() {
  const { t } = useTranslation();
  const menu = useSelector(menuStore, (m) => m);
  const lang = useSelector(playerStore, (s) => s.lang);
  const offer = useActions(menu?.target ?? null);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const frame = useSelector(playerStore, (s) => s.frame);
  const keepLater = useSelector(sandboxStore, (s) => s.keepLater);
  const box = useRef<HTMLDivElement>(null);
  // A form inside the menu (the settings to change), for the menu it was opened from.
  const [form, setForm] = useState<{ menu: typeof menu; kind: 'configure' } | null>(null);
  const formOpen = form !== null && form.menu === menu;
  useEffect(() => {
    if (menu && !formOpen) box.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [menu, formOpen]);
  useEffect(() => {
    if (!menu) return;
    const away = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) menuStore.set(null);
    };
    // Opened by this very click: listen from the next one on.
    const id = setTimeout(() => document.addEventListener('pointerdown', away), 0);
    return () => {
      clearTimeout(id);
      document.removeEventListener('pointerdown', away);
    };
  }, [menu]);
  if (!menu || !offer) return null;
  const items = () => [...(box.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
  const onKey = (e: React.KeyboardEvent) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    const go = (k: number) => all[(k + all.length) % all.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        go(i + 1);
        break;
      case 'ArrowUp':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(all.length - 1);
        break;
      case 'Escape':
        closeMenu();
        break;
      case 'Tab':
        menuStore.set(null);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  const choose = (a: Action) => {
    if (a.disabled) return;
    if (a.form) {
      setForm({ menu, kind: a.form });
      return;
    }
    const label = actionLabel(a, offer.scenario, lang, t);
    const title = menuTitle(menu.target, offer.scenario, lang, t);
    closeMenu();
    inject(a, `${title}: ${label}`);
  };
  const title = menuTitle(menu.target, offer.scenario, lang, t);
  const left = Math.max(8, Math.min(menu.x, window.innerWidth - 360));
  const top = Math.max(8, Math.min(menu.y, window.innerHeight - 200));
  if (formOpen && menu.target.kind === 'device' && timeline) {
    const back = () => setForm(null);
    return (
      <div
        className="event-menu event-menu-form"
        ref={box}
        role="dialog"
        aria-labelledby="configure-heading"
        style={{ left, top: Math.min(top, 8 + window.innerHeight * 0.15), maxHeight: `calc(100vh - ${Math.min(top, 8 + window.innerHeight * 0.15) + 8}px)` }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          back();
        }}
        data-testid="event-menu"
      >
        <p className="event-menu-at">{t('ui.sandbox.events.at', { at: t('ui.time.at', simTimeParts(offer.minutes, lang)) })}</p>
        <ConfigureForm
          scenario={offer.scenario}
          timeline={timeline}
          frame={frame}
          device={menu.target.device}
          keepLater={keepLater}
          deviceName={title}
          onBack={back}
          onApply={(event, label) => {
            setForm(null);
            closeMenu();
            inject({ id: 'configure', label: 'changeSetting', disabled: null, event }, `${title}: ${label}`);
          }}
        />
      </div>
    );
  }
  return (
    <div className="event-menu" ref={box} style={{ left, top, maxHeight: `calc(100vh - ${top + 8}px)` }} onKeyDown={onKey} data-testid="event-menu">
      <p className="event-menu-title" id="event-menu-title">
        {title}
      </p>
      <p className="event-menu-at">{t('ui.sandbox.events.at', { at: t('ui.time.at', simTimeParts(offer.minutes, lang)) })}</p>
      <div role="menu" aria-labelledby="event-menu-title">
        {offer.actions.map((a) => {
          const reason = a.disabled ? t(`ui.sandbox.reason.${a.disabled}`, { ...(a.reasonParams ?? {}), count: a.reasonParams?.count }) : a.hint ? t(`ui.sandbox.hint.${a.hint}`) : '';
          const reasonId = `event-${a.id}-why`;
          return (
            <button
              key={a.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={a.disabled ? true : undefined}
              aria-describedby={reason ? reasonId : undefined}
              className={a.disabled ? 'is-disabled' : ''}
              onClick={() => choose(a)}
              data-testid={`event-${a.id}`}
            >
              <span>{actionLabel(a, offer.scenario, lang, t)}</span>
              {reason && (
                <small id={reasonId} className="why">
                  {reason}
                </small>
              )}
            </button>
          );
        })}
      </div>
      <button type="button" className="event-menu-close" onClick={closeMenu}>
        {t('ui.sandbox.events.close')}
      </button>
    </div>
  );
}
