import type { Quadrant } from '../api/get-report';
import { fixed, QUADRANT } from '../utils/report-words';
import { msg, tr, type MessageId } from '@/i18n';

const SIZE = 300;
const PAD = { left: 34, right: 8, top: 8, bottom: 34 };
const PLOT = SIZE - PAD.left - PAD.right;
const MIN = 1;
const MAX = 5;

/** The quadrant names, broken (a new line in the message) where the narrow boxes (high starts at 3.5 of 5) need it. */
const LINES: Record<Quadrant, MessageId> = {
  manager_leader: msg('reports.quadrant.manager_leader'),
  leader_without_title: msg('reports.quadrant.leader_without_title'),
  manager: msg('reports.quadrant.manager'),
  emerging: msg('reports.quadrant.emerging'),
};
const lines = (quadrant: Quadrant): string[] => tr(LINES[quadrant]).split('\n');
const LINE_HEIGHT = 13;

const x = (influence: number): number => PAD.left + ((influence - MIN) / (MAX - MIN)) * PLOT;
const y = (management: number): number => PAD.top + (1 - (management - MIN) / (MAX - MIN)) * PLOT;

interface ProfileQuadrantProps {
  /** The person's point; absent when the profile may not be shown. */
  point?: { influence: number; management: number; quadrant: Quadrant };
  /** Where an index counts as high (from the report). */
  threshold: number;
}

/**
 * The manager–leader 2×2: influence across, management up, split where each index counts as
 * high. The person's quadrant is shaded and named; the dot sits at their two indices.
 */
export function ProfileQuadrant({ point, threshold }: ProfileQuadrantProps) {
  const splitX = x(threshold);
  const splitY = y(threshold);
  const boxes: { quadrant: Quadrant; x0: number; y0: number; x1: number; y1: number }[] = [
    { quadrant: 'manager', x0: PAD.left, y0: PAD.top, x1: splitX, y1: splitY },
    { quadrant: 'manager_leader', x0: splitX, y0: PAD.top, x1: PAD.left + PLOT, y1: splitY },
    { quadrant: 'emerging', x0: PAD.left, y0: splitY, x1: splitX, y1: PAD.top + PLOT },
    { quadrant: 'leader_without_title', x0: splitX, y0: splitY, x1: PAD.left + PLOT, y1: PAD.top + PLOT },
  ];
  const label = point
    ? tr('reports.quadrant.label', {
        quadrant: QUADRANT[point.quadrant].name,
        influence: fixed(point.influence),
        management: fixed(point.management),
        threshold: fixed(threshold),
      })
    : tr('reports.quadrant.labelHidden');
  return (
    <svg className="quadrant" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={label}>
      {boxes.map((b) => {
        const current = point?.quadrant === b.quadrant;
        return (
          <g key={b.quadrant}>
            <rect x={b.x0} y={b.y0} width={b.x1 - b.x0} height={b.y1 - b.y0} className={current ? 'quadrant__box quadrant__box--current' : 'quadrant__box'} />
            <text textAnchor="middle" className={current ? 'quadrant__name quadrant__name--current' : 'quadrant__name'}>
              {lines(b.quadrant).map((line, i, all) => {
                const top = b.quadrant === 'manager' || b.quadrant === 'manager_leader';
                const lineY = top ? b.y0 + 16 + i * LINE_HEIGHT : b.y1 - 8 - (all.length - 1 - i) * LINE_HEIGHT;
                return (
                  <tspan key={line} x={(b.x0 + b.x1) / 2} y={lineY}>
                    {line}
                  </tspan>
                );
              })}
            </text>
          </g>
        );
      })}
      <rect x={PAD.left} y={PAD.top} width={PLOT} height={PLOT} className="quadrant__frame" />
      {[1, 2, 3, 4, 5].map((v) => (
        <g key={v} className="quadrant__tick">
          <text x={x(v)} y={PAD.top + PLOT + 13} textAnchor="middle">
            {v}
          </text>
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      <text x={PAD.left + PLOT / 2} y={SIZE - 4} textAnchor="middle" className="quadrant__axis">
        {tr('reports.quadrant.influenceAxis')}
      </text>
      <text x={10} y={PAD.top + PLOT / 2} textAnchor="middle" transform={`rotate(-90 10 ${PAD.top + PLOT / 2})`} className="quadrant__axis">
        {tr('reports.quadrant.managementAxis')}
      </text>
      {point && (
        <g className="quadrant__point">
          <circle cx={x(point.influence)} cy={y(point.management)} r={9} className="quadrant__halo" />
          <circle cx={x(point.influence)} cy={y(point.management)} r={5} className="quadrant__dot" />
        </g>
      )}
    </svg>
  );
}
