// The home page lives in app/, not in a feature: it composes cards that the feedback and reports
// features export from their index.ts, and features do not import each other.
import { Link } from 'react-router';
import { Badge, Card, PageHeader } from '@/components/ui';
import { useInAnyCycle, WhatNeedsYou } from '@/features/feedback';
import { ReportsReadyCard } from '@/features/reports';
import { firstName } from '@/lib/format';
import { isAdmin, useSignedInUser } from '@/lib/auth';
import { FormattedMessage } from 'react-intl';
import { msg, useT, type MessageId } from '@/i18n';

interface Shortcut {
  to: string;
  title: MessageId;
  text: MessageId;
}

const EVERYONE: Shortcut[] = [{ to: '/people', title: msg('home.shortcut.people'), text: msg('home.shortcut.peopleText') }];
const HR: Shortcut[] = [
  { to: '/people/new', title: msg('home.shortcut.addPerson'), text: msg('home.shortcut.addPersonText') },
  { to: '/people/import', title: msg('home.shortcut.import'), text: msg('home.shortcut.importText') },
  { to: '/admin/outbox', title: msg('home.shortcut.outbox'), text: msg('home.shortcut.outboxText') },
  { to: '/admin/audit', title: msg('home.shortcut.audit'), text: msg('home.shortcut.auditText') },
];

export default function HomePage() {
  const me = useSignedInUser();
  const admin = isAdmin(me);
  const inACycle = useInAnyCycle();
  const t = useT();
  const facts = [
    { label: t('person.title'), value: me.title },
    { label: t('person.department'), value: me.department },
    { label: t('person.manager'), value: me.managerName },
    { label: t('person.directReports'), value: me.directReportCount ? String(me.directReportCount) : t('common.none') },
  ];
  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: firstName(me.name) })}
        documentTitle={t('nav.home')}
        description={
          <FormattedMessage
            id={admin ? 'home.signedInToAsHr' : 'home.signedInTo'}
            values={{ organization: me.organizationName, strong: (chunks) => <strong>{chunks}</strong> }}
          />
        }
      />
      <WhatNeedsYou />
      <ReportsReadyCard />
      <div className="home-grid">
        <Card title={t('home.profile')} className="home-profile" actions={admin ? <Badge tone="accent">{t('home.hrAdmin')}</Badge> : undefined}>
          <p className="home-profile__name">{me.name}</p>
          <p className="muted">{me.email}</p>
          <dl className="facts">
            {facts.map((f) => (
              <div key={f.label} className="facts__row">
                <dt>{f.label}</dt>
                <dd>{f.value ?? <span className="muted">{t('common.notSet')}</span>}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t('home.introTitle')} className="home-intro">
          <p>{t('home.intro')}</p>
          {inACycle === false && <p className="muted">{t('home.noCycle')}</p>}
        </Card>
      </div>
      <h2 className="section-title">{t('home.shortcuts')}</h2>
      <ul className="shortcuts">
        {[...EVERYONE, ...(admin ? HR : [])].map((s) => (
          <li key={s.to}>
            <Link to={s.to} className="shortcut">
              <span className="shortcut__title">
                {t(s.title)}
                <span aria-hidden="true" className="shortcut__arrow">
                  →
                </span>
              </span>
              <span className="shortcut__text">{t(s.text)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
