// A one-line key to the picture's marks, under the picture.
import { useTranslation } from '../i18n/useTranslation';

function Sample({ kind }: { kind: 'unread' | 'deleted' | 'headers' | 'lost' }) {
  return (
    <svg width="22" height="22" viewBox="-11 -11 22 22" aria-hidden="true" className="legend-sample">
      <g className={`token${kind === 'deleted' ? ' is-deleted' : kind === 'headers' ? ' is-headers' : kind === 'lost' ? ' is-lost' : ''}`}>
        <circle className="token-body" r="9" fill={kind === 'headers' ? '#fff' : '#0072B2'} stroke={kind === 'headers' ? '#0072B2' : '#222'} />
        <text className="token-label" dy="0.35em" fill={kind === 'headers' ? '#000' : '#fff'}>
          3
        </text>
        {kind === 'unread' && <circle className="unread-dot" r="3" cx="8" cy="-8" />}
        {kind === 'deleted' && <line className="strike" x1="-9" y1="9" x2="9" y2="-9" />}
        {kind === 'lost' && <path className="lost-cross" d="M-9,-9L9,9M9,-9L-9,9" />}
      </g>
    </svg>
  );
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
    </p>
  );
}
