// The mails in one place, for a crowded folder drawn as a count.
import { useTranslation } from '../i18n/useTranslation';
import { sharedRememberedT } from '../picture/rememberedT';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { useRestingFrame } from '../store/useRestingFrame';
import { sessionOf } from '../model/session';
import { folderNamer, mailSubject, placeName } from '../model/placeName';
import { accountNames } from '../../i18n/names';
import { deviceNamer, flagText } from '../picture/pictureModel';

export function FolderPanel() {
  const t = sharedRememberedT(useTranslation().t);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const frameIndex = useRestingFrame();
  const place = useSelector(playerStore, (s) => s.selectedPlace);
  const lang = useSelector(playerStore, (s) => s.lang);
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!timeline || !session || !place) return null;
  const frame = timeline.frames[frameIndex];
  const copies = place === 'lost' ? [...session.lost(frame)].map((mail) => ({ mail, key: mail, flags: 8 })) : (session.copies(frame).get(place) ?? []);
  const name = deviceNamer(session.scenario, lang);
  const folder = placeName(place, t, name, accountNames(session.scenario.world), folderNamer(session.scenario, lang));
  return (
    <section className="panel folder" aria-labelledby="folder-heading" data-testid="folder-panel">
      <h2 id="folder-heading">{t('ui.folderList.heading', { folder, count: copies.length })}</h2>
      <button type="button" className="close" onClick={() => playerStore.set((s) => ({ ...s, selectedPlace: null }))} aria-label={t('ui.folderList.close')}>
        ×
      </button>
      <ul className="folder-list">
        {copies.map((c) => {
          const st = session.index.styles.get(c.mail);
          return (
            <li key={c.key}>
              <button type="button" className="link" onClick={() => playerStore.set((s) => ({ ...s, selectedMail: c.mail, selectedPlace: null }))} aria-label={t('ui.folderList.show', { label: st?.label ?? c.mail })}>
                <span className="swatch" style={{ background: st?.fill, color: st?.text }} aria-hidden="true">
                  {st?.label}
                </span>
              </button>{' '}
              {mailSubject(session.scenario, session.index.mails, c.mail, lang)} <span className="muted">({flagText(c.flags, t)})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
