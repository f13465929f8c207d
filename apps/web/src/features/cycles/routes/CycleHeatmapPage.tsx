import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Button, Card, EmptyState, ErrorAlert, Loading, SelectField } from '@/components/ui';
import { msg, tr, useT, type MessageId } from '@/i18n';
import { useCycle, type Cycle } from '../api/get-cycle';
import { heatmapCsvUrl, useHeatmap, type Heatmap, type HeatmapCell, type HeatmapLevel } from '../api/get-heatmap';
import { HEATMAP_MINIMUM_FIXED } from '../components/cycle-format';
import { formatMean, hiddenExplanation } from '../components/HeatmapCell';
import { HeatmapLegend } from '../components/HeatmapLegend';
import { LockedSetting } from '../components/LockedSetting';
import { HeatmapTable, type HeatmapRowGroup } from '../components/HeatmapTable';
import '../heatmap.css';

const REPORTED_STATES = ['closed', 'released'];
const departmentName = (department: string | null): string => department ?? tr('cycles.heatmap.noDepartment');
const departmentKey = (department: string | null): string => (department === null ? 'none' : `department:${department}`);

const settingsPath = (cycleId: string): string => `/cycles/${cycleId}/settings`;

/** Each level as the filter names it, and as the table's caption does mid-sentence. */
const LEVELS: { value: HeatmapLevel; label: MessageId; inCaption: MessageId }[] = [
  { value: 'all', label: msg('cycles.heatmap.everyone'), inCaption: msg('cycles.heatmap.levelAll') },
  { value: 'with_reports', label: msg('cycles.heatmap.withReports'), inCaption: msg('cycles.heatmap.levelWith') },
  { value: 'without_reports', label: msg('cycles.heatmap.withoutReports'), inCaption: msg('cycles.heatmap.levelWithout') },
];
const ALL = 'all';
const levelCells = (cells: { cells: HeatmapCell[]; withReports: HeatmapCell[]; withoutReports: HeatmapCell[] }, level: HeatmapLevel): HeatmapCell[] =>
  level === 'with_reports' ? cells.withReports : level === 'without_reports' ? cells.withoutReports : cells.cells;

/** Before close: when the view appears, and the minimum it will use while that can still change. */
function NotYet({ cycle }: { cycle: Cycle }) {
  const t = useT();
  const editable = cycle.editableSettings.includes('heatmapMinCellSize');
  const count = cycle.settings.heatmapMinCellSize;
  return (
    <Card>
      <EmptyState title={t('cycles.heatmap.notYet')} icon="▦">
        {editable ? (
          <FormattedMessage id="cycles.heatmap.notYetEditable" values={{ count, link: (chunks) => <Link to={settingsPath(cycle.id)}>{chunks}</Link> }} />
        ) : (
          t('cycles.heatmap.notYetText', { count })
        )}
      </EmptyState>
    </Card>
  );
}

/** The influence index of a group, as a headline figure (or why it is hidden). */
function IndexStat({ label, cell, minCellSize }: { label: string; cell: HeatmapCell | undefined; minCellSize: number }) {
  const t = useT();
  const mean = cell?.shown ? cell.mean : undefined;
  return (
    <div className="stat hm-stat">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{mean !== undefined ? formatMean(mean) : <span className="hm-stat__hidden">{t('cycles.heatmap.hidden')}</span>}</dd>
      <dd className="hm-stat__detail">
        {mean !== undefined
          ? cell?.n !== undefined
            ? t('cycles.heatmap.people', { count: cell.n })
            : ''
          : hiddenExplanation(cell?.reason ?? 'no_data', minCellSize)}
      </dd>
    </div>
  );
}

function Overview({ map }: { map: Heatmap }) {
  const t = useT();
  const influence = map.measures.findIndex((m) => m.key === 'index:influence');
  if (influence < 0) return null;
  return (
    <div className="hm-overview">
      <h3 className="hm-overview__title">{t('cycles.heatmap.atAGlance')}</h3>
      <dl className="stats hm-stats">
        <IndexStat label={t('cycles.heatmap.wholeOrganisation')} cell={map.organisation[influence]} minCellSize={map.minCellSize} />
        <IndexStat label={t('cycles.heatmap.withReports')} cell={map.levels.withReports[influence]} minCellSize={map.minCellSize} />
        <IndexStat label={t('cycles.heatmap.withoutReports')} cell={map.levels.withoutReports[influence]} minCellSize={map.minCellSize} />
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
  const t = useT();
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
  if (heatmap.isPending) return <Loading label={t('cycles.heatmap.loading')} />;
  if (heatmap.isError) return <ErrorAlert error={heatmap.error} title={t('cycles.heatmap.loadFailed')} />;

  const map = heatmap.data;
  const m = map.minCellSize;
  const noScores = map.organisation.every((c) => !c.shown && (c.reason ?? 'no_data') === 'no_data');

  // Filters: each a number of the one suppressed table (the API applies the same rules to every combination).
  const chosen = department === ALL ? map.departments : map.departments.filter((d) => departmentKey(d.department) === department);
  const chosenLevel = LEVELS.find((l) => l.value === level)!;
  const levelLabel = t(chosenLevel.label);
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
  const organisationRow = {
    key: 'organisation',
    label: t('cycles.heatmap.wholeOrganisation'),
    cells: levelCells({ cells: map.organisation, ...map.levels }, level),
  };
  const references = map.organisation.map((c) => (c.shown ? c.mean : undefined));
  const csvFilter =
    department === ALL ? {} : department === 'none' ? { noDepartment: 'true' as const } : { department: department.slice('department:'.length) };
  const csvHref = heatmapCsvUrl(cycleId, { ...csvFilter, ...(level === 'all' ? {} : { level }) });
  const levelRows = (key: string, where: string, withReports: HeatmapCell[], withoutReports: HeatmapCell[]) => [
    { key: `${key}:with`, label: <LevelLabel text={t('cycles.heatmap.withDirectReports')} where={where} />, cells: withReports },
    { key: `${key}:without`, label: <LevelLabel text={t('cycles.heatmap.withoutDirectReports')} where={where} />, cells: withoutReports },
  ];
  const levelGroups: HeatmapRowGroup[] = [
    {
      key: 'organisation',
      label: t('cycles.heatmap.wholeOrganisation'),
      rows: levelRows('organisation', t('cycles.heatmap.inWholeOrganisation'), map.levels.withReports, map.levels.withoutReports),
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
      <Card title={t('cycles.heatmap.title')} description={t('cycles.heatmap.description')}>
        <div className="hm-intro">
          <div className="hm-intro__text">
            <p>{t('cycles.heatmap.intro')}</p>
            <p>
              <FormattedMessage id="cycles.heatmap.why" values={{ count: m, strong: (chunks) => <strong>{chunks}</strong> }} />
            </p>
          </div>
          <div className="hm-intro__control">
            <LockedSetting
              label={t('cycles.heatmap.minCell')}
              value={t('cycles.heatmap.people', { count: m })}
              reason={
                <>
                  {t(HEATMAP_MINIMUM_FIXED)} <Link to={settingsPath(cycleId)}>{t('cycles.heatmap.seeSettings')}</Link>
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
          <EmptyState title={t('cycles.heatmap.noScores')} icon="◔">
            {t('cycles.heatmap.noScoresText')}
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card
            className="card--flush"
            title={t('cycles.heatmap.byDepartment')}
            description={
              map.previousCycle ? t('cycles.heatmap.byDepartmentChange', { cycle: map.previousCycle.cycleName }) : t('cycles.heatmap.byDepartmentText')
            }
          >
            <div className="hm-filters">
              <SelectField
                label={t('cycles.heatmap.department')}
                value={department}
                onChange={(e) => setDepartment(e.target.value)}
                aria-controls={departmentsId}
              >
                <option value={ALL}>{t('cycles.heatmap.allDepartments')}</option>
                {map.departments.map((d) => (
                  <option key={departmentKey(d.department)} value={departmentKey(d.department)}>
                    {departmentName(d.department)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('cycles.heatmap.level')}
                value={level}
                onChange={(e) => setLevel(e.target.value as HeatmapLevel)}
                aria-controls={departmentsId}
              >
                {LEVELS.map((l) => (
                  <option key={l.value} value={l.value}>
                    {t(l.label)}
                  </option>
                ))}
              </SelectField>
              <a className="btn btn--secondary btn--sm hm-filters__export" href={csvHref} download>
                {t('cycles.heatmap.downloadCsv')}
              </a>
            </div>
            <HeatmapTable
              id={departmentsId}
              caption={t('cycles.heatmap.departmentCaption', { level: t(chosenLevel.inCaption), count: m })}
              rowHeader={t('cycles.heatmap.department')}
              measures={map.measures}
              groups={departmentGroups}
              footer={department === ALL ? organisationRow : undefined}
              minCellSize={m}
              references={references}
            />
          </Card>
          <Card className="card--flush" title={t('cycles.heatmap.levels')} description={t('cycles.heatmap.levelsText')}>
            <HeatmapTable
              id={levelsId}
              caption={t('cycles.heatmap.levelsCaption', { count: m })}
              rowHeader={t('cycles.heatmap.group')}
              measures={map.measures}
              groups={levelGroups}
              minCellSize={m}
              references={references}
            />
            {map.departments.length > 0 && (
              <div className="hm-more">
                <Button variant="secondary" size="sm" aria-expanded={showDepartments} aria-controls={levelsId} onClick={() => setShowDepartments((v) => !v)}>
                  {showDepartments ? t('cycles.heatmap.hideDepartments') : t('cycles.heatmap.showDepartments', { count: map.departments.length })}
                </Button>
                <p className="hm-more__note">
                  {t('cycles.heatmap.shownCells', { count: m, shown: shownDepartmentLevelCells, total: departmentLevelCells.length })}
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
