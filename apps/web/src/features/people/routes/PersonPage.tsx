import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Badge, Button, Card, ErrorAlert, Loading, NotFound, PageHeader, useToast } from '@/components/ui';
import { msg, useT, type MessageId } from '@/i18n';
import { isAdmin, useSignedInUser } from '@/lib/auth';
import { formatDate } from '@/lib/format';
import { usePerson } from '../api/get-person';
import { useDeactivatePerson, useReactivatePerson } from '../api/deactivate-person';
import { useInvitePerson } from '../api/invite-person';
import { isFullPerson, type Person, type PersonView } from '../api/list-people';
import { useUpdatePerson } from '../api/update-person';
import { type ManagerChoice, ManagerPicker } from '../components/ManagerPicker';
import { PersonForm } from '../components/PersonForm';

/** A colleague's profile: what the API shows the reader (a member gets title and department). */
function Profile({ person, className }: { person: PersonView; className?: string }) {
  const t = useT();
  const facts = [
    ...(isFullPerson(person) ? [{ label: t('people.profile.email'), value: <a href={`mailto:${person.email}`}>{person.email}</a> }] : []),
    { label: t('person.title'), value: person.title },
    { label: t('person.department'), value: person.department },
    ...(isFullPerson(person)
      ? [
          { label: t('person.manager'), value: person.managerId ? <Link to={`/people/${person.managerId}`}>{person.managerName}</Link> : null },
          { label: t('person.directReports'), value: person.directReportCount ? String(person.directReportCount) : t('common.none') },
        ]
      : []),
  ];
  return (
    <Card title={t('people.profile.title')} className={className}>
      <dl className="facts">
        {facts.map((f) => (
          <div key={f.label} className="facts__row">
            <dt>{f.label}</dt>
            <dd>{f.value ?? <span className="muted">{t('common.notSet')}</span>}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/**
 * Whether the person can sign in, and for someone who cannot yet, the invitation. A person with a
 * login is never offered one: an invitation would let whoever reads the link set their password.
 * They recover a forgotten password themselves, through their own mailbox.
 */
function Invitation({ person }: { person: Person }) {
  const invite = useInvitePerson();
  const t = useT();
  if (person.hasLogin) {
    return (
      <Card title={t('people.signIn.title')} description={t('people.signIn.hasLogin')}>
        <p className="invite__status">
          <Badge tone="success" icon="✓">
            {t('people.login.has')}
          </Badge>
        </p>
        <p className="field__hint">{t('people.signIn.forgot')}</p>
      </Card>
    );
  }
  return (
    <Card title={t('people.signIn.title')} description={t('people.signIn.noLogin')}>
      <p className="invite__status">
        <Badge tone="warning" icon="–">
          {t('people.login.notSetUp')}
        </Badge>
      </p>
      {invite.isSuccess && (
        <Alert tone="success" title={t('people.invite.sent', { email: invite.data.sentTo })}>
          {t('people.invite.expires', { date: formatDate(invite.data.expiresAt) })}
        </Alert>
      )}
      {invite.isError && <ErrorAlert error={invite.error} title={t('people.invite.failed')} />}
      <Button variant="secondary" onClick={() => invite.mutate(person.id)} loading={invite.isPending} loadingText={t('people.invite.sending')}>
        {invite.isSuccess ? t('people.invite.again') : t('people.invite.send')}
      </Button>
    </Card>
  );
}

/** The two choices for a leaver who is a subject, in the words HR reads before choosing. */
const SUBJECT_HANDLING: readonly (readonly ['keep' | 'remove', MessageId, MessageId])[] = [
  ['keep', msg('people.leaving.keep'), msg('people.leaving.keepText')],
  ['remove', msg('people.leaving.remove'), msg('people.leaving.removeText')],
];

/**
 * HR marks a leaver: they keep existing (their submitted answers stay in reports, anonymous) but
 * cannot sign in and get no mail; the subjects they rate are told. Their direct reports move
 * to the manager HR names, or to the leaver's own manager.
 */
function Leaving({ person }: { person: Person }) {
  const deactivate = useDeactivatePerson();
  const reactivate = useReactivatePerson();
  const toast = useToast();
  const [reassignTo, setReassignTo] = useState<ManagerChoice | null>(null);
  const [subjectHandling, setSubjectHandling] = useState<'keep' | 'remove'>('keep');
  const t = useT();
  if (!person.active) {
    return (
      <Card title={t('people.left.title')} description={person.deactivatedAt ? t('people.left.on', { date: formatDate(person.deactivatedAt) }) : undefined}>
        <p className="field__hint">{t('people.left.text')}</p>
        {reactivate.isError && <ErrorAlert error={reactivate.error} title={t('people.left.reactivateFailed')} />}
        <Button
          variant="secondary"
          loading={reactivate.isPending}
          loadingText={t('people.left.reactivating')}
          onClick={() => reactivate.mutate(person.id, { onSuccess: () => toast.show(t('people.left.reactivated', { name: person.name })) })}
        >
          {t('people.left.reactivate')}
        </Button>
      </Card>
    );
  }
  return (
    <Card title={t('people.leaving.title')} description={t('people.leaving.description')}>
      {person.directReportCount > 0 && (
        <ManagerPicker
          label={t('people.leaving.moveReports')}
          value={reassignTo}
          onChange={setReassignTo}
          excludeId={person.id}
          hint={person.managerName ? t('people.leaving.moveToManager', { name: person.managerName }) : t('people.leaving.moveToNobody')}
        />
      )}
      <fieldset className="fieldset">
        <legend className="field__label">{t('people.leaving.subjectLegend')}</legend>
        <div className="segmented segmented--stacked">
          {SUBJECT_HANDLING.map(([value, title, text]) => (
            <label key={value} className={`segmented__option${subjectHandling === value ? ' is-checked' : ''}`}>
              <input type="radio" name="subjectHandling" value={value} checked={subjectHandling === value} onChange={() => setSubjectHandling(value)} />
              <span className="segmented__label">{t(title)}</span>
              <span className="segmented__text">{t(text)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {deactivate.isError && <ErrorAlert error={deactivate.error} title={t('people.leaving.failed')} />}
      <Button
        variant="danger"
        loading={deactivate.isPending}
        loadingText={t('people.leaving.deactivating')}
        onClick={() =>
          deactivate.mutate(
            { id: person.id, subjectHandling, ...(reassignTo ? { reassignReportsTo: reassignTo.id } : {}) },
            {
              onSuccess: (r) => toast.show(t('people.leaving.done', { name: person.name, count: r.withdrawnRequests })),
            },
          )
        }
      >
        {t('people.leaving.deactivate', { name: person.name })}
      </Button>
    </Card>
  );
}

function EditPerson({ person }: { person: Person }) {
  const update = useUpdatePerson();
  const toast = useToast();
  const t = useT();
  return (
    <div className="person-layout">
      <Card title={t('people.details')}>
        <PersonForm
          key={person.id}
          person={person}
          submitLabel={t('people.save')}
          submittingLabel={t('people.saving')}
          submitting={update.isPending}
          error={update.error}
          onSubmit={(values) => update.mutate({ id: person.id, ...values }, { onSuccess: (saved) => toast.show(t('people.saved', { name: saved.name })) })}
        />
      </Card>
      <div className="person-layout__side">
        {person.active && <Invitation person={person} />}
        <Leaving person={person} />
        <Profile person={person} />
      </div>
    </div>
  );
}

export default function PersonPage() {
  const { personId = '' } = useParams();
  const me = useSignedInUser();
  const person = usePerson(personId);
  const t = useT();

  if (person.isPending) return <Loading />;
  if (isApiError(person.error, 404)) return <NotFound />;
  if (person.isError) return <ErrorAlert error={person.error} title={t('people.loadOneFailed')} />;

  const p = person.data;
  const subtitle = [p.title, p.department].filter(Boolean).join(' · ') || (isFullPerson(p) ? p.email : '');
  return (
    <>
      <PageHeader
        title={p.name}
        description={
          <>
            {subtitle}
            {isFullPerson(p) && p.role === 'admin' && (
              <>
                {' '}
                <Badge tone="accent">{t('people.role.admin')}</Badge>
              </>
            )}
            {isFullPerson(p) && !p.active && (
              <>
                {' '}
                <Badge tone="warning">{t('people.login.left')}</Badge>
              </>
            )}
          </>
        }
        documentTitle={p.name}
        back={{ to: '/people', label: t('people.title') }}
      />
      {isAdmin(me) && isFullPerson(p) ? <EditPerson person={p} /> : <Profile person={p} className="card--narrow" />}
    </>
  );
}
