// The presenter's keys, listed in the help overlay under the player's own.
import { useTranslation } from '../i18n/useTranslation';

const KEYS = ['pageKeys', 'blankKey', 'presentKey', 'notesKey', 'digitKeys'] as const;

export function LectureKeys() {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('ui.lecture.help.title')}</h3>
      <table>
        <tbody>
          {KEYS.map((k) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{t(`ui.lecture.help.${k}`)}</kbd>
              </th>
              <td>{t(`ui.lecture.help.${k}Text`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
