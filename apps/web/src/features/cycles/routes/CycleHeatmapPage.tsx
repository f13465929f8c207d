import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Button, Card, EmptyState, ErrorAlert, Loading, SelectField } from '@/components/ui';
import { plural } from '@/lib/format';
import { useCycle, type Cycle } from '../api/get-cycle';
import { heatmapCsvUrl, useHeatmap, type Heatmap, type HeatmapCell, type HeatmapLevel } from '../api/get-heatmap';
import { HEATMAP_MINIMUM_FIXED } from '../components/cycle-format';
import { formatMean, hiddenExplanation } from '../components/HeatmapCell';
import { HeatmapLegend } from '../components/HeatmapLegend';
import { LockedSetting } from '../components/LockedSetting';
import { HeatmapTable, type HeatmapRowGroup } from '../components/HeatmapTable';
import '../heatmap.css';

const REPORTED_STATES = ['closed', 'released'];
const departmentName = (department: string | null): string => department ?? 'No department';
const departmentKey = (department: string | null): string => (department === null ? 'none' : `department:${department}`);

const settingsPath = (cycleId: string): string => `/cycles/${cycleId}/settings`;

const LEVELS: { value: HeatmapLevel; label: string }[] = [
  { value: 'all', label: 'Everyone' },
  { value: 'with_reports', label: 'People with direct reports' },
  { value: 'without_reports', label: 'People without direct reports' },
];
const ALL = 'all';
const levelCells = (cells: { cells: HeatmapCell[]; withReports: HeatmapCell[]; withoutReports: HeatmapCell[] }, level: HeatmapLevel): HeatmapCell[] =>
  level === 'with_reports' ? cells.withReports : level === 'without_reports' ? cells.withoutReports : cells.cells;

/** Before close: when the view appears, and the minimum it will use while that can still change. */
function NotYet({ cycle }: { cycle: Cycle }) {
  const editable = cycle.editableSettings.includes('heatmapMinCellSize');
  return (
    <Card>
      <EmptyState title="The organisation view appears once the cycle is closed" icon="▦">
        It shows how colleagues rated people across departments, and people with and without direct reports, from the reports computed at close. Groups of fewer
        than {cycle.settings.heatmapMinCellSize} people will be hidden
        {editable ? (
          <>
            {' '}
            — you can change that number in the <Link to={settingsPath(cycle.id)}>cycle’s settings</Link> until the cycle closes.
          </>
        ) : (
          '.'
        )}
      </EmptyState>
    </Card>
  );
}

/** The influence index of a group, as a headline figure (or why it is hidden). */
function IndexStat({ label, cell, minCellSize }: { label: string; cell: HeatmapCell | undefined; minCellSize: number }) {
  const mean = cell?.shown ? cell.mean : undefined;
  return (
    <div className="stat hm-stat">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{mean !== undefined ? formatMean(mean) : <span className="hm-stat__hidden">Hidden</span>}</dd>
      <dd className="hm-stat__detail">
        {mean !== undefined ? (cell?.n !== undefined ? plural(cell.n, 'person', 'people') : '') : hiddenExplanation(cell?.reason ?? 'no_data', minCellSize)}
      </dd>
    </div>
  );
}

function Overview({ map }: { map: Heatmap }) {
  const influence = map.measures.findIndex((m) => m.key === 'index:influence');
  if (influence < 0) return null;
  return (
    <div className="hm-overview">
      <h3 className="hm-overview__title">Influence index at a glance</h3>
      <dl className="stats hm-stats">
        <IndexStat label="Whole organisation" cell={map.organisation[influence]} minCellSize={map.minCellSize} />
        <IndexStat label="People with direct reports" cell={map.levels.withReports[influence]} minCellSize={map.minCellSize} />
        <IndexStat label="People without direct reports" cell={map.levels.withoutReports[influence]} minCellSize={map.minCellSize} />
      </dl>
    </div>
  );
}

/**
 * HR's organisation view of a closed cycle: departments × behaviours, and the same split by
 * people with and without direct reports ("does leadership live at every level?"). Cells of too
 * few people, and those that would give them away, come hidden from the API; the page says why.
 * The minimum cell size is the cycle's setting, fixed at close, shown here read-only: a minimum
 * chosen per view would let two views be compared to work out a small group.
 */
export default function CycleHeatmapPage() {
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const reported = Boolean(cycle.data && REPORTED_STATES.includes(cycle.data.state));
  const heatmap = useHeatmap(cycleId, { enabled: reported });
  const [showDepartments, setShowDepartments] = useState(false);
  const [department, setDepartment] = useState<string>(ALL);
  const [level, setLevel] = useState<HeatmapLevel>('all');
  const levelsId = useId();
  const departmentsId = useId();

  if (!cycle.data) return null; // the layout shows loading and errors
  if (!reported || isApiError(heatmap.error, 404)) return <NotYet cycle={cycle.data} />;
  if (heatmap.isPending) return <Loading label="Loading the organisation view…" />;
  if (heatmap.isError) return <ErrorAlert error={heatmap.error} title="Could not load the organisation view" />;

  const map = heatmap.data;
  const m = map.minCellSize;
  const noScores = map.organisation.every((c) => !c.shown && (c.reason ?? 'no_data') === 'no_data');

  // Filters: each a number of the one suppressed table (the API applies the same rules to every combination).
  const chosen = department === ALL ? map.departments : map.departments.filter((d) => departmentKey(d.department) === department);
  const levelLabel = LEVELS.find((l) => l.value === level)!.label;
  const departmentGroups: HeatmapRowGroup[] = [
    {
      key: 'departments',
      rows: chosen.map((d) => ({
        key: departmentKey(d.department),
        label: level === 'all' ? departmentName(d.department) : <LevelLabel text={departmentName(d.department)} where={levelLabel} />,
        cells: levelCells(d, level),
      })),
    },
  ];
  const organisationRow = { key: 'organisation', label: 'Whole organisation', cells: levelCells({ cells: map.organisation, ...map.levels }, level) };
  const references = map.organisation.map((c) => (c.shown ? c.mean : undefined));
  const csvFilter =
    department === ALL ? {} : department === 'none' ? { noDepartment: 'true' as const } : { department: department.slice('department:'.length) };
  const csvHref = heatmapCsvUrl(cycleId, { ...csvFilter, ...(level === 'all' ? {} : { level }) });
  const levelRows = (key: string, where: string, withReports: HeatmapCell[], withoutReports: HeatmapCell[]) => [
    { key: `${key}:with`, label: <LevelLabel text="With direct reports" where={where} />, cells: withReports },
    { key: `${key}:without`, label: <LevelLabel text="Without direct reports" where={where} />, cells: withoutReports },
  ];
  const levelGroups: HeatmapRowGroup[] = [
    {
      key: 'organisation',
      label: 'Whole organisation',
      rows: levelRows('organisation', 'the whole organisation', map.levels.withReports, map.levels.withoutReports),
    },
    ...(showDepartments
      ? map.departments.map((d) => ({
          key: departmentKey(d.department),
          label: departmentName(d.department),
          rows: levelRows(departmentKey(d.department), departmentName(d.department), d.withReports, d.withoutReports),
        }))
      : []),
  ];
  // Split by level, departments are small: say how much of the split can show before anyone opens it.
  const departmentLevelCells = map.departments.flatMap((d) => [...d.withReports, ...d.withoutReports]);
  const shownDepartmentLevelCells = departmentLevelCells.filter((c) => c.shown).length;

  return (
    <div className="tab-panel hm">
      <Card title="Organisation view" description="HR only. Each time this view is opened, it is recorded in the audit log.">
        <div className="hm-intro">
          <div className="hm-intro__text">
            <p>
              Each cell is the average score of a group of people on one behaviour, from 1 (rarely) to 5 (almost always). A person’s score is what the
              colleagues who rated them said — their self-review left out — as it appears in their own report. The two indices average the influence and the
              management behaviours.
            </p>
            <p>
              <strong>Why some cells are hidden.</strong> Feedback stays anonymous: a cell built from fewer than {m} people is never shown, and a few more are
              hidden so that a small group can’t be worked out by subtracting the cells that are shown from a total.
            </p>
          </div>
          <div className="hm-intro__control">
            <LockedSetting
              label="Minimum people per cell"
              value={plural(m, 'person', 'people')}
              reason={
                <>
                  {HEATMAP_MINIMUM_FIXED} <Link to={settingsPath(cycleId)}>See the cycle’s settings</Link>
                </>
              }
            />
          </div>
        </div>
        <Overview map={map} />
        <HeatmapLegend minCellSize={m} previousCycleName={map.previousCycle?.cycleName} />
      </Card>

      {noScores ? (
        <Card>
          <EmptyState title="No scores to show yet" icon="◔">
            Either the reports are still being computed, or nobody had enough answers for a score in their report. Check again in a few minutes.
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card
            className="card--flush"
            title="By department"
            description={
              map.previousCycle
                ? `Everyone reviewed, by their department when the cycle launched; arrows show the change since ${map.previousCycle.cycleName}.`
                : 'Everyone reviewed, by their department when the cycle launched.'
            }
          >
            <div className="hm-filters">
              <SelectField label="Department" value={department} onChange={(e) => setDepartment(e.target.value)} aria-controls={departmentsId}>
                <option value={ALL}>All departments</option>
                {map.departments.map((d) => (
                  <option key={departmentKey(d.department)} value={departmentKey(d.department)}>
                    {departmentName(d.department)}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Level" value={level} onChange={(e) => setLevel(e.target.value as HeatmapLevel)} aria-controls={departmentsId}>
                {LEVELS.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </SelectField>
              <a className="btn btn--secondary btn--sm hm-filters__export" href={csvHref} download>
                Download CSV
              </a>
            </div>
            <HeatmapTable
              id={departmentsId}
              caption={`Average scores by department, ${levelLabel.toLowerCase()} (groups of ${m} or more people)`}
              rowHeader="Department"
              measures={map.measures}
              groups={departmentGroups}
              footer={department === ALL ? organisationRow : undefined}
              minCellSize={m}
              references={references}
            />
          </Card>
          <Card
            className="card--flush"
            title="With and without direct reports"
            description="Does leadership live at every level? People who manage others beside those who don’t, across the organisation and within each department."
          >
            <HeatmapTable
              id={levelsId}
              caption={`Average scores of people with and without direct reports (groups of ${m} or more people)`}
              rowHeader="Group"
              measures={map.measures}
              groups={levelGroups}
              minCellSize={m}
              references={references}
            />
            {map.departments.length > 0 && (
              <div className="hm-more">
                <Button variant="secondary" size="sm" aria-expanded={showDepartments} aria-controls={levelsId} onClick={() => setShowDepartments((v) => !v)}>
                  {showDepartments ? 'Hide the departments' : `Show each department (${map.departments.length})`}
                </Button>
                <p className="hm-more__note">
                  At groups of {m} or more, {shownDepartmentLevelCells} of {departmentLevelCells.length} department cells can be shown.
                </p>
              </div>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

/** "With direct reports", and for screen readers where, since the group heading is a separate row. */
function LevelLabel({ text, where }: { text: string; where: string }) {
  return (
    <>
      {text}
      <span className="visually-hidden">, {where}</span>
    </>
  );
}
