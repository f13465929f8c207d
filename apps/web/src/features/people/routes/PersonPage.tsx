import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Badge, Button, Card, ErrorAlert, Loading, NotFound, PageHeader, useToast } from '@/components/ui';
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
  const facts = [
    ...(isFullPerson(person) ? [{ label: 'Email', value: <a href={`mailto:${person.email}`}>{person.email}</a> }] : []),
    { label: 'Title', value: person.title },
    { label: 'Department', value: person.department },
    ...(isFullPerson(person)
      ? [
          { label: 'Manager', value: person.managerId ? <Link to={`/people/${person.managerId}`}>{person.managerName}</Link> : null },
          { label: 'Direct reports', value: person.directReportCount ? String(person.directReportCount) : 'None' },
        ]
      : []),
  ];
  return (
    <Card title="Profile" className={className}>
      <dl className="facts">
        {facts.map((f) => (
          <div key={f.label} className="facts__row">
            <dt>{f.label}</dt>
            <dd>{f.value ?? <span className="muted">Not set</span>}</dd>
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
  if (person.hasLogin) {
    return (
      <Card title="Sign-in" description="This person has set a password and can sign in.">
        <p className="invite__status">
          <Badge tone="success" icon="✓">
            Has a login
          </Badge>
        </p>
        <p className="field__hint">
          If they forget their password, they can reset it themselves with “Forgot your password?” on the sign-in page. The link goes to their own email
          address.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Sign-in" description="This person cannot sign in until they accept an invitation.">
      <p className="invite__status">
        <Badge tone="warning" icon="–">
          Not set up
        </Badge>
      </p>
      {invite.isSuccess && (
        <Alert tone="success" title={`Invitation sent to ${invite.data.sentTo}`}>
          The link works once and expires on {formatDate(invite.data.expiresAt)}.
        </Alert>
      )}
      {invite.isError && <ErrorAlert error={invite.error} title="The invitation was not sent" />}
      <Button variant="secondary" onClick={() => invite.mutate(person.id)} loading={invite.isPending} loadingText="Sending…">
        {invite.isSuccess ? 'Send a new invitation' : 'Send invitation'}
      </Button>
    </Card>
  );
}

/** The two choices for a leaver who is a subject, in the words HR reads before choosing. */
const SUBJECT_HANDLING: readonly (readonly ['keep' | 'remove', string, string])[] = [
  ['keep', 'Keep them', 'Nothing changes for their raters: they can still answer, and the report is made when the cycle closes, as for everyone else.'],
  [
    'remove',
    'Remove them from those cycles',
    'No report is made for them. Everyone still asked about them is told, by mail and in their list, that they no longer need to answer. Anyone who had started a draft is told it was not submitted and will not be used; they alone can still read it until the cycle closes, when it is deleted. Feedback already submitted about them is kept but never shown. Raters from outside the organisation invited for them lose their link, and anything they sent is dropped. Nobody learns who had answered.',
  ],
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
  if (!person.active) {
    return (
      <Card title="Left the organisation" description={person.deactivatedAt ? `Deactivated on ${formatDate(person.deactivatedAt)}.` : undefined}>
        <p className="field__hint">They cannot sign in and get no mail. Reactivating restores their sign-in (their password is kept).</p>
        {reactivate.isError && <ErrorAlert error={reactivate.error} title="Could not reactivate" />}
        <Button
          variant="secondary"
          loading={reactivate.isPending}
          loadingText="Reactivating…"
          onClick={() => reactivate.mutate(person.id, { onSuccess: () => toast.show(`${person.name} is active again`) })}
        >
          Reactivate
        </Button>
      </Card>
    );
  }
  return (
    <Card
      title="Leaving"
      description="Deactivate someone who has left: they cannot sign in and get no mail. The colleagues they were giving feedback to are told they have left (never whether they had answered); answers they submitted stay in reports, anonymous."
    >
      {person.directReportCount > 0 && (
        <ManagerPicker
          label="Move their direct reports to"
          value={reassignTo}
          onChange={setReassignTo}
          excludeId={person.id}
          hint={person.managerName ? `Leave empty to move them to ${person.managerName}.` : 'Leave empty to leave them without a manager.'}
        />
      )}
      <fieldset className="fieldset">
        <legend className="field__label">If they are being reviewed in a cycle that has not closed</legend>
        <div className="segmented segmented--stacked">
          {SUBJECT_HANDLING.map(([value, title, text]) => (
            <label key={value} className={`segmented__option${subjectHandling === value ? ' is-checked' : ''}`}>
              <input type="radio" name="subjectHandling" value={value} checked={subjectHandling === value} onChange={() => setSubjectHandling(value)} />
              <span className="segmented__label">{title}</span>
              <span className="segmented__text">{text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {deactivate.isError && <ErrorAlert error={deactivate.error} title="Could not deactivate" />}
      <Button
        variant="danger"
        loading={deactivate.isPending}
        loadingText="Deactivating…"
        onClick={() =>
          deactivate.mutate(
            { id: person.id, subjectHandling, ...(reassignTo ? { reassignReportsTo: reassignTo.id } : {}) },
            {
              onSuccess: (r) => toast.show(`${person.name} is marked as left; ${r.withdrawnRequests} colleague(s) they were giving feedback to have been told`),
            },
          )
        }
      >
        Deactivate {person.name}
      </Button>
    </Card>
  );
}

function EditPerson({ person }: { person: Person }) {
  const update = useUpdatePerson();
  const toast = useToast();
  return (
    <div className="person-layout">
      <Card title="Details">
        <PersonForm
          key={person.id}
          person={person}
          submitLabel="Save changes"
          submittingLabel="Saving…"
          submitting={update.isPending}
          error={update.error}
          onSubmit={(values) => update.mutate({ id: person.id, ...values }, { onSuccess: (saved) => toast.show(`Saved changes to ${saved.name}`) })}
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

  if (person.isPending) return <Loading />;
  if (isApiError(person.error, 404)) return <NotFound />;
  if (person.isError) return <ErrorAlert error={person.error} title="Could not load this person" />;

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
                <Badge tone="accent">HR admin</Badge>
              </>
            )}
            {isFullPerson(p) && !p.active && (
              <>
                {' '}
                <Badge tone="warning">Left</Badge>
              </>
            )}
          </>
        }
        documentTitle={p.name}
        back={{ to: '/people', label: 'People' }}
      />
      {isAdmin(me) && isFullPerson(p) ? <EditPerson person={p} /> : <Profile person={p} className="card--narrow" />}
    </>
  );
}
