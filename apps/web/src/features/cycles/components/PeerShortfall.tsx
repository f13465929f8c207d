import { ButtonLink, Card, Table, type Column } from '@/components/ui';
import { plural } from '@/lib/format';
import type { CycleProgress } from '../api/get-progress';

type ShortOfPeers = CycleProgress['peerShortfall']['subjects'][number];

/**
 * The subjects below the cycle's minimum of peers, each with a way to add peers for them: the
 * subject's own requests page, where HR asks colleagues under the same rules as everyone. The
 * count includes every peer asked, whether or not they have answered, so it tells nobody who has.
 */
export function PeerShortfall({ cycleId, shortfall, reminder }: { cycleId: string; shortfall: CycleProgress['peerShortfall']; reminder: string | null }) {
  const { minPeers, subjects } = shortfall;
  const columns: Column<ShortOfPeers>[] = [
    {
      key: 'name',
      header: 'Subject',
      className: 'col-name',
      cell: (r) => (
        <div className="person-cell">
          <span className="person-cell__name">{r.name}</span>
          <span className="person-cell__email">{r.department ?? 'No department'}</span>
        </div>
      ),
    },
    { key: 'peers', header: 'Peers', align: 'end', cell: (r) => `${r.peers} of ${minPeers}` },
    { key: 'missing', header: 'Missing', align: 'end', cell: (r) => `${r.missing} more` },
    {
      key: 'action',
      header: <span className="visually-hidden">Action</span>,
      align: 'end',
      cell: (r) => (
        <ButtonLink size="sm" to={`/cycles/${cycleId}/subjects/${r.subjectId}/requests`} aria-label={`Add peers for ${r.name}`}>
          Add peers
        </ButtonLink>
      ),
    },
  ];
  return (
    <Card
      className="card--flush peer-shortfall"
      title={`Short of peers (${subjects.length})`}
      description={`${plural(subjects.length, 'subject has', 'subjects have')} fewer than the ${minPeers} peers this cycle asks for. Every peer asked counts, answered or not.${reminder ? ` ${reminder}` : ''} You can add peers for them.`}
    >
      <Table caption="Subjects short of peers" columns={columns} rows={subjects} rowKey={(r) => r.subjectId} />
    </Card>
  );
}
