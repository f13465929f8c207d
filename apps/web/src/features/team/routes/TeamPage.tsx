import { useState } from 'react';
import { Card, EmptyState, ErrorAlert, Loading, PageHeader, SelectField } from '@/components/ui';
import { formatDecimal, msg, useT, type MessageId } from '@/i18n';
import { differenceBand } from '@/lib/difference-scale';
import { formatDate } from '@/lib/format';
import { useTeamCycles, useTeamView, type TeamCell, type TeamView } from '../api/get-team';
import '../team.css';

type Quadrant = 'manager_leader' | 'leader_without_title' | 'manager' | 'emerging';

/** The 2×2 as the report draws it: influence across, management up. */
const QUADRANTS: { key: Quadrant; name: MessageId; text: MessageId }[] = [
  { key: 'manager', name: msg('quadrant.manager'), text: msg('team.quadrant.managerText') },
  { key: 'manager_leader', name: msg('quadrant.managerLeader'), text: msg('team.quadrant.managerLeaderText') },
  { key: 'emerging', name: msg('quadrant.emerging'), text: msg('team.quadrant.emergingText') },
  { key: 'leader_without_title', name: msg('quadrant.leaderWithoutTitle'), text: msg('team.quadrant.leaderWithoutTitleText') },
];

const GROUPS: { kind: TeamView['measures'][number]['kind']; label: MessageId }[] = [
  { kind: 'index', label: msg('team.group.index') },
  { kind: 'influence', label: msg('team.group.influence') },
  { kind: 'management', label: msg('team.group.management') },
];

/** The index from which a quadrant counts as high, as each report draws it. */
const HIGH = 3.5;

/** A difference with its sign, in the reader's locale ("+0,25", "−0,10"); zero has none. */
function formatSigned(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return formatDecimal(0);
  return `${rounded > 0 ? '+' : '\u2212'}${formatDecimal(Math.abs(rounded))}`;
}

function hiddenWords(t: ReturnType<typeof useT>, cell: TeamCell, minCellSize: number): string {
  if (cell.reason === 'below_threshold') return t('team.hidden.belowThreshold', { min: minCellSize });
  if (cell.reason === 'complementary') return t('team.hidden.complementary');
  return t('team.noData');
}

function Quadrants({ view }: { view: TeamView }) {
  const t = useT();
  const { quadrants } = view;
  if (!quadrants.shown || !quadrants.counts) {
    return <p className="team-note">{t('team.quadrantsHidden')}</p>;
  }
  const counts = quadrants.counts;
  return (
    <>
      <div className="team-quadrants" role="list" aria-label={t('team.quadrantsLabel')}>
        {QUADRANTS.map((q) => (
          <div key={q.key} role="listitem" className={`team-quadrant team-quadrant--${q.key}`}>
            <span className="team-quadrant__count">{counts[q.key]}</span>
            <span className="team-quadrant__name">{t(q.name)}</span>
            <span className="team-quadrant__text">{t(q.text)}</span>
          </div>
        ))}
      </div>
      <p className="team-note">
        {t('team.quadrantsNote', { high: formatDecimal(HIGH) })}
        {counts.notShown > 0 && ` ${t('team.notShown', { count: counts.notShown })}`}
      </p>
    </>
  );
}

function Value({ cell, minCellSize, reference }: { cell: TeamCell | undefined; minCellSize: number; reference?: number }) {
  const t = useT();
  if (!cell?.shown || cell.mean === undefined) {
    const words = cell ? hiddenWords(t, cell, minCellSize) : t('team.noData');
    return (
      <td className="team-cell team-cell--hidden" title={words}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{words}</span>
      </td>
    );
  }
  const band = differenceBand(reference === undefined ? undefined : cell.mean - reference);
  return (
    <td className={`team-cell team-cell--ink-${band.ink}`} style={reference === undefined ? undefined : { background: band.background }}>
      {formatDecimal(cell.mean)}
    </td>
  );
}

function Behaviours({ view }: { view: TeamView }) {
  const t = useT();
  const m = view.minCellSize;
  const previous = view.previousCycle?.cycleName;
  return (
    <div className="team-table-wrap" role="region" aria-label={t('team.tableLabel')} tabIndex={0}>
      <table className="team-table">
        <caption className="visually-hidden">{t('team.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.col.behaviour')}</th>
            <th scope="col">{t('team.col.team')}</th>
            <th scope="col">{t('team.col.organisation')}</th>
            <th scope="col">{t('team.col.difference')}</th>
            <th scope="col">{previous ? t('team.col.changeSince', { cycle: previous }) : t('team.col.change')}</th>
          </tr>
        </thead>
        {GROUPS.map((g) => {
          const rows = view.measures.map((measure, i) => ({ measure, i })).filter((r) => r.measure.kind === g.kind);
          if (rows.length === 0) return null;
          return (
            <tbody key={g.kind}>
              <tr className="team-table__group">
                <th scope="rowgroup" colSpan={5}>
                  {t(g.label)}
                </th>
              </tr>
              {rows.map(({ measure, i }) => {
                const team = view.team[i];
                const org = view.organisation[i];
                const reference = org?.shown ? org.mean : undefined;
                const difference = team?.shown && team.mean !== undefined && reference !== undefined ? team.mean - reference : undefined;
                return (
                  <tr key={measure.key}>
                    <th scope="row">{measure.name}</th>
                    <Value cell={team} minCellSize={m} reference={reference} />
                    <Value cell={org} minCellSize={m} />
                    <td className="team-num">{difference === undefined ? '—' : formatSigned(difference)}</td>
                    <td className="team-num">{team?.change === undefined ? '—' : formatSigned(team.change)}</td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/**
 * A manager's team in a released cycle: how many of their direct reports fall in each part of the
 * manager–leader profile (only where the cycle lets managers read those reports anyway), and the
 * team's behaviours against the organisation and the previous cycle. The API decides every
 * number (same suppression as the organisation view); this page only says why one is missing.
 */
export default function TeamPage() {
  const cycles = useTeamCycles();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const cycleId = chosen ?? cycles.data?.[0]?.cycleId;
  const view = useTeamView(cycleId);
  const t = useT();

  const header = <PageHeader title={t('team.title')} description={t('team.description')} />;
  if (cycles.isPending) return <Loading label={t('team.loading')} />;
  if (cycles.isError) return <ErrorAlert error={cycles.error} title={t('team.loadFailed')} />;
  if (cycles.data.length === 0) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title={t('team.empty')} icon="◔">
            {t('team.emptyText')}
          </EmptyState>
        </Card>
      </>
    );
  }
  return (
    <>
      {header}
      {cycles.data.length > 1 && (
        <div className="team-picker">
          <SelectField label={t('team.cycle')} value={cycleId} onChange={(e) => setChosen(e.target.value)}>
            {cycles.data.map((c) => (
              <option key={c.cycleId} value={c.cycleId}>
                {c.releasedAt ? t('team.cycleReleased', { cycle: c.cycleName, date: formatDate(c.releasedAt) }) : c.cycleName}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {view.isPending ? (
        <Loading label={t('team.loading')} />
      ) : view.isError ? (
        <ErrorAlert error={view.error} title={t('team.loadFailed')} />
      ) : !view.data.eligible ? (
        <Card>
          <EmptyState title={t('team.tooSmall')} icon="◔">
            {t('team.tooSmallText', { min: view.data.minCellSize, cycle: view.data.cycleName })}
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card title={t('team.profile')} description={t('team.profileDescription', { cycle: view.data.cycleName })}>
            <Quadrants view={view.data} />
          </Card>
          <Card className="card--flush" title={t('team.behaviours')} description={t('team.behavioursDescription')}>
            <Behaviours view={view.data} />
          </Card>
        </>
      )}
    </>
  );
}
