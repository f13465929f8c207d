import { parse } from 'csv-parse/sync';
import { reportCsv } from './report-csv';
import { aTypicalReport } from './testing/typical-report';

const lastLine = (csv: string): string[] => {
  const rows: string[][] = parse(csv);
  return rows[rows.length - 1];
};

describe('report CSV: the followership line', () => {
  it('ends with the count and the sentence the page shows, in the reader’s language', () => {
    const report = aTypicalReport();
    expect(lastLine(reportCsv(report))).toEqual([
      'followership',
      '',
      '',
      '',
      '',
      '',
      '4',
      '',
      "4 colleagues outside Łukasz's reporting line named Łukasz as someone they turn to for advice or support.",
    ]);
    expect(lastLine(reportCsv({ ...report, viewer: 'subject', followership: { shown: true, named: 1 } }, 'de')).slice(6)).toEqual([
      '1',
      '',
      '1 Person außerhalb Ihrer Berichtslinie nennt Sie als Ansprechperson für Rat oder Unterstützung.',
    ]);
  });

  it('gives no count when fewer than k named the person, and no line for a report from before the question', () => {
    const report = aTypicalReport();
    const fewer = { ...report, viewer: 'subject' as const, followership: { shown: false, reason: 'fewer_than_threshold' as const } };
    expect(lastLine(reportCsv(fewer)).slice(6)).toEqual([
      '',
      '',
      `How many colleagues named you as someone they turn to is shown only when at least ${report.threshold} did, and never who.`,
    ]);
    expect(lastLine(reportCsv(fewer, 'de'))[8]).toBe(
      `Wie viele Kolleginnen und Kollegen Sie als Ansprechperson nennen, wird nur gezeigt, wenn es mindestens ${report.threshold} sind – und nie, wer.`,
    );
    const csv = reportCsv({ ...report, followership: { shown: false, reason: 'not_counted' } });
    expect(csv).not.toMatch(/followership/);
  });
});
