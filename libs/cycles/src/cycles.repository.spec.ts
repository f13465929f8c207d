import { defaultCycleSettings } from './domain';
import { settingsFromRow } from './cycles.repository';

describe('settingsFromRow', () => {
  it('reads stored settings by the one parser: a setting that no longer validates reads as its default, never as stored', () => {
    const settings = settingsFromRow({ settings: { ...defaultCycleSettings(), anonymityThreshold: 1, maxPeers: 'eight', heatmapMinCellSize: 7 } });
    expect(settings).toMatchObject({ anonymityThreshold: 3, maxPeers: 8, heatmapMinCellSize: 7 });
  });

  it('takes the deadlines from their columns, and from the JSON where a column is empty', () => {
    const response = new Date('2026-06-30T21:59:00Z');
    const nomination = '2026-06-01T21:59:00.000Z';
    const settings = settingsFromRow({ settings: { nominationDeadline: nomination }, response_deadline: response });
    expect(settings).toMatchObject({ nominationDeadline: new Date(nomination), responseDeadline: response });
  });
});
