import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const sqlError = (code: string, message = 'server message'): DatabaseError => Object.assign(new DatabaseError(message, 0, 'error'), { code });
const socketError = (code: string): Error => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });
const wrapped = (driverError: Error): QueryFailedError => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['57P01 admin_shutdown', sqlError('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash_shutdown', sqlError('57P02')],
    ['57P03 cannot_connect_now', sqlError('57P03', 'the database system is starting up')],
    ['08006 connection_failure', sqlError('08006')],
    ['08001 unable to connect', sqlError('08001')],
    ['53300 too_many_connections', sqlError('53300')],
    ['ECONNREFUSED', socketError('ECONNREFUSED')],
    ['ECONNRESET', socketError('ECONNRESET')],
    ['ETIMEDOUT', socketError('ETIMEDOUT')],
    [
      'ECONNREFUSED on every address (AggregateError)',
      Object.assign(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]), { code: undefined }),
    ],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['a connection that ended mid-query', new Error('Connection terminated unexpectedly')],
    ['a connection that timed out', new Error('Connection terminated due to connection timeout')],
    ['a client that lost its connection', new Error('Client has encountered a connection error and is not queryable')],
    ['a failed query wrapped by TypeORM', wrapped(sqlError('57P01'))],
    ['a broken connection wrapped by TypeORM', wrapped(new Error('Connection terminated unexpectedly'))],
    ['an error caused by one', new Error('could not start the transaction', { cause: socketError('ECONNREFUSED') })],
  ])('%s: unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(sqlError('23505'))],
    ['a missing column (a bug)', wrapped(sqlError('42703'))],
    ['a data exception (bad input)', wrapped(sqlError('22021'))],
    ['wrong credentials (configuration, not an outage)', sqlError('28P01')],
    ['a serialization failure', sqlError('40001')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
    ['null', null],
  ])('%s: not unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = { message: 'b', cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
