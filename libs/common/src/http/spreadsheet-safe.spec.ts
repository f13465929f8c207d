import { spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-cmd', '@SUM(A1)', '\t=1', '\r=1', '-1+1', '-2*A1', '+1'])('disarms %j', (value) => {
    expect(spreadsheetSafe(value)).toBe(`'${value}`);
  });

  it.each(['Ada Lovelace', '-3', '-0.5', '42', '', 'a=b'])('leaves %j alone', (value) => {
    expect(spreadsheetSafe(value)).toBe(value);
  });
});
