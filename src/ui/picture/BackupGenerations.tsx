// The provider's backup generations at the current frame, as one compact
// strip under the picture: one bar per night kept (oldest first, height by how
// many messages that night's backup holds), and in words how many nights are
// kept and how many messages exist only in the backups any more (rule 81).
// Reads the frame's state; shows nothing when the server keeps no backup.
import { useMemo, useState } from 'react';
import { summariesAlong, type GenerationsSummary } from './backupGenerationsSummary';
import type { Store } from '../store/store';
import type { PlayerState } from '../store/playerState';
import { useSelector } from '../store/useStore';
import { useFollowedFrame } from '../store/useRestingFrame';
import { useTranslation } from '../i18n/useTranslation';

/** More nights than this are summed up in words, not drawn (a server may keep up to a year). */
const MAX_BARS = 31;
const BAR_HEIGHT = 22;

export function BackupGenerations({ store }: { store: Store<PlayerState> }) {
  const { t } = useTranslation();
  const timeline = useSelector(store, (s) => s.timeline);
  // Follows the picture as the side panels do: while playing, after the animation frame that moved it.
  const frameIndex = useFollowedFrame(store);
  // Made anew only when the frames since the last summary touched a server or backup folder (see summariesAlong).
  const [along] = useState(summariesAlong);
  const summary = useMemo(() => (timeline?.frames[frameIndex] ? along(timeline, frameIndex) : null), [along, timeline, frameIndex]);
  // The strip changes only when a backup is taken or a message leaves the server: most changes draw it as it was.
  const same = summary ? `${summary.mails}|${summary.onlyInBackups}|${summary.nights.map((n) => `${n.day}:${n.mails}`).join(',')}` : '';
  return useMemo(() => (summary ? <Strip summary={summary} t={t} /> : null), [same, t]); // eslint-disable-line react-hooks/exhaustive-deps
}

function Strip({ summary, t }: { summary: GenerationsSummary; t: ReturnType<typeof useTranslation>['t'] }) {
  if (summary.nights.length === 0) return null;

  const drawn = summary.nights.slice(-MAX_BARS);
  const hidden = summary.nights.length - drawn.length;
  const most = Math.max(1, ...drawn.map((n) => n.mails));
  const first = summary.nights[0].day;
  const last = summary.nights[summary.nights.length - 1].day;
  const words = [
    t('ui.backupGenerations.kept', { count: summary.nights.length }),
    t('ui.backupGenerations.span', { first, last }),
    t('ui.backupGenerations.mails', { count: summary.mails }),
    ...(summary.onlyInBackups ? [t('ui.backupGenerations.onlyInBackups', { count: summary.onlyInBackups })] : []),
  ];

  return (
    <section className="backup-generations" aria-label={t('ui.backupGenerations.heading')} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '4px 12px', padding: '4px 8px', fontSize: 13, color: '#1b1f24' }}>
      <p style={{ margin: 0, flex: '1 1 16rem' }}>
        <strong>{t('ui.backupGenerations.heading')}</strong>: {words.join(' · ')}
        {hidden > 0 ? ` (${t('ui.backupGenerations.older', { count: hidden })})` : ''}
      </p>
      <ol aria-label={t('ui.backupGenerations.list')} style={{ display: 'flex', alignItems: 'flex-end', gap: 2, listStyle: 'none', margin: 0, padding: 0 }}>
        {drawn.map((n) => {
          const label = t('ui.backupGenerations.night', { day: n.day, count: n.mails });
          return (
            <li key={n.day} title={label} aria-label={label} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', width: 14 }}>
              <span aria-hidden="true" style={{ display: 'block', width: 10, height: Math.max(2, Math.round((n.mails / most) * BAR_HEIGHT)), background: n.mails ? '#4f8f5a' : '#c9d3cb', borderRadius: 2 }} />
              <span aria-hidden="true" style={{ fontSize: 9, color: '#4a525b', lineHeight: '12px' }}>{n.day}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
