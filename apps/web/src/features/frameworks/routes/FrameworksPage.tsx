import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, Button, ButtonLink, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { plural } from '@/lib/format';
import { useFrameworks, type FrameworkSummary } from '../api/list-frameworks';
import { CopyFrameworkDialog } from '../components/CopyFrameworkDialog';
import { ScaleCard } from '../components/ScaleCard';
import '../frameworks.css';

function FrameworkCard({ framework, onCopy }: { framework: FrameworkSummary; onCopy: () => void }) {
  return (
    <li className="framework-card">
      <div className="framework-card__head">
        <h2 className="framework-card__title">
          <Link to={`/admin/frameworks/${framework.id}`}>{framework.name}</Link>
        </h2>
        <Badge tone="neutral">Version {framework.latestVersion}</Badge>
      </div>
      {framework.description && <p className="framework-card__description">{framework.description}</p>}
      <p className="framework-card__meta">
        {plural(framework.behaviourCount, 'behaviour')} · {plural(framework.statementCount, 'statement')} ·{' '}
        {framework.cycleCount ? `used by ${plural(framework.cycleCount, 'cycle')}` : 'not used by any cycle'}
      </p>
      <div className="framework-card__actions">
        <ButtonLink to={`/admin/frameworks/${framework.id}`} size="sm">
          View<span className="visually-hidden"> {framework.name}</span>
        </ButtonLink>
        <Button variant="ghost" size="sm" onClick={onCopy}>
          Copy<span className="visually-hidden"> {framework.name}</span>
        </Button>
      </div>
    </li>
  );
}

/** The organisation's competency frameworks (the default one is seeded on first visit) and the rating scale. */
export default function FrameworksPage() {
  const frameworks = useFrameworks();
  const [copying, setCopying] = useState<FrameworkSummary | null>(null);
  return (
    <>
      <PageHeader
        title="Frameworks"
        description="The behaviours raters are asked about. A cycle freezes the version it launches with, so editing never changes a running questionnaire."
      />
      {frameworks.isPending && <Loading label="Loading frameworks…" />}
      {frameworks.isError && <ErrorAlert error={frameworks.error} title="Could not load frameworks" />}
      {frameworks.data && (
        <div className="frameworks-layout">
          <ul className="framework-list" aria-label="Frameworks">
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
