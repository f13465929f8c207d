import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Badge, Button, ButtonLink, Card, ErrorAlert, Loading, NotFound, PageHeader } from '@/components/ui';
import { formatDate, plural } from '@/lib/format';
import { useFramework, type Behaviour, type FrameworkDetail } from '../api/get-framework';
import { CopyFrameworkDialog } from '../components/CopyFrameworkDialog';
import { KIND_LABEL, KindBadge } from '../components/KindBadge';
import { ScaleCard } from '../components/ScaleCard';
import '../frameworks.css';

const STATE_LABEL: Record<FrameworkDetail['cycles'][number]['state'], string> = {
  draft: 'Draft',
  nominating: 'Nominating',
  collecting: 'Collecting',
  closed: 'Closed',
  released: 'Released',
};

function BehaviourItem({ behaviour }: { behaviour: Behaviour }) {
  return (
    <li className="fw-behaviour">
      <div className="fw-behaviour__head">
        <h3 className="fw-behaviour__name">{behaviour.name}</h3>
        <KindBadge kind={behaviour.kind} />
      </div>
      {behaviour.description && <p className="fw-behaviour__description">{behaviour.description}</p>}
      <ol className="fw-statements" aria-label={`Statements about ${behaviour.name}`}>
        {behaviour.statements.map((s) => (
          <li key={s.id}>{s.text}</li>
        ))}
      </ol>
    </li>
  );
}

function Behaviours({ framework }: { framework: FrameworkDetail }) {
  const v = framework.latestVersion;
  return (
    <>
      {(['influence', 'management'] as const).map((kind) => {
        const items = v.behaviours.filter((b) => b.kind === kind);
        if (!items.length) return null;
        return (
          <Card
            key={kind}
            title={`${KIND_LABEL[kind]} behaviours (${items.length})`}
            description={
              kind === 'influence'
                ? 'Leadership as influence: feeds the influence index of the report.'
                : 'Running the work: feeds the management index of the report.'
            }
          >
            <ul className="fw-behaviours">
              {items.map((b) => (
                <BehaviourItem key={b.id} behaviour={b} />
              ))}
            </ul>
          </Card>
        );
      })}
      <Card title={`Open questions (${v.openQuestions.length})`} description="Answered in words. Comments are shown anonymously and never attributed.">
        {v.openQuestions.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ol className="fw-open-questions">
            {v.openQuestions.map((q) => (
              <li key={q.id}>
                <p className="fw-open-questions__text">{q.text}</p>
                {q.hint && <p className="fw-open-questions__hint">Hint for raters: {q.hint}</p>}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}

/** One framework: its latest version's behaviours, statements and open questions; the scale; versions and the cycles using them. */
export default function FrameworkPage() {
  const { frameworkId = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const framework = useFramework(frameworkId);
  const [copying, setCopying] = useState(false);

  if (framework.isPending) return <Loading label="Loading the framework…" />;
  if (isApiError(framework.error, 404)) return <NotFound />;
  if (framework.isError) return <ErrorAlert error={framework.error} title="Could not load this framework" />;

  const f = framework.data;
  const v = f.latestVersion;
  const statements = v.behaviours.reduce((n, b) => n + b.statements.length, 0);
  return (
    <>
      <PageHeader
        title={f.name}
        documentTitle={f.name}
        back={{ to: '/admin/frameworks', label: 'Frameworks' }}
        description={
          <>
            <Badge tone="neutral">Version {v.version}</Badge> {plural(v.behaviours.length, 'behaviour')} · {plural(statements, 'statement')} ·{' '}
            {plural(v.openQuestions.length, 'open question')}
          </>
        }
        actions={
          <>
            <Button variant="secondary" onClick={() => setCopying(true)}>
              Copy
            </Button>
            <ButtonLink to={`/admin/frameworks/${f.id}/edit`} variant="primary">
              Edit
            </ButtonLink>
          </>
        }
      />
      {notice && <Alert tone="success" title={notice} className="fw-page-alert" />}
      {f.latestVersionInUse && (
        <Alert tone="info" title={`Version ${v.version} is used by a launched cycle`} live={false} className="fw-page-alert">
          Saving changes creates version {v.version + 1}. Cycles already running keep the questionnaire they started with.
        </Alert>
      )}
      {f.description && <p className="framework-description">{f.description}</p>}
      <div className="framework-layout">
        <div className="framework-layout__main">
          <Behaviours framework={f} />
        </div>
        <div className="framework-layout__side">
          <ScaleCard scale={f.scale} />
          <Card title="Versions">
            <ul className="fw-versions">
              {f.versions.map((ver) => (
                <li key={ver.id}>
                  <span className="fw-versions__name">Version {ver.version}</span>
                  <span className="muted">
                    {formatDate(ver.createdAt)} · {ver.cycleCount ? plural(ver.cycleCount, 'cycle') : 'no cycles'}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Cycles using it">
            {f.cycles.length === 0 ? (
              <p className="muted">No cycle uses this framework yet.</p>
            ) : (
              <ul className="fw-versions">
                {f.cycles.map((c) => (
                  <li key={c.id}>
                    <Link to={`/cycles/${c.id}`} className="fw-versions__name">
                      {c.name}
                    </Link>
                    <span className="muted">
                      {STATE_LABEL[c.state]} · version {c.version}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
      <CopyFrameworkDialog source={copying ? f : null} onClose={() => setCopying(false)} />
    </>
  );
}
