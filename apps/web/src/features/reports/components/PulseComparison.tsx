import type { Pulse, PulseChange } from '../api/pulse';
import { fixed, signed } from '../utils/report-words';
import { tr } from '@/i18n';

function ChangeCells({ change }: { change: PulseChange }) {
  if (!change.shown || change.then === undefined || change.now === undefined || change.delta === undefined)
    return (
      <td colSpan={3} className="pulse-compare__hidden">
        {/* The same rule for every row, said plainly and never with a count. */}
        {tr('reports.compare.notShown')}
      </td>
    );
  return (
    <>
      <td>{fixed(change.then)}</td>
      <td>{fixed(change.now)}</td>
      <td>
        <strong>{signed(change.delta)}</strong>
        <span className="visually-hidden">
          {change.delta > 0 ? tr('reports.compare.higher') : change.delta < 0 ? tr('reports.compare.lower') : tr('reports.compare.same')}
        </span>
      </td>
    </>
  );
}

/**
 * Then vs now of a pulse: per chosen behaviour, the colleagues' mean as the original report showed
 * it and as the pulse showed it. Both numbers come from the published reports, so nothing here can
 * single out the colleagues who answered only one of them.
 */
export function PulseComparison({ comparison }: { comparison: NonNullable<Pulse['comparison']> }) {
  return (
    <table className="pulse-compare">
      <caption className="visually-hidden">{tr('reports.compare.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('reports.behaviour')}</th>
          <th scope="col">{tr('reports.compare.then')}</th>
          <th scope="col">{tr('reports.compare.now')}</th>
          <th scope="col">{tr('reports.trend.change')}</th>
        </tr>
      </thead>
      <tbody>
        {comparison.behaviours.map((b) => (
          <tr key={b.key}>
            <th scope="row">{b.name}</th>
            <ChangeCells change={b.change} />
          </tr>
        ))}
      </tbody>
      {comparison.behaviours.length > 1 && (
        <tfoot>
          <tr>
            <th scope="row">{tr('reports.compare.total')}</th>
            <ChangeCells change={comparison.total} />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
