import { Alert, Button, PageHeader } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { reportFileUrl, type Report } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import type { Reader } from '../utils/report-words';

function whoCanSee(report: Report, reader: Reader): string {
  const released = report.cycle.state === 'released';
  if (report.cycle.origin !== 'hr') {
    return report.viewer === 'shared'
      ? `${report.subject.name} asked for this feedback and shared the report with you; they can withdraw the share. Nobody else can read it unless they share it.`
      : 'You asked for this feedback, so this report is yours alone: not HR, not your manager. Share it with colleagues you choose from My feedback requests, and withdraw a share at any time.';
  }
  if (reader.self && report.viewer === 'admin') {
    return `This is your own report${released ? '' : ', which you can open before release as HR'}. Other HR admins can open it too, and so can your manager at the time of the cycle if the cycle lets managers see reports. Every view and download is recorded.`;
  }
  switch (report.viewer) {
    case 'subject':
      return 'This report is yours. HR can open it too, and so can your manager at the time of the cycle if the cycle lets managers see reports. Nobody else can, and every view and download is recorded.';
    case 'manager':
      return `You can see this as ${reader.your} manager. ${reader.you} ${released ? 'can read it too' : 'can read it once HR releases it'}, and HR can open it. Every view and download is recorded.`;
    case 'admin':
    default:
      return `You can see this as HR. ${reader.you} ${released ? 'can read it too' : 'can read it once the cycle is released'}; their manager at the time of the cycle, as the cycle allows. Every view and download is recorded in the audit trail.`;
  }
}

const SECTIONS = [
  { id: 'summary', label: 'Summary' },
  { id: 'trend', label: 'Trend' },
  { id: 'at-a-glance', label: 'Indices and profile' },
  { id: 'strengths', label: 'Strengths' },
  { id: 'blind-spots', label: 'Blind spots' },
  { id: 'behaviours', label: 'Behaviours' },
  { id: 'statements', label: 'Statements' },
  { id: 'comments', label: 'Comments' },
];

/** Who and which cycle, the downloads and Print, and whether it is released yet: the top of the page, above the summary. */
export function ReportHeader({ report }: { report: Report }) {
  const { cycle, subject } = report;
  const reader = useReader(report);
  const back = report.viewer === 'admin' && !reader.self ? { to: `/cycles/${cycle.id}`, label: cycle.name } : { to: '/reports', label: 'Reports' };
  const about = [subject.title, subject.department].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={subject.name}
        documentTitle={`${subject.name} · ${cycle.name}`}
        back={back}
        description={
          <>
            <span className="report-eyebrow">360° feedback report · {cycle.name}</span>
            {about && <span className="report-about">{about}</span>}
          </>
        }
        actions={
          <div className="report-actions">
            <a className="btn btn--secondary" href={reportFileUrl(cycle.id, subject.id, 'pdf')} download>
              Download PDF
            </a>
            <a className="btn btn--secondary" href={reportFileUrl(cycle.id, subject.id, 'csv')} download>
              Download CSV
            </a>
            <Button variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
          </div>
        }
      />
      {cycle.state !== 'released' && (
        <Alert tone="warning" title="Not released yet" live={false}>
          {reader.self
            ? 'The people reviewed in this cycle cannot see their reports until HR releases it.'
            : `${reader.you} cannot see this report until HR releases the cycle.`}{' '}
          The numbers will not change: they were fixed when the cycle closed.
        </Alert>
      )}
    </>
  );
}

/** Under the summary: the cycle, the framework and who may see the report, then a short contents list. */
export function ReportFacts({ report }: { report: Report }) {
  const { cycle } = report;
  const reader = useReader(report);
  const dates = [cycle.closedAt && `Closed ${formatDate(cycle.closedAt)}`, cycle.releasedAt && `released ${formatDate(cycle.releasedAt)}`]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <nav className="report-toc" aria-label="Sections of the report">
        <ul className="report-toc__list">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <dl className="report-facts">
        <div>
          <dt className="overline">Cycle</dt>
          <dd>
            {cycle.name}
            {dates && <span className="muted"> · {dates}</span>}
          </dd>
        </div>
        <div>
          <dt className="overline">Framework</dt>
          <dd>
            {cycle.frameworkName} <span className="muted">· version {cycle.frameworkVersion}</span>
          </dd>
        </div>
        <div>
          <dt className="overline">Who can see this</dt>
          <dd>{whoCanSee(report, reader)}</dd>
        </div>
      </dl>
    </>
  );
}
