import { useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { ApiError } from '@/api/client';
import { API_LIMITS } from '@/api/limits';
import { Badge, Button, Card, Dialog, ErrorAlert, SelectField, TextField, useToast, type BadgeTone } from '@/components/ui';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, msg, tr, useT, type MessageId } from '@/i18n';
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
const SHOWN: Record<ExternalRater['state'], { label: MessageId; tone: BadgeTone; icon: string }> = {
  proposed: { label: msg('externalRaters.state.proposed'), tone: 'warning', icon: '…' },
  invited: { label: msg('externalRaters.state.invited'), tone: 'info', icon: '✉' },
  rejected: { label: msg('externalRaters.state.rejected'), tone: 'neutral', icon: '✕' },
  revoked: { label: msg('externalRaters.state.revoked'), tone: 'neutral', icon: '✕' },
};

/** Words only a screen reader says, after a button's visible label ("Approve" + " Ann Lee"). */
const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

/**
 * Who counts toward k, in the viewer's words. The rule itself lives in the API (only a subject's
 * proposal that someone else approved counts toward k); this only explains it where people invite.
 */
export function countingNote(list: ExternalRaterList, viewer: Viewer, subjectName: string): string {
  const k = list.threshold;
  const name = firstName(subjectName);
  const approver =
    list.approver === 'hr'
      ? tr('externalRaters.approverHr')
      : viewer === 'subject'
        ? tr('externalRaters.approverYourManager')
        : tr('externalRaters.approverTheirManager', { name });
  if (viewer === 'subject') {
    return list.managerApproves ? tr('externalRaters.noteSubjectApproved', { approver, k }) : tr('externalRaters.noteSubjectNoApproval', { k });
  }
  if (viewer === 'admin') {
    return `${tr('externalRaters.noteAdmin', { k })} ${
      list.managerApproves
        ? tr('externalRaters.noteAdminApproved', {
            name,
            approver: list.approver === 'hr' ? tr('externalRaters.approverHr') : tr('externalRaters.approverTheirManagerOrHr', { name }),
          })
        : tr('externalRaters.noteAdminNoApproval', { name })
    }`;
  }
  return tr('externalRaters.noteManager', { name, k });
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
  const t = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  // Empty: the organisation's language (the API's default).
  const [language, setLanguage] = useState('');
  const serverErrors = invite.error instanceof ApiError ? invite.error.fieldErrors() : {};
  const waits = list.invitationWaitsForApproval;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { cycleId, subjectId, name: name.trim(), email: email.trim(), ...(isLanguage(language) ? { language } : {}) },
      {
        onSuccess: (rater) => {
          toast.show(
            rater.state === 'proposed'
              ? list.approver === 'hr'
                ? t('externalRaters.proposedToastHr', { name: rater.name })
                : t('externalRaters.proposedToast', { name: rater.name })
              : t('externalRaters.invitedToast', { email: rater.email ?? rater.name }),
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
        {t('externalRaters.inviteTitle')}
      </h3>
      <p className="muted external-invite__note">
        {viewer === 'subject' ? t('externalRaters.whoYou') : t('externalRaters.who', { name: firstName(subjectName) })}{' '}
        {waits ? t('externalRaters.linkOnceApproved') : t('externalRaters.linkAtOnce')}
      </p>
      {invite.isError && !fieldError && <ErrorAlert error={invite.error} title={t('externalRaters.notInvited')} />}
      <div className="external-invite__fields">
        <TextField
          label={t('externalRaters.name')}
          name="external-name"
          autoComplete="off"
          required
          maxLength={LIMITS.name.maxLength}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={serverErrors.name ?? null}
        />
        <TextField
          label={t('externalRaters.email')}
          type="email"
          name="external-email"
          autoComplete="off"
          required
          maxLength={LIMITS.email.maxLength}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={serverErrors.email ?? null}
        />
        <SelectField
          label={t('externalRaters.language')}
          name="external-language"
          hint={t('externalRaters.languageHint')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          error={serverErrors.language ?? null}
        >
          <option value="">{t('externalRaters.languageDefault')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <div className="external-invite__submit">
          <Button type="submit" loading={invite.isPending} loadingText={t('externalRaters.sending')} disabled={!name.trim() || !email.trim()}>
            {waits ? t('externalRaters.propose') : t('externalRaters.send')}
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
  const t = useT();

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
      title={t('externalRaters.title')}
      className="external-raters"
      description={t('externalRaters.description', { note: countingNote(data, viewer, subjectName), k: data.threshold })}
    >
      {actionError && <ErrorAlert error={actionError} title={t('externalRaters.failed')} />}
      {data.items.length === 0 ? (
        <p className="muted">{you ? t('externalRaters.noneYou') : t('externalRaters.none')}</p>
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
                  <p className="muted external__email">{r.email ?? t('externalRaters.emailErased')}</p>
                </div>
                <div className="rater__state">
                  <Badge tone={shown.tone} icon={shown.icon}>
                    {t(shown.label)}
                  </Badge>
                  <p className="muted external__meta">
                    {byOther
                      ? t('externalRaters.invitedByHr', { date: formatDate(r.createdAt) })
                      : you
                        ? t('externalRaters.proposedByYou', { date: formatDate(r.createdAt) })
                        : t('externalRaters.proposedBy', { name, date: formatDate(r.createdAt) })}
                    {r.state === 'invited' && r.linkExpiresAt ? t('externalRaters.linkValid', { date: formatDate(r.linkExpiresAt) }) : ''}
                  </p>
                </div>
                {(decide || withdraw || manageLink) && (
                  <div className="rater__actions">
                    {decide && (
                      <>
                        <Button
                          size="sm"
                          loading={approve.isPending && approve.variables === r.id}
                          loadingText={t('externalRaters.approving')}
                          disabled={busy(r)}
                          onClick={() => approve.mutate(r.id, { onSuccess: () => toast.show(t('externalRaters.approved', { name: r.name })) })}
                        >
                          <FormattedMessage id="externalRaters.approve" values={{ name: r.name, hidden }} />
                        </Button>
                        <Button
                          size="sm"
                          variant="secondary"
                          disabled={busy(r)}
                          onClick={() => reject.mutate(r.id, { onSuccess: () => toast.show(t('externalRaters.rejected', { name: r.name })) })}
                        >
                          <FormattedMessage id="externalRaters.reject" values={{ name: r.name, hidden }} />
                        </Button>
                      </>
                    )}
                    {withdraw && (
                      <Button size="sm" variant="ghost" disabled={busy(r)} onClick={() => setRevoking(r)}>
                        <FormattedMessage id="externalRaters.withdraw" values={{ name: r.name, hidden }} />
                      </Button>
                    )}
                    {manageLink && (
                      <>
                        <Button
                          size="sm"
                          variant="secondary"
                          loading={resend.isPending && resend.variables === r.id}
                          loadingText={t('externalRaters.sending')}
                          disabled={busy(r)}
                          onClick={() => resend.mutate(r.id, { onSuccess: () => toast.show(t('externalRaters.resent', { name: r.name })) })}
                        >
                          <FormattedMessage id="externalRaters.resend" values={{ name: r.name, hidden }} />
                        </Button>
                        <Button size="sm" variant="ghost" disabled={busy(r)} onClick={() => setRevoking(r)}>
                          <FormattedMessage id="externalRaters.revoke" values={{ name: r.name, hidden }} />
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
        live >= data.max && <p className="muted external-invite__note">{t('externalRaters.max', { max: data.max })}</p>
      )}

      <Dialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={
          revoking
            ? revoking.state === 'proposed'
              ? t('externalRaters.withdrawTitle', { name: revoking.name })
              : t('externalRaters.revokeTitle', { name: revoking.name })
            : t('externalRaters.revokeFallbackTitle')
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)} disabled={revoke.isPending}>
              {t('externalRaters.keep')}
            </Button>
            <Button
              variant="danger"
              loading={revoke.isPending}
              loadingText={t('externalRaters.revoking')}
              onClick={() =>
                revoking &&
                revoke.mutate(revoking.id, {
                  onSuccess: () => {
                    toast.show(
                      revoking.state === 'proposed'
                        ? t('externalRaters.withdrawn', { name: revoking.name })
                        : t('externalRaters.revoked', { name: revoking.name }),
                    );
                    setRevoking(null);
                  },
                })
              }
            >
              {revoking?.state === 'proposed' ? t('externalRaters.withdrawButton') : t('externalRaters.revokeButton')}
            </Button>
          </>
        }
      >
        {revoke.error && <ErrorAlert error={revoke.error} title={t('externalRaters.notRevoked')} />}
        <p>{revoking?.state === 'proposed' ? t('externalRaters.nothingSent') : t('externalRaters.revokeText')}</p>
      </Dialog>
    </Card>
  );
}
