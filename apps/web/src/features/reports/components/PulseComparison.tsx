import type { Pulse, PulseChange } from '../api/pulse';
import { fixed, signed } from '../utils/report-words';

/** Why a then-vs-now row shows no numbers: the same rule for every row, said plainly and never with a count. */
const NOT_SHOWN = 'Not shown: your report or the pulse had too few colleagues’ answers on it to show a number, so the two cannot be compared.';

function ChangeCells({ change }: { change: PulseChange }) {
  if (!change.shown || change.then === undefined || change.now === undefined || change.delta === undefined)
    return (
      <td colSpan={3} className="pulse-compare__hidden">
        {NOT_SHOWN}
      </td>
    );
  return (
    <>
      <td>{fixed(change.then)}</td>
      <td>{fixed(change.now)}</td>
      <td>
        <strong>{signed(change.delta)}</strong>
        <span className="visually-hidden">{change.delta > 0 ? ' higher now' : change.delta < 0 ? ' lower now' : ' unchanged'}</span>
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
      <caption className="visually-hidden">Then vs now: your colleagues’ mean for each behaviour of your plan</caption>
      <thead>
        <tr>
          <th scope="col">Behaviour</th>
          <th scope="col">Then</th>
          <th scope="col">Now</th>
          <th scope="col">Change</th>
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
            <th scope="row">Across the behaviours shown both times</th>
            <ChangeCells change={comparison.total} />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
