// The player's views as text files: where every mail lives at a moment (CSV,
// one row per mail, as the table view shows it) and the protocol transcript.
import type { TFunction } from 'i18next';
import { frameLines } from '../../sim';
import type { PlaySession } from '../model/session';
import { folderNamer, mailSubject, placeName } from '../model/placeName';
import { deviceNamer, timeText } from '../picture/pictureModel';
import type { Lang } from '../store/playerState';
import { csvText } from './csv';

export function placesCsv(session: PlaySession, frameIndex: number, t: TFunction, lang: Lang): string {
  const frame = session.timeline.frames[frameIndex];
  const m = session.metrics(frame);
  const name = deviceNamer(session.scenario, lang);
  const rows: Array<Array<string | number>> = [[t('ui.table.mail'), t('ui.table.subject'), t('ui.publish.export.from'), t('ui.table.status'), t('ui.table.places')]];
  for (const w of m.mails) {
    const info = session.index.mails.get(w.mail);
    rows.push([
      session.index.styles.get(w.mail)?.label ?? w.mail,
      mailSubject(session.scenario, session.index.mails, w.mail, lang) ?? '',
      info?.from ?? '',
      t(`ui.status.${w.status}`),
      w.places.map((p) => `${placeName(p.place, t, name, undefined, folderNamer(session.scenario, lang))}${p.copies > 1 ? ` × ${p.copies}` : ''}`).join('; '),
    ]);
  }
  return csvText(rows);
}

/** Every protocol line of the frames in [from, to], under each frame's time and label. */
export function transcriptText(session: PlaySession, from: number, to: number, t: TFunction, lang: Lang): string {
  const out: string[] = [`${session.scenario.title[lang]}`, ''];
  for (let i = from; i <= to; i++) {
    const f = session.timeline.frames[i];
    const lines = frameLines(f);
    if (lines.length === 0) continue;
    out.push(`# ${timeText(f.time, lang, t)} · ${f.label}`);
    for (const l of lines) {
      const who = session.index.sessions.get(l.session);
      out.push(`${l.dir === 'C' ? 'C:' : 'S:'} ${who ? `[${who.protocol} ${who.client}] ` : ''}${l.text}`);
    }
    out.push('');
  }
  return out.join('\n');
}
