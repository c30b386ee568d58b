// A one-line key to the picture's marks, under the picture.
import { useTranslation } from '../i18n/useTranslation';
import { TokenSample, type SampleKind } from '../picture/TokenSample';

function Sample({ kind }: { kind: SampleKind }) {
  return <TokenSample kind={kind} />;
}

export function Legend() {
  const { t } = useTranslation();
  return (
    <p className="legend-line">
      <span>
        <Sample kind="unread" /> {t('ui.legend.unread')}
      </span>
      <span>
        <Sample kind="deleted" /> {t('ui.legend.deleted')}
      </span>
      <span>
        <Sample kind="headers" /> {t('ui.legend.headers')}
      </span>
      <span>
        <Sample kind="lost" /> {t('ui.legend.lost')}
      </span>
      <span>
        <Sample kind="changed" /> {t('ui.lecture.legend.changed')}
      </span>
      <span>
        <Sample kind="path" /> {t('ui.lecture.legend.path')}
      </span>
    </p>
  );
}
