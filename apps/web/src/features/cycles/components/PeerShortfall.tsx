import { ButtonLink, Card, Table, type Column } from '@/components/ui';
import type { CycleProgress } from '../api/get-progress';
import { useT } from '@/i18n';

type ShortOfPeers = CycleProgress['peerShortfall']['subjects'][number];

/**
 * The subjects below the cycle's minimum of peers, each with a way to add peers for them: the
 * subject's own requests page, where HR asks colleagues under the same rules as everyone. The
 * count includes every peer asked, whether or not they have answered, so it tells nobody who has.
 */
export function PeerShortfall({ cycleId, shortfall, reminder }: { cycleId: string; shortfall: CycleProgress['peerShortfall']; reminder: string | null }) {
  const t = useT();
  const { minPeers, subjects } = shortfall;
  const columns: Column<ShortOfPeers>[] = [
    {
      key: 'name',
      header: t('cycles.shortfall.subject'),
      className: 'col-name',
      cell: (r) => (
        <div className="person-cell">
          <span className="person-cell__name">{r.name}</span>
          <span className="person-cell__email">{r.department ?? t('cycles.shortfall.noDepartment')}</span>
        </div>
      ),
    },
    { key: 'peers', header: t('cycles.shortfall.peers'), align: 'end', cell: (r) => t('cycles.shortfall.peersOf', { peers: r.peers, min: minPeers }) },
    { key: 'missing', header: t('cycles.shortfall.missing'), align: 'end', cell: (r) => t('cycles.shortfall.more', { count: r.missing }) },
    {
      key: 'action',
      header: <span className="visually-hidden">{t('cycles.shortfall.action')}</span>,
      align: 'end',
      cell: (r) => (
        <ButtonLink size="sm" to={`/cycles/${cycleId}/subjects/${r.subjectId}/requests`} aria-label={t('cycles.shortfall.addFor', { name: r.name })}>
          {t('cycles.shortfall.add')}
        </ButtonLink>
      ),
    },
  ];
  return (
    <Card
      className="card--flush peer-shortfall"
      title={t('cycles.shortfall.title', { count: subjects.length })}
      description={[t('cycles.shortfall.description', { count: subjects.length, min: minPeers }), reminder, t('cycles.shortfall.canAdd')]
        .filter(Boolean)
        .join(' ')}
    >
      <Table caption={t('cycles.shortfall.caption')} columns={columns} rows={subjects} rowKey={(r) => r.subjectId} />
    </Card>
  );
}
