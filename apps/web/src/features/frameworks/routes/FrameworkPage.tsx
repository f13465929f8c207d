import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Badge, Button, ButtonLink, Card, ErrorAlert, Loading, NotFound, PageHeader } from '@/components/ui';
import { msg, useT } from '@/i18n';
import { formatDate } from '@/lib/format';
import { useFrameworkToRead, type Behaviour, type FrameworkDetail } from '../api/get-framework';
import { CopyFrameworkDialog } from '../components/CopyFrameworkDialog';
import { KindBadge } from '../components/KindBadge';
import { ScaleCard } from '../components/ScaleCard';
import '../frameworks.css';

const STATE_LABEL = {
  draft: msg('frameworks.state.draft'),
  nominating: msg('frameworks.state.nominating'),
  collecting: msg('frameworks.state.collecting'),
  closed: msg('frameworks.state.closed'),
  released: msg('frameworks.state.released'),
} as const;

const KIND_TEXT = {
  influence: { title: msg('frameworks.kindTitle.influence'), description: msg('frameworks.kindDescription.influence') },
  management: { title: msg('frameworks.kindTitle.management'), description: msg('frameworks.kindDescription.management') },
} as const;

function BehaviourItem({ behaviour }: { behaviour: Behaviour }) {
  const t = useT();
  return (
    <li className="fw-behaviour">
      <div className="fw-behaviour__head">
        <h3 className="fw-behaviour__name">{behaviour.name}</h3>
        <KindBadge kind={behaviour.kind} />
      </div>
      {behaviour.description && <p className="fw-behaviour__description">{behaviour.description}</p>}
      <ol className="fw-statements" aria-label={t('frameworks.statementsAbout', { name: behaviour.name })}>
        {behaviour.statements.map((s) => (
          <li key={s.id}>{s.text}</li>
        ))}
      </ol>
    </li>
  );
}

function Behaviours({ framework }: { framework: FrameworkDetail }) {
  const t = useT();
  const v = framework.latestVersion;
  return (
    <>
      {(['influence', 'management'] as const).map((kind) => {
        const items = v.behaviours.filter((b) => b.kind === kind);
        if (!items.length) return null;
        return (
          <Card key={kind} title={t(KIND_TEXT[kind].title, { count: items.length })} description={t(KIND_TEXT[kind].description)}>
            <ul className="fw-behaviours">
              {items.map((b) => (
                <BehaviourItem key={b.id} behaviour={b} />
              ))}
            </ul>
          </Card>
        );
      })}
      <Card title={t('frameworks.openQuestionsCount', { count: v.openQuestions.length })} description={t('frameworks.openQuestionsDescription')}>
        {v.openQuestions.length === 0 ? (
          <p className="muted">{t('frameworks.none')}</p>
        ) : (
          <ol className="fw-open-questions">
            {v.openQuestions.map((q) => (
              <li key={q.id}>
                <p className="fw-open-questions__text">{q.text}</p>
                {q.hint && <p className="fw-open-questions__hint">{t('frameworks.hintForRaters', { hint: q.hint })}</p>}
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
  const framework = useFrameworkToRead(frameworkId);
  const [copying, setCopying] = useState(false);
  const t = useT();

  if (framework.isPending) return <Loading label={t('frameworks.loadingOne')} />;
  if (isApiError(framework.error, 404)) return <NotFound />;
  if (framework.isError) return <ErrorAlert error={framework.error} title={t('frameworks.loadOneFailed')} />;

  const f = framework.data;
  const v = f.latestVersion;
  const statements = v.behaviours.reduce((n, b) => n + b.statements.length, 0);
  return (
    <>
      <PageHeader
        title={f.name}
        documentTitle={f.name}
        back={{ to: '/admin/frameworks', label: t('frameworks.title') }}
        description={
          <>
            <Badge tone="neutral">{t('frameworks.version', { version: v.version })}</Badge>{' '}
            {t('frameworks.detailCounts', { behaviours: v.behaviours.length, statements, questions: v.openQuestions.length })}
          </>
        }
        actions={
          <>
            <Button variant="secondary" onClick={() => setCopying(true)}>
              {t('frameworks.copy')}
            </Button>
            <ButtonLink to={`/admin/frameworks/${f.id}/edit`} variant="primary">
              {t('frameworks.edit')}
            </ButtonLink>
          </>
        }
      />
      {notice && <Alert tone="success" title={notice} className="fw-page-alert" />}
      {f.latestVersionInUse && (
        <Alert tone="info" title={t('frameworks.inUse', { version: v.version })} live={false} className="fw-page-alert">
          {t('frameworks.inUseText', { next: v.version + 1 })}
        </Alert>
      )}
      {f.description && <p className="framework-description">{f.description}</p>}
      <div className="framework-layout">
        <div className="framework-layout__main">
          <Behaviours framework={f} />
        </div>
        <div className="framework-layout__side">
          <ScaleCard scale={f.scale} />
          <Card title={t('frameworks.versions')}>
            <ul className="fw-versions">
              {f.versions.map((ver) => (
                <li key={ver.id}>
                  <span className="fw-versions__name">{t('frameworks.version', { version: ver.version })}</span>
                  <span className="muted">{t('frameworks.versionCycles', { date: formatDate(ver.createdAt), count: ver.cycleCount })}</span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('frameworks.cyclesUsing')}>
            {f.cycles.length === 0 ? (
              <p className="muted">{t('frameworks.noCycles')}</p>
            ) : (
              <ul className="fw-versions">
                {f.cycles.map((c) => (
                  <li key={c.id}>
                    <Link to={`/cycles/${c.id}`} className="fw-versions__name">
                      {c.name}
                    </Link>
                    <span className="muted">{t('frameworks.cycleVersion', { state: t(STATE_LABEL[c.state]), version: c.version })}</span>
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
