import { Card } from '@/components/ui';
import type { RatingScale } from '../api/list-frameworks';

/** The five-point frequency scale with its labels, and "not observed", which never counts as a score. */
export function ScaleCard({ scale }: { scale: RatingScale }) {
  return (
    <Card title="Rating scale" description="How often the rater sees the behaviour. The same for every framework.">
      <ol className="fw-scale">
        {scale.points.map((p) => (
          <li key={p.value} className="fw-scale__point">
            <span className="fw-scale__value">{p.value}</span>
            <span className="fw-scale__label">{p.label}</span>
          </li>
        ))}
        <li className="fw-scale__point fw-scale__point--none">
          <span className="fw-scale__value" aria-hidden="true">
            –
          </span>
          <span className="fw-scale__label">
            {scale.notObservedLabel} <span className="muted">(never counted as a score)</span>
          </span>
        </li>
      </ol>
    </Card>
  );
}
