import { Card } from '@/components/ui';
import { useT } from '@/i18n';
import type { RatingScale } from '../api/list-frameworks';

/** The five-point frequency scale with its labels, and "not observed", which never counts as a score. */
export function ScaleCard({ scale }: { scale: RatingScale }) {
  const t = useT();
  return (
    <Card title={t('frameworks.scale.title')} description={t('frameworks.scale.description')}>
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
            {scale.notObservedLabel} <span className="muted">{t('frameworks.scale.neverCounted')}</span>
          </span>
        </li>
      </ol>
    </Card>
  );
}
