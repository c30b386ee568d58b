// The steps so far: each can be edited in a form, moved earlier or later, or
// removed, every change undoable like any edit. Steps happen in the order of
// their times, and the list says so: a step moved past another takes its time
// when needed, and a step given another time moves to its place once the time
// field is left. A step a change broke (a mail read before it arrived) is
// flagged by the loader, at the step and at its field.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { sandboxStore } from './sandboxState';
import { edit } from './commands';
import { getIn, pathText, setIn, type Path } from './scenarioInput';
import { moveStep, placeByTime } from './stepOrder';
import { StepForm } from './StepForm';
import { playerStore } from '../store/playerStore';
import { folderChoices } from './availability';
import { customFolderNames, dataTexts, folderName, timelineNames } from '../../i18n/names';
import { accountName, deviceName, mailName, rec, stepRowName, type StepNaming } from './stepRowName';
import { parseTime } from '../../sim';
import { simTimeParts } from '../i18n/format';

type StepRow = Record<string, unknown> & { at?: unknown; do?: unknown; device?: unknown; mail?: unknown; account?: unknown };

const currentSteps = () => ((getIn(sandboxStore.get().history.present.data, ['steps']) as StepRow[] | undefined) ?? []);
const setSteps = (steps: readonly StepRow[], key: string | null) => edit(setIn(sandboxStore.get().history.present.data, ['steps'], steps), key);
const ids = (rows: unknown): string[] => (Array.isArray(rows) ? rows.map((r) => (r && typeof r === 'object' ? String((r as { id?: unknown }).id ?? '') : '')).filter(Boolean) : []);

/** Mail ids each step can name: those that arrived or were sent in the steps before it. */
function mailsBefore(steps: readonly StepRow[]): string[][] {
  const out: string[][] = [];
  const known: string[] = [];
  for (const s of steps) {
    out.push([...known]);
    const mail = s.mail && typeof s.mail === 'object' ? (s.mail as { id?: unknown }).id : undefined;
    if ((s.do === 'mail.arrive' || s.do === 'device.send') && typeof mail === 'string') known.push(mail);
    if (s.do === 'mail.burst' && typeof s.prefix === 'string' && typeof s.count === 'number') for (let k = 1; k <= Math.min(s.count, 500); k++) known.push(`${s.prefix}${k}`);
  }
  return out;
}

let editorSerial = 0;

export function StepList() {
  const { t } = useTranslation();
  const steps = (useSelector(sandboxStore, (s) => getIn(s.history.present.data, ['steps'])) as StepRow[] | undefined) ?? [];
  const devices = ids(useSelector(sandboxStore, (s) => getIn(s.history.present.data, ['world', 'devices'])));
  const accounts = ids(useSelector(sandboxStore, (s) => getIn(s.history.present.data, ['world', 'accounts'])));
  const problems = useSelector(sandboxStore, (s) => s.problems);
  const shown = useSelector(playerStore, (s) => s.loaded?.scenario ?? null);
  const lang = useSelector(playerStore, (s) => s.lang);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const draft = useSelector(sandboxStore, (s) => s.history.present.data);
  // Mails are named as the picture on screen numbers them (the draft's own subjects where it does not know them yet).
  const naming = useMemo((): StepNaming => {
    const names = timeline ? timelineNames(timeline, lang, shown ?? undefined) : null;
    const custom = customFolderNames(dataTexts(shown ?? undefined), lang);
    return { t, lang, draft, mailNumber: (id) => names?.mail(id)?.label, folder: (id) => folderName(id, t, custom) };
  }, [t, lang, draft, timeline, shown]);
  const nameOf = useMemo(() => ({ device: (id: string) => deviceName(rec(draft), id, lang), account: (id: string) => accountName(rec(draft), id), mail: (id: string) => mailName(id, naming) }), [draft, lang, naming]);
  // The time as the reader says it ("Tag 2, 09:00 Uhr"); a time the format cannot read stays as typed (the loader flags it).
  const timeText = (at: unknown) => {
    const minutes = typeof at === 'string' ? parseTime(at) : null;
    return minutes === null ? (typeof at === 'string' ? at : '') : t('ui.time.at', simTimeParts(minutes, lang));
  };
  const [editing, setEditing] = useState<{ index: number; serial: number } | null>(null);
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focusNext.current)}"]`)?.focus();
    focusNext.current = null;
  });
  if (!steps.length)
    return (
      <p className="hint" data-testid="no-steps">
        {t('ui.sandbox.builder.noSteps')}
      </p>
    );
  const mails = mailsBefore(steps);
  // Folders as the picture names them (the world last shown knows the custom folders' names).
  const folderOptions = (s: StepRow) => {
    if (s.do !== 'device.move' || !shown || typeof s.device !== 'string') return [];
    const custom = customFolderNames(dataTexts(shown), lang);
    return folderChoices(shown, s.device, s.local === true).map((id) => ({ value: id, label: folderName(id, t, custom) }));
  };
  const open = editing && editing.index < steps.length ? editing : null;
  // Typing in one field of one open form is one undo step; leaving the time field to let the step move joins it.
  const keyOf = (path: Path) => `step:${open?.serial ?? 0}:${pathText(path)}`;

  const move = (i: number, direction: -1 | 1) => {
    const r = moveStep(currentSteps(), i, direction);
    if (r.index === i) return;
    setSteps(r.steps, null);
    if (open?.index === i) setEditing({ index: r.index, serial: open.serial });
    const stuck = direction < 0 ? r.index === 0 : r.index === steps.length - 1;
    focusNext.current = `step-${r.index}-${(direction < 0) !== stuck ? 'earlier' : 'later'}`;
  };
  const remove = (i: number) => {
    setSteps(
      currentSteps().filter((_, j) => j !== i),
      null,
    );
    if (open && open.index >= i) setEditing(open.index === i ? null : { index: open.index - 1, serial: open.serial });
    focusNext.current = steps.length > 1 ? `step-${Math.min(i, steps.length - 2)}-edit` : null;
  };
  const toggle = (i: number) => {
    if (open?.index === i) {
      setEditing(null);
      return;
    }
    setEditing({ index: i, serial: ++editorSerial });
    focusNext.current = `field-steps[${i}].at`;
  };
  const change = (i: number) => (path: Path, value: unknown) => edit(setIn(sandboxStore.get().history.present.data, ['steps', i, ...path], value), keyOf(['steps', i, ...path]));
  const timeDone = (i: number) => (next: Element | null) => {
    const r = placeByTime(currentSteps(), i);
    if (r.index === i) return;
    setSteps(r.steps, keyOf(['steps', i, 'at']));
    setEditing(open ? { index: r.index, serial: open.serial } : null);
    // Focus was going to another field of this form: it follows the step to its new place.
    const testId = next?.getAttribute('data-testid');
    const prefix = `field-steps[${i}]`;
    if (testId?.startsWith(prefix)) focusNext.current = `field-steps[${r.index}]${testId.slice(prefix.length)}`;
  };

  return (
    <>
      <p className="hint step-order">{t('ui.sandbox.steps.order')}</p>
      <ol className="step-list" data-testid="step-list">
        {steps.map((s, i) => {
          const mine = problems.filter((p) => p.path === `steps[${i}]` || p.path.startsWith(`steps[${i}].`));
          const isOpen = open?.index === i;
          // With the form open, problems of a field are shown at the field.
          const listed = isOpen ? mine.filter((p) => p.path === `steps[${i}]`) : mine;
          const what = stepRowName(s, naming);
          const formId = `step-form-${i}`;
          return (
            <li key={i} className={`${mine.length ? 'has-problem' : ''}${isOpen ? ' is-open' : ''}`} data-testid={`step-${i}`}>
              <div className="step-row">
                <span className="step-what">
                  <span className="step-at">{timeText(s.at)}</span> {what}
                </span>
                <span className="step-tools">
                  <button type="button" aria-expanded={isOpen} aria-controls={isOpen ? formId : undefined} aria-label={`${t(isOpen ? 'ui.sandbox.steps.done' : 'ui.sandbox.steps.edit')}: ${what}`} onClick={() => toggle(i)} data-testid={`step-${i}-edit`}>
                    {t(isOpen ? 'ui.sandbox.steps.done' : 'ui.sandbox.steps.edit')}
                  </button>
                  <button type="button" disabled={i === 0} aria-label={`${t('ui.sandbox.steps.earlier')}: ${what}`} title={t('ui.sandbox.steps.earlier')} onClick={() => move(i, -1)} data-testid={`step-${i}-earlier`}>
                    ↑
                  </button>
                  <button type="button" disabled={i === steps.length - 1} aria-label={`${t('ui.sandbox.steps.later')}: ${what}`} title={t('ui.sandbox.steps.later')} onClick={() => move(i, 1)} data-testid={`step-${i}-later`}>
                    ↓
                  </button>
                  <button type="button" className="remove" aria-label={`${t('ui.sandbox.builder.removeStep')}: ${what}`} title={t('ui.sandbox.builder.removeStep')} onClick={() => remove(i)} data-testid={`step-${i}-remove`}>
                    ×
                  </button>
                </span>
              </div>
              {listed.length > 0 && (
                <ul className="field-problem">
                  {listed.map((p, k) => (
                    <li key={k}>{p.message}</li>
                  ))}
                </ul>
              )}
              {isOpen && (
                <div id={formId}>
                  <StepForm index={i} step={s} problems={problems} devices={devices} accounts={accounts} mails={mails[i]} folders={folderOptions(s)} nameOf={nameOf} onChange={change(i)} onTimeDone={timeDone(i)} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
