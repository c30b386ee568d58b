// One mail drawn as the picture draws it, for the legend: an envelope with its
// number, and the marks for unread, deleted, headers only, lost, changed.
import { DESK } from './geometry';

export type SampleKind = 'unread' | 'deleted' | 'headers' | 'lost' | 'changed' | 'path';

export function TokenSample({ kind }: { kind: SampleKind }) {
  const w = DESK.tokenW;
  const h = DESK.tokenH;
  const x = -w / 2;
  const y = -h / 2;
  if (kind === 'path')
    return (
      <svg width="34" height="22" viewBox="-17 -11 34 22" aria-hidden="true" className="legend-sample">
        <g className="transfer">
          <path className="transfer-line" d="M-15,6Q0,-10 9,2" stroke="#0072B2" />
          <path className="transfer-head" d="M13,7L5.5,4.5L10,-1Z" fill="#0072B2" />
        </g>
      </svg>
    );
  const headers = kind === 'headers';
  const cls = `token${kind === 'deleted' ? ' is-deleted' : headers ? ' is-headers' : kind === 'lost' ? ' is-lost' : kind === 'changed' ? ' is-changed' : ''}`;
  const fill = headers ? '#fff' : '#0072B2';
  return (
    <svg width="30" height="24" viewBox="-15 -12 30 24" aria-hidden="true" className="legend-sample">
      <g className={cls}>
        {kind === 'changed' && <rect className="change-ring" x={x - 3} y={y - 3} width={w + 6} height={h + 6} rx={3} />}
        <rect className="token-body" x={x} y={y} width={w} height={h} rx={2} fill={fill} stroke={headers ? '#0072B2' : '#222'} />
        <path className="token-flap" d={`M${x},${y}L0,${y + h * 0.42}L${-x},${y}`} stroke={headers ? '#0072B2' : '#fff'} />
        <text className="token-label" dy="0.35em" y={h * 0.13} fill={headers ? '#000' : '#fff'} stroke={fill} style={{ fontSize: '10.5px' }}>
          3
        </text>
        {kind === 'unread' && <circle className="unread-dot" r="3" cx={-x} cy={y} />}
        {kind === 'deleted' && <line className="strike" x1={x} y1={-y} x2={-x} y2={y} />}
        {kind === 'lost' && <path className="lost-cross" d={`M${x},${y}L${-x},${-y}M${-x},${y}L${x},${-y}`} />}
      </g>
    </svg>
  );
}
