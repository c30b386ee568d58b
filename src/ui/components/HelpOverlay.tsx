// Keyboard shortcuts and a legend of the picture, in a modal dialog.
import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { LectureKeys } from '../keyboard/LectureKeys';

const KEYS: [string, string][] = [
  ['Space', 'space'],
  ['← →', 'arrows'],
  ['Shift + ← →', 'shiftArrows'],
  ['Home / End', 'homeEnd'],
  ['+ / −', 'plusMinus'],
  ['R', 'r'],
  ['T', 't'],
  ['?', 'question'],
  ['Esc', 'escape'],
];

export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useSelector(playerStore, (s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const close = () => playerStore.set((s) => ({ ...s, helpOpen: false }));
  return (
    <dialog ref={ref} className="help" aria-labelledby="help-title" onClose={close} data-testid="help">
      <h2 id="help-title">{t('ui.help.title')}</h2>
      <table>
        <tbody>
          {KEYS.map(([k, id]) => (
            <tr key={id}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{t(`ui.help.${id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LectureKeys />
      <h3>{t('ui.help.legendTitle')}</h3>
      <ul className="legend">
        {['token', 'unread', 'deleted', 'headers', 'dup', 'lost', 'count', 'changedText', 'pathText', 'icons'].map((k) => (
          <li key={k}>{t(`ui.lecture.legend.${k}`)}</li>
        ))}
      </ul>
      <button type="button" onClick={close} autoFocus>
        {t('ui.help.close')}
      </button>
    </dialog>
  );
}
