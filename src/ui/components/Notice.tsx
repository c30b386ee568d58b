// A clear message when a link or file cannot be played; the app keeps working.
import { useTranslation } from '../i18n/useTranslation';
import { appStore } from '../store/appStore';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { budgetProblemLines } from '../worker/budgetText';

export function NoticeBanner() {
  const { t } = useTranslation();
  const notice = useSelector(appStore, (a) => a.notice);
  const lang = useSelector(playerStore, (s) => s.lang);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      {notice.kind === 'notFound' ? (
        <p>{t('ui.player.notFound', { id: notice.id })}</p>
      ) : notice.kind === 'cancelled' ? (
        <p>{t('ui.safety.cancelled')}</p>
      ) : notice.kind === 'failed' ? (
        <p>
          <code>{notice.file}</code>: {t('ui.safety.simulationFailed', { message: notice.message })}
        </p>
      ) : notice.kind === 'tooMuch' && notice.verdict ? (
        <ul>
          {budgetProblemLines(notice.verdict, notice.file ?? '', t, lang).map((p, i) => (
            <li key={i}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p>
            <strong>{t(notice.kind === 'badFile' ? 'ui.share.loadProblem' : 'ui.share.badLink')}</strong>
          </p>
          <p>{t('ui.share.problems')}</p>
          <ul>
            {notice.problems.map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
          <p>{t('ui.share.keepWorking')}</p>
        </>
      )}
      <button type="button" onClick={() => appStore.set((a) => ({ ...a, notice: null }))}>
        ×
      </button>
    </div>
  );
}
