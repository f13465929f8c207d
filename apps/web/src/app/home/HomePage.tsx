// The home page lives in app/, not in a feature: it composes cards that the feedback and reports
// features export from their index.ts, and features do not import each other.
import { Link } from 'react-router';
import { Badge, Card, PageHeader } from '@/components/ui';
import { useInAnyCycle, WhatNeedsYou } from '@/features/feedback';
import { ReportsReadyCard } from '@/features/reports';
import { firstName } from '@/lib/format';
import { isAdmin, useSignedInUser } from '@/lib/auth';

interface Shortcut {
  to: string;
  title: string;
  text: string;
}

const EVERYONE: Shortcut[] = [{ to: '/people', title: 'People directory', text: 'Find colleagues by name, team or title, and see who reports to whom.' }];
const HR: Shortcut[] = [
  { to: '/people/new', title: 'Add a person', text: 'Create one profile and send an invitation to sign in.' },
  { to: '/people/import', title: 'Import people', text: 'Upload a CSV of your organisation; preview every change before it is applied.' },
  { to: '/admin/outbox', title: 'Outbox', text: 'Read the emails Ripple would send, when no mail server is configured.' },
  { to: '/admin/audit', title: 'Audit trail', text: 'Every admin action and every report viewed, with who and when.' },
];

export default function HomePage() {
  const me = useSignedInUser();
  const admin = isAdmin(me);
  const inACycle = useInAnyCycle();
  const facts = [
    { label: 'Title', value: me.title },
    { label: 'Department', value: me.department },
    { label: 'Manager', value: me.managerName },
    { label: 'Direct reports', value: me.directReportCount ? String(me.directReportCount) : 'None' },
  ];
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName(me.name)}`}
        documentTitle="Home"
        description={
          <>
            You are signed in to <strong>{me.organizationName}</strong>
            {admin ? ' as an HR admin' : ''}.
          </>
        }
      />
      <WhatNeedsYou />
      <ReportsReadyCard />
      <div className="home-grid">
        <Card title="Your profile" className="home-profile" actions={admin ? <Badge tone="accent">HR admin</Badge> : undefined}>
          <p className="home-profile__name">{me.name}</p>
          <p className="muted">{me.email}</p>
          <dl className="facts">
            {facts.map((f) => (
              <div key={f.label} className="facts__row">
                <dt>{f.label}</dt>
                <dd>{f.value ?? <span className="muted">Not set</span>}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Leadership is influence" className="home-intro">
          <p>
            Ripple collects feedback from the people around you — peers, reports and your manager — on behaviours anyone can show, with or without a title:
            listening, building trust, explaining the why, helping others grow.
          </p>
          {inACycle === false && <p className="muted">Feedback cycles, your requests and your reports will appear here once you take part in a cycle.</p>}
        </Card>
      </div>
      <h2 className="section-title">Shortcuts</h2>
      <ul className="shortcuts">
        {[...EVERYONE, ...(admin ? HR : [])].map((s) => (
          <li key={s.to}>
            <Link to={s.to} className="shortcut">
              <span className="shortcut__title">
                {s.title}
                <span aria-hidden="true" className="shortcut__arrow">
                  →
                </span>
              </span>
              <span className="shortcut__text">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
