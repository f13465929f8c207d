import { useState } from 'react';
import { isApiError } from '@/api/client';
import { Alert, Button, Dialog, ErrorAlert, Loading, PeopleCombobox, type PersonChoice } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useSearchColleagues } from '../api/self-requests';
import { useReportShares, useShareReport } from '../api/shares';

/**
 * Share the report of feedback you asked for with named colleagues, and withdraw a share. Someone
 * you asked for feedback in it cannot be shown it (their own answers are in it); a share lasts
 * until you withdraw it.
 */
export function ShareDialog({ cycleId, ownerId, open, onClose }: { cycleId: string; ownerId: string; open: boolean; onClose: () => void }) {
  const shares = useReportShares(cycleId, open);
  const change = useShareReport(cycleId);
  const [search, setSearch] = useState('');
  const people = useSearchColleagues(search);
  const [chosen, setChosen] = useState<PersonChoice | null>(null);
  const error = isApiError(change.error) ? change.error.fieldErrors().personId : undefined;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Share your report"
      footer={
        <Button variant="secondary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <p>
        The colleagues you share with read the whole report, as you do, until you withdraw it. You cannot share it with someone you asked for feedback here:
        their own answers are in it.
      </p>
      {shares.isPending && <Loading label="Loading…" />}
      {shares.isError && <ErrorAlert error={shares.error} title="Could not load whom you shared with" />}
      {shares.data && shares.data.items.length === 0 && <Alert tone="info">Not shared with anyone.</Alert>}
      {shares.data && shares.data.items.length > 0 && (
        <ul className="share-list" aria-label="Shared with">
          {shares.data.items.map((s) => (
            <li key={s.personId}>
              <span>
                <strong>{s.name}</strong> · since {formatDate(s.sharedAt)}
              </span>
              <Button variant="ghost" size="sm" onClick={() => change.mutate({ personId: s.personId, share: false })}>
                Withdraw<span className="visually-hidden"> the share with {s.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PeopleCombobox
        label="Share with"
        placeholder="Search colleagues"
        value={chosen}
        onChange={setChosen}
        onSearch={setSearch}
        error={error}
        options={(people.data?.items ?? [])
          .filter((p) => p.id !== ownerId)
          .map((p) => ({ id: p.id, name: p.name, detail: [p.title, p.department].filter(Boolean).join(' · ') }))}
        searching={people.isFetching}
      />
      <div className="form__actions">
        <Button
          disabled={!chosen}
          loading={change.isPending}
          loadingText="Sharing…"
          onClick={() => chosen && change.mutate({ personId: chosen.id, share: true }, { onSuccess: () => setChosen(null) })}
        >
          Share
        </Button>
      </div>
    </Dialog>
  );
}
