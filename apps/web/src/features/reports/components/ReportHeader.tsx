import { Alert, Button, PageHeader } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { reportFileUrl, type Report } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import type { Reader } from '../utils/report-words';
import { msg, useT, type MessageId } from '@/i18n';

function whoCanSee(report: Report, reader: Reader, t: ReturnType<typeof useT>): string {
  const released = report.cycle.state === 'released';
  const name = report.subject.name.trim().split(/\s+/)[0] ?? report.subject.name;
  if (report.cycle.origin !== 'hr') return report.viewer === 'shared' ? t('who.sharedWithYou', { name: report.subject.name }) : t('who.askedYourself');
  if (reader.self && report.viewer === 'admin') return released ? t('who.ownHrReleased') : t('who.ownHr');
  switch (report.viewer) {
    case 'subject':
      return t('who.subject');
    case 'manager':
      return released ? t('who.managerReleased', { name }) : t('who.manager', { name });
    case 'admin':
    default:
      return released ? t('who.hrReleased', { name }) : t('who.hr', { name });
  }
}

const SECTIONS: { id: string; label: MessageId }[] = [
  { id: 'summary', label: msg('report.summary') },
  { id: 'trend', label: msg('report.trend') },
  { id: 'at-a-glance', label: msg('report.tocIndices') },
  { id: 'strengths', label: msg('report.tocStrengths') },
  { id: 'blind-spots', label: msg('report.blindSpots') },
  { id: 'behaviours', label: msg('report.tocBehaviours') },
  { id: 'statements', label: msg('report.tocStatements') },
  { id: 'comments', label: msg('report.comments') },
];

/** Who and which cycle, the downloads and Print, and whether it is released yet: the top of the page, above the summary. */
export function ReportHeader({ report }: { report: Report }) {
  const { cycle, subject } = report;
  const reader = useReader(report);
  const t = useT();
  const back = report.viewer === 'admin' && !reader.self ? { to: `/cycles/${cycle.id}`, label: cycle.name } : { to: '/reports', label: t('nav.reports') };
  const about = [subject.title, subject.department].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={subject.name}
        documentTitle={`${subject.name} · ${cycle.name}`}
        back={back}
        description={
          <>
            <span className="report-eyebrow">{t('report.eyebrow', { cycle: cycle.name })}</span>
            {about && <span className="report-about">{about}</span>}
          </>
        }
        actions={
          <div className="report-actions">
            <a className="btn btn--secondary" href={reportFileUrl(cycle.id, subject.id, 'pdf')} download>
              {t('report.downloadPdf')}
            </a>
            <a className="btn btn--secondary" href={reportFileUrl(cycle.id, subject.id, 'csv')} download>
              {t('report.downloadCsv')}
            </a>
            <Button variant="secondary" onClick={() => window.print()}>
              {t('report.print')}
            </Button>
          </div>
        }
      />
      {cycle.state !== 'released' && (
        <Alert tone="warning" title={t('report.notReleased')} live={false}>
          {reader.self ? t('report.notReleasedSelf') : t('report.notReleasedOther', { name: reader.name })} {t('report.fixed')}
        </Alert>
      )}
    </>
  );
}

/** Under the summary: the cycle, the framework and who may see the report, then a short contents list. */
export function ReportFacts({ report }: { report: Report }) {
  const { cycle } = report;
  const reader = useReader(report);
  const t = useT();
  const dates = [
    cycle.closedAt && t('report.closed', { date: formatDate(cycle.closedAt) }),
    cycle.releasedAt && t('report.released', { date: formatDate(cycle.releasedAt) }),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <nav className="report-toc" aria-label={t('report.sections')}>
        <ul className="report-toc__list">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <dl className="report-facts">
        <div>
          <dt className="overline">{t('subject.cycle')}</dt>
          <dd>
            {cycle.name}
            {dates && <span className="muted"> · {dates}</span>}
          </dd>
        </div>
        <div>
          <dt className="overline">{t('report.framework')}</dt>
          <dd>
            {cycle.frameworkName} <span className="muted">· {t('report.version', { version: cycle.frameworkVersion })}</span>
          </dd>
        </div>
        <div>
          <dt className="overline">{t('report.whoCanSee')}</dt>
          <dd>{whoCanSee(report, reader, t)}</dd>
        </div>
      </dl>
    </>
  );
}
