import { useState, type FormEvent } from 'react';
import { ApiError } from '@/api/client';
import { API_LIMITS } from '@/api/limits';
import { Badge, Button, Card, Dialog, ErrorAlert, TextField, useToast, type BadgeTone } from '@/components/ui';
import { firstName, formatDate } from '@/lib/format';
import { useApproveExternalRater } from '../api/approve-external-rater';
import { useInviteExternalRater } from '../api/invite-external-rater';
import { useExternalRaters, type ExternalRater, type ExternalRaterList } from '../api/list-external-raters';
import { useRejectExternalRater } from '../api/reject-external-rater';
import { useResendExternalRater } from '../api/resend-external-rater';
import { useRevokeExternalRater } from '../api/revoke-external-rater';

type Viewer = 'subject' | 'manager' | 'admin';

const LIMITS = API_LIMITS.InviteExternalRaterDto;

/** What an inviter is told of an invitation: never whether it was answered (the API reads "submitted" as "invited"). */
const SHOWN: Record<ExternalRater['state'], { label: string; tone: BadgeTone; icon: string }> = {
  proposed: { label: 'Waiting for approval', tone: 'warning', icon: '…' },
  invited: { label: 'Link sent', tone: 'info', icon: '✉' },
  rejected: { label: 'Not approved', tone: 'neutral', icon: '✕' },
  revoked: { label: 'Revoked', tone: 'neutral', icon: '✕' },
};

/**
 * Who counts toward k, in the viewer's words. The rule itself lives in the API (only a subject's
 * proposal that someone else approved counts toward k); this only explains it where people invite.
 */
export function countingNote(list: ExternalRaterList, viewer: Viewer, subjectName: string): string {
  const k = list.threshold;
  const name = firstName(subjectName);
  const approver = list.approver === 'hr' ? 'HR' : viewer === 'subject' ? 'your manager' : `${name}’s manager`;
  if (viewer === 'subject') {
    return list.managerApproves
      ? `People you invite directly help your report only once someone else approves them: ${approver} approves each person before they get a link. ` +
          `Once approved, they count toward the minimum of ${k} raters like a colleague.`
      : `People you invite directly help your report only once someone else approves them, and this cycle asks for no approval: their answers count in the averages but never toward the minimum of ${k} raters a group needs to be shown.`;
  }
  if (viewer === 'admin') {
    return (
      `People HR invites count in the averages but never toward the minimum of ${k} raters, because HR reads the report. ` +
      (list.managerApproves
        ? `People ${name} proposes count toward it once ${list.approver === 'hr' ? 'HR' : `${name}’s manager or HR`} approves them.`
        : `People ${name} invites directly count the same way, since nobody else approved them.`)
    );
  }
  return `${name} proposes these people. Once you approve one, they get a link by mail, and their answers count toward the minimum of ${k} raters like a colleague’s, because someone other than ${name} chose them.`;
}

function InviteForm({
  list,
  cycleId,
  subjectId,
  viewer,
  subjectName,
}: {
  list: ExternalRaterList;
  cycleId: string;
  subjectId: string;
  viewer: Viewer;
  subjectName: string;
}) {
  const invite = useInviteExternalRater();
  const toast = useToast();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const serverErrors = invite.error instanceof ApiError ? invite.error.fieldErrors() : {};
  const waits = list.invitationWaitsForApproval;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { cycleId, subjectId, name: name.trim(), email: email.trim() },
      {
        onSuccess: (rater) => {
          toast.show(
            rater.state === 'proposed'
              ? `Proposed: ${rater.name} gets a link once ${list.approver === 'hr' ? 'HR approves' : 'approved'}`
              : `Invited: a link was mailed to ${rater.email ?? rater.name}`,
          );
          setName('');
          setEmail('');
          document.querySelector<HTMLInputElement>('input[name="external-name"]')?.focus();
        },
      },
    );
  };
  const fieldError = Object.keys(serverErrors).length > 0;
  return (
    <form className="external-invite" onSubmit={submit} noValidate aria-labelledby="external-invite-title">
      <h3 className="external-invite__title" id="external-invite-title">
        Someone outside the organisation
      </h3>
      <p className="muted external-invite__note">
        {viewer === 'subject'
          ? 'A customer, partner or volunteer who sees how you work.'
          : `A customer, partner or volunteer who sees how ${firstName(subjectName)} works.`}{' '}
        {waits ? 'They get a link by mail once approved.' : 'They get a link by mail at once.'}
      </p>
      {invite.isError && !fieldError && <ErrorAlert error={invite.error} title="Not invited" />}
      <div className="external-invite__fields">
        <TextField
          label="Name"
          name="external-name"
          autoComplete="off"
          required
          maxLength={LIMITS.name.maxLength}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={serverErrors.name ?? null}
        />
        <TextField
          label="Email"
          type="email"
          name="external-email"
          autoComplete="off"
          required
          maxLength={LIMITS.email.maxLength}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={serverErrors.email ?? null}
        />
        <div className="external-invite__submit">
          <Button type="submit" loading={invite.isPending} loadingText="Sending…" disabled={!name.trim() || !email.trim()}>
            {waits ? 'Propose for approval' : 'Send invitation'}
          </Button>
        </div>
      </div>
    </form>
  );
}

interface ExternalRatersProps {
  cycleId: string;
  subjectId: string;
  subjectName: string;
  viewer: Viewer;
}

/**
 * A subject's raters from outside the organisation, on the subject's requests page: for the subject
 * (propose or invite, withdraw), their manager (approve, reject) and HR (invite directly, approve,
 * re-send a link, revoke). Shown only when the cycle takes them or some were invited.
 */
export function ExternalRaters({ cycleId, subjectId, subjectName, viewer }: ExternalRatersProps) {
  const list = useExternalRaters(cycleId, subjectId);
  const approve = useApproveExternalRater();
  const reject = useRejectExternalRater();
  const resend = useResendExternalRater();
  const revoke = useRevokeExternalRater();
  const toast = useToast();
  const [revoking, setRevoking] = useState<ExternalRater | null>(null);

  // The manager of today who was not the manager at launch gets 404: nothing to show them.
  if (!list.data) return null;
  const data = list.data;
  if (!data.allowed && data.items.length === 0) return null;
  const name = firstName(subjectName);
  const you = viewer === 'subject';
  const live = data.items.filter((r) => r.state === 'proposed' || r.state === 'invited').length;
  const busy = (r: ExternalRater) =>
    (approve.isPending && approve.variables === r.id) || (reject.isPending && reject.variables === r.id) || (resend.isPending && resend.variables === r.id);
  const actionError = approve.error ?? reject.error ?? resend.error;

  return (
    <Card
      title="Raters from outside the organisation"
      className="external-raters"
      description={`${countingNote(data, viewer, subjectName)} Their answers form the External group, shown only with at least ${data.threshold} of them (otherwise pooled or hidden), and nobody is told whether anyone answered.`}
    >
      {actionError && <ErrorAlert error={actionError} title="That did not work" />}
      {data.items.length === 0 ? (
        <p className="muted">{you ? 'You have not invited anyone from outside yet.' : 'Nobody from outside has been invited yet.'}</p>
      ) : (
        <ul className="rater-list external-list">
          {data.items.map((r) => {
            const shown = SHOWN[r.state];
            const byOther = r.invitedBy !== subjectId;
            const decide = data.canDecide && r.state === 'proposed';
            const withdraw = data.canManage && r.state === 'proposed' && !decide;
            // An address HR chose is HR's to re-send or revoke, not the subject's.
            const manageLink = data.canManage && r.state === 'invited' && !(you && byOther);
            return (
              <li key={r.id} className="rater" data-external={r.id}>
                <div className="rater__who">
                  <p className="external__name">{r.name}</p>
                  <p className="muted external__email">{r.email ?? 'Address erased when the cycle closed'}</p>
                </div>
                <div className="rater__state">
                  <Badge tone={shown.tone} icon={shown.icon}>
                    {shown.label}
                  </Badge>
                  <p className="muted external__meta">
                    {byOther ? 'Invited by HR' : you ? 'Proposed by you' : `Proposed by ${name}`} on {formatDate(r.createdAt)}
                    {r.state === 'invited' && r.linkExpiresAt ? ` · link valid until ${formatDate(r.linkExpiresAt)}` : ''}
                  </p>
                </div>
                {(decide || withdraw || manageLink) && (
                  <div className="rater__actions">
                    {decide && (
                      <>
                        <Button
                          size="sm"
                          loading={approve.isPending && approve.variables === r.id}
                          loadingText="Approving…"
                          disabled={busy(r)}
                          onClick={() => approve.mutate(r.id, { onSuccess: () => toast.show(`Approved: a link was mailed to ${r.name}`) })}
                        >
                          Approve<span className="visually-hidden"> {r.name}</span>
                        </Button>
                        <Button
                          size="sm"
                          variant="secondary"
                          disabled={busy(r)}
                          onClick={() => reject.mutate(r.id, { onSuccess: () => toast.show(`Not approved: ${r.name} will not be asked`) })}
                        >
                          Reject<span className="visually-hidden"> {r.name}</span>
                        </Button>
                      </>
                    )}
                    {withdraw && (
                      <Button size="sm" variant="ghost" disabled={busy(r)} onClick={() => setRevoking(r)}>
                        Withdraw<span className="visually-hidden"> {r.name}</span>
                      </Button>
                    )}
                    {manageLink && (
                      <>
                        <Button
                          size="sm"
                          variant="secondary"
                          loading={resend.isPending && resend.variables === r.id}
                          loadingText="Sending…"
                          disabled={busy(r)}
                          onClick={() =>
                            resend.mutate(r.id, { onSuccess: () => toast.show(`A new link was mailed to ${r.name}; the old one no longer works`) })
                          }
                        >
                          Send a new link<span className="visually-hidden"> to {r.name}</span>
                        </Button>
                        <Button size="sm" variant="ghost" disabled={busy(r)} onClick={() => setRevoking(r)}>
                          Revoke<span className="visually-hidden"> {r.name}</span>
                        </Button>
                      </>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}

      {data.canInvite ? (
        <InviteForm list={data} cycleId={cycleId} subjectId={subjectId} viewer={viewer} subjectName={subjectName} />
      ) : (
        data.allowed &&
        (data.canManage || viewer === 'subject') &&
        live >= data.max && <p className="muted external-invite__note">At most {data.max} people from outside can be invited for one person in a cycle.</p>
      )}

      <Dialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={revoking ? (revoking.state === 'proposed' ? `Withdraw ${revoking.name}?` : `Revoke ${revoking.name}’s invitation?`) : 'Revoke'}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)} disabled={revoke.isPending}>
              Keep
            </Button>
            <Button
              variant="danger"
              loading={revoke.isPending}
              loadingText="Revoking…"
              onClick={() =>
                revoking &&
                revoke.mutate(revoking.id, {
                  onSuccess: () => {
                    toast.show(
                      revoking.state === 'proposed' ? `Withdrawn: ${revoking.name} will not be asked` : `Revoked: ${revoking.name}’s link no longer works`,
                    );
                    setRevoking(null);
                  },
                })
              }
            >
              {revoking?.state === 'proposed' ? 'Withdraw' : 'Revoke invitation'}
            </Button>
          </>
        }
      >
        {revoke.error && <ErrorAlert error={revoke.error} title="Not revoked" />}
        <p>
          {revoking?.state === 'proposed'
            ? 'Nothing has been sent to them yet.'
            : 'Their link stops working, and anything they may have sent is dropped with the invitation. Nobody is told whether they had answered.'}
        </p>
      </Dialog>
    </Card>
  );
}
