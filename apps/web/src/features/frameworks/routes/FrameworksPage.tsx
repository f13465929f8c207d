import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, Button, ButtonLink, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { useT } from '@/i18n';
import { useFrameworks, type FrameworkSummary } from '../api/list-frameworks';
import { CopyFrameworkDialog } from '../components/CopyFrameworkDialog';
import { ScaleCard } from '../components/ScaleCard';
import '../frameworks.css';

function FrameworkCard({ framework, onCopy }: { framework: FrameworkSummary; onCopy: () => void }) {
  const t = useT();
  return (
    <li className="framework-card">
      <div className="framework-card__head">
        <h2 className="framework-card__title">
          <Link to={`/admin/frameworks/${framework.id}`}>{framework.name}</Link>
        </h2>
        <Badge tone="neutral">{t('frameworks.version', { version: framework.latestVersion })}</Badge>
      </div>
      {framework.description && <p className="framework-card__description">{framework.description}</p>}
      <p className="framework-card__meta">
        {t('frameworks.counts', { behaviours: framework.behaviourCount, statements: framework.statementCount, cycles: framework.cycleCount })}
      </p>
      <div className="framework-card__actions">
        <ButtonLink to={`/admin/frameworks/${framework.id}`} size="sm">
          {t('frameworks.view')}
          <span className="visually-hidden"> {framework.name}</span>
        </ButtonLink>
        <Button variant="ghost" size="sm" onClick={onCopy}>
          {t('frameworks.copy')}
          <span className="visually-hidden"> {framework.name}</span>
        </Button>
      </div>
    </li>
  );
}

/** The organisation's competency frameworks (the default one is seeded on first visit) and the rating scale. */
export default function FrameworksPage() {
  const t = useT();
  const frameworks = useFrameworks();
  const [copying, setCopying] = useState<FrameworkSummary | null>(null);
  return (
    <>
      <PageHeader title={t('frameworks.title')} description={t('frameworks.description')} />
      {frameworks.isPending && <Loading label={t('frameworks.loading')} />}
      {frameworks.isError && <ErrorAlert error={frameworks.error} title={t('frameworks.loadFailed')} />}
      {frameworks.data && (
        <div className="frameworks-layout">
          <ul className="framework-list" aria-label={t('frameworks.title')}>
            {frameworks.data.items.map((f) => (
              <FrameworkCard key={f.id} framework={f} onCopy={() => setCopying(f)} />
            ))}
          </ul>
          <ScaleCard scale={frameworks.data.scale} />
        </div>
      )}
      <CopyFrameworkDialog source={copying} onClose={() => setCopying(null)} />
    </>
  );
}
