// The picture as a table: where every mail lives at this moment. For screen
// readers, and for copying into notes.
import { useTranslation } from '../i18n/useTranslation';
import { sharedRememberedT } from '../picture/rememberedT';
import { playerStore } from '../store/playerStore';
import { useRestingMetrics } from '../store/useRestingMetrics';
import { folderNamer, mailSubject, placeName } from '../model/placeName';
import { accountNames } from '../../i18n/names';
import { timeText } from '../picture/pictureModel';

export function PlaceTable() {
  const t = sharedRememberedT(useTranslation().t);
  const view = useRestingMetrics();
  if (!view) return null;
  const { session, frame, lang, m, name } = view;
  return (
    <div className="table-wrap">
      <table className="places" data-testid="place-table">
        <caption>{t('ui.table.caption', { time: timeText(frame.time, lang, t) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.table.mail')}</th>
            <th scope="col">{t('ui.table.subject')}</th>
            <th scope="col">{t('ui.table.status')}</th>
            <th scope="col">{t('ui.table.places')}</th>
            <th scope="col">{t('ui.table.details')}</th>
          </tr>
        </thead>
        <tbody>
          {m.mails.length === 0 && (
            <tr>
              <td colSpan={5}>{t('ui.table.empty')}</td>
            </tr>
          )}
          {m.mails.map((w) => {
            const st = session.index.styles.get(w.mail);
            return (
              <tr key={w.mail} data-mail={w.mail}>
                <th scope="row">{st?.label ?? w.mail}</th>
                <td>{mailSubject(session.scenario, session.index.mails, w.mail, lang)}</td>
                <td>{t(`ui.status.${w.status}`)}</td>
                <td>{w.places.map((p) => `${placeName(p.place, t, name, accountNames(session.scenario.world), folderNamer(session.scenario, lang))}${p.copies > 1 ? ` × ${p.copies}` : ''}`).join('; ') || '—'}</td>
                <td>
                  <button type="button" className="link" onClick={() => playerStore.set((s) => ({ ...s, selectedMail: w.mail, selectedPlace: null }))}>
                    {t('ui.table.details')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
