import { useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { isApiError } from '@/api/client';
import { Alert, Button, Dialog, ErrorAlert, Loading, PeopleCombobox, type PersonChoice } from '@/components/ui';
import { useT } from '@/i18n';
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
  const t = useT();
  const error = isApiError(change.error) ? change.error.fieldErrors().personId : undefined;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('selfRequests.share.title')}
      footer={
        <Button variant="secondary" onClick={onClose}>
          {t('selfRequests.share.done')}
        </Button>
      }
    >
      <p>{t('selfRequests.share.text')}</p>
      {shares.isPending && <Loading label={t('common.loading')} />}
      {shares.isError && <ErrorAlert error={shares.error} title={t('selfRequests.share.loadFailed')} />}
      {shares.data && shares.data.items.length === 0 && <Alert tone="info">{t('selfRequests.share.nobody')}</Alert>}
      {shares.data && shares.data.items.length > 0 && (
        <ul className="share-list" aria-label={t('selfRequests.share.list')}>
          {shares.data.items.map((s) => (
            <li key={s.personId}>
              <span>
                <FormattedMessage
                  id="selfRequests.share.since"
                  values={{ name: s.name, date: formatDate(s.sharedAt), strong: (chunks: ReactNode[]) => <strong>{chunks}</strong> }}
                />
              </span>
              <Button variant="ghost" size="sm" onClick={() => change.mutate({ personId: s.personId, share: false })}>
                <FormattedMessage
                  id="selfRequests.share.withdraw"
                  values={{ name: s.name, hidden: (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span> }}
                />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PeopleCombobox
        label={t('selfRequests.share.with')}
        placeholder={t('selfRequests.ask.search')}
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
          loadingText={t('selfRequests.share.sharing')}
          onClick={() => chosen && change.mutate({ personId: chosen.id, share: true }, { onSuccess: () => setChosen(null) })}
        >
          {t('selfRequests.share.share')}
        </Button>
      </div>
    </Dialog>
  );
}
