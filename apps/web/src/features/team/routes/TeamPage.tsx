import { useState } from 'react';
import { Card, EmptyState, ErrorAlert, Loading, PageHeader, SelectField } from '@/components/ui';
import { differenceBand, formatSigned } from '@/lib/difference-scale';
import { formatDate, plural } from '@/lib/format';
import { useTeamCycles, useTeamView, type TeamCell, type TeamView } from '../api/get-team';
import '../team.css';

type Quadrant = 'manager_leader' | 'leader_without_title' | 'manager' | 'emerging';

/** The 2×2 as the report draws it: influence across, management up. */
const QUADRANTS: { key: Quadrant; name: string; text: string }[] = [
  { key: 'manager', name: 'Manager', text: 'Management high' },
  { key: 'manager_leader', name: 'Manager-leader', text: 'Both indices high' },
  { key: 'emerging', name: 'Emerging', text: 'Both below high for now' },
  { key: 'leader_without_title', name: 'Leader without a title', text: 'Influence high' },
];

const GROUPS: { kind: TeamView['measures'][number]['kind']; label: string }[] = [
  { kind: 'index', label: 'Indices' },
  { kind: 'influence', label: 'Influence behaviours' },
  { kind: 'management', label: 'Management behaviours' },
];

function hiddenWords(cell: TeamCell, minCellSize: number): string {
  if (cell.reason === 'below_threshold') return `Hidden: fewer than ${minCellSize} people`;
  if (cell.reason === 'complementary') return 'Hidden: with the organisation view, it would let a smaller group be worked out';
  return 'No data';
}

function Quadrants({ view }: { view: TeamView }) {
  const { quadrants } = view;
  if (!quadrants.shown || !quadrants.counts) {
    return (
      <p className="team-note">
        This cycle does not let managers read their reports’ reports, so the team view shows nothing about any one person — not even how many of your team fall
        in each part of the profile. The behaviours below are averages over the whole team.
      </p>
    );
  }
  const counts = quadrants.counts;
  return (
    <>
      <div className="team-quadrants" role="list" aria-label="Your team in the manager–leader profile">
        {QUADRANTS.map((q) => (
          <div key={q.key} role="listitem" className={`team-quadrant team-quadrant--${q.key}`}>
            <span className="team-quadrant__count">{counts[q.key]}</span>
            <span className="team-quadrant__name">{q.name}</span>
            <span className="team-quadrant__text">{q.text}</span>
          </div>
        ))}
      </div>
      <p className="team-note">
        Influence index across, management index up; an index counts as high from 3.50, as in each report.
        {counts.notShown > 0 && ` ${plural(counts.notShown, 'report does', 'reports do')} not show a profile (too few colleagues rated).`}
      </p>
    </>
  );
}

function Value({ cell, minCellSize, reference }: { cell: TeamCell | undefined; minCellSize: number; reference?: number }) {
  if (!cell?.shown || cell.mean === undefined) {
    const words = cell ? hiddenWords(cell, minCellSize) : 'No data';
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
      {cell.mean.toFixed(2)}
    </td>
  );
}

function Behaviours({ view }: { view: TeamView }) {
  const m = view.minCellSize;
  const previous = view.previousCycle?.cycleName;
  return (
    <div className="team-table-wrap" role="region" aria-label="Your team’s behaviours against the organisation" tabIndex={0}>
      <table className="team-table">
        <caption className="visually-hidden">
          Your team’s average on each behaviour, the whole organisation’s, the difference and the change since the previous cycle
        </caption>
        <thead>
          <tr>
            <th scope="col">Behaviour</th>
            <th scope="col">Your team</th>
            <th scope="col">Organisation</th>
            <th scope="col">Difference</th>
            <th scope="col">{previous ? `Change since ${previous}` : 'Change'}</th>
          </tr>
        </thead>
        {GROUPS.map((g) => {
          const rows = view.measures.map((measure, i) => ({ measure, i })).filter((r) => r.measure.kind === g.kind);
          if (rows.length === 0) return null;
          return (
            <tbody key={g.kind}>
              <tr className="team-table__group">
                <th scope="rowgroup" colSpan={5}>
                  {g.label}
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

  const header = (
    <PageHeader
      title="My team"
      description="Your direct reports as one group, beside the whole organisation. Only averages over enough people are shown, so that feedback stays anonymous."
    />
  );
  if (cycles.isPending) return <Loading label="Loading your team…" />;
  if (cycles.isError) return <ErrorAlert error={cycles.error} title="Could not load your team" />;
  if (cycles.data.length === 0) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title="No team view yet" icon="◔">
            The team view appears once a feedback cycle in which you are someone’s manager has been released.
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
          <SelectField label="Cycle" value={cycleId} onChange={(e) => setChosen(e.target.value)}>
            {cycles.data.map((c) => (
              <option key={c.cycleId} value={c.cycleId}>
                {c.cycleName}
                {c.releasedAt ? ` (released ${formatDate(c.releasedAt)})` : ''}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {view.isPending ? (
        <Loading label="Loading your team…" />
      ) : view.isError ? (
        <ErrorAlert error={view.error} title="Could not load your team" />
      ) : !view.data.eligible ? (
        <Card>
          <EmptyState title="Your team is too small to show" icon="◔">
            The team view needs at least {view.data.minCellSize} direct reports with a report in {view.data.cycleName}, so that no one person’s feedback can be
            picked out. You can still open each report you may read from Reports.
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card title="Manager–leader profile" description={`Your direct reports in ${view.data.cycleName}, as each report places them.`}>
            <Quadrants view={view.data} />
          </Card>
          <Card
            className="card--flush"
            title="Behaviours against the organisation"
            description="Your team’s average (as colleagues rated them, self-reviews left out) beside the whole organisation: orange below, blue above."
          >
            <Behaviours view={view.data} />
          </Card>
        </>
      )}
    </>
  );
}
