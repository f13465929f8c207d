import type { HeatmapCellDto, HeatmapDto } from '../heatmap/heatmap.dto';
import { heatmapCsv } from './heatmap-csv';
import { spreadsheetSafe, translator } from '@lib/common';

const shown = (mean: number, n: number): HeatmapCellDto => ({ shown: true, mean, n });
const hidden: HeatmapCellDto = { shown: false, reason: 'below_threshold' };

const map = (departments: (string | null)[]): HeatmapDto => ({
  cycleId: 'c',
  cycleName: 'Cycle',
  cycleState: 'closed',
  threshold: 3,
  minCellSize: 5,
  measures: [{ key: 'index:influence', name: 'Influence index', kind: 'index' }],
  departments: departments.map((department) => ({ department, cells: [shown(3.5, 6)], withReports: [hidden], withoutReports: [shown(3.25, 5)] })),
  levels: { withReports: [hidden], withoutReports: [{ ...shown(3.25, 10), previousMean: 3.5, change: -0.25 }] },
  organisation: [shown(3.5, 12)],
  previousCycle: null,
});

describe('heatmapCsv', () => {
  it('keeps a department named like a formula from running in a spreadsheet, and negative changes as numbers', () => {
    const text = heatmapCsv(map(['=HYPERLINK("x")', '-2+3', '@SUM(A1)', null]), { department: undefined, level: 'without_reports' }, translator('en'));
    const lines = text.trim().split('\n');
    expect(lines[1].startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(lines[2].startsWith("'-2+3,")).toBe(true);
    expect(lines[3].startsWith("'@SUM(A1),")).toBe(true);
    expect(lines[4].startsWith('No department,')).toBe(true);
    expect(lines[5]).toBe('Whole organisation,Without direct reports,Influence index,index,3.25,10,3.50,-0.25,');
  });

  it('prints a hidden cell with its reason and no number', () => {
    const lines = heatmapCsv(map(['Sales']), { department: 'Sales', level: 'with_reports' }, translator('en'))
      .trim()
      .split('\n');
    expect(lines).toEqual([
      'department,level,measure,kind,mean,n,previous_mean,change,note',
      'Sales,With direct reports,Influence index,index,,,,,hidden: fewer than 5 people',
    ]);
  });

  it("writes the rows' words in the reader's language, the header and kinds as codes", () => {
    const lines = heatmapCsv(map([null]), { department: undefined, level: 'with_reports' }, translator('de'))
      .trim()
      .split('\n');
    expect(lines).toEqual([
      'department,level,measure,kind,mean,n,previous_mean,change,note',
      'Keine Abteilung,Mit direkt Unterstellten,Influence index,index,,,,,verborgen: weniger als 5 Personen',
      'Gesamte Organisation,Mit direkt Unterstellten,Influence index,index,,,,,verborgen: weniger als 5 Personen',
    ]);
  });

  it('leaves plain numbers alone, negative ones included', () => {
    expect(spreadsheetSafe('-0.25')).toBe('-0.25');
    expect(spreadsheetSafe('-1+1')).toBe("'-1+1");
    expect(spreadsheetSafe('+1')).toBe("'+1");
    expect(spreadsheetSafe('Sales')).toBe('Sales');
  });
});
