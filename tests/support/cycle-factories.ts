import { JobsService } from '@lib/jobs';
import type { HttpClient } from './http-client';
import type { TestApp } from './test-app';

/** An ISO date `days` from now (fractions allowed). */
export const inDays = (days: number): string => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

export interface CycleOverrides {
  name?: string;
  frameworkId?: string;
  settings?: Record<string, unknown>;
}

/** A draft cycle through the API, with a response deadline two weeks out unless overridden. */
export async function aDraftCycle(hr: HttpClient, overrides: CycleOverrides = {}): Promise<{ id: string; [key: string]: any }> {
  const response = await hr.post('/api/cycles', {
    name: overrides.name ?? `Cycle ${Math.random().toString(36).slice(2, 8)}`,
    ...(overrides.frameworkId ? { frameworkId: overrides.frameworkId } : {}),
    settings: { responseDeadline: inDays(14), ...overrides.settings },
  });
  if (response.status !== 201) throw new Error(`creating a cycle failed: ${response.status} ${response.text}`);
  return response.body;
}

/** A launched cycle with these subjects. The invitation job is held (JOBS_ENABLED=false): see runHeldJobs. */
export async function aLaunchedCycle(hr: HttpClient, personIds: string[], overrides: CycleOverrides = {}): Promise<{ id: string; [key: string]: any }> {
  const cycle = await aDraftCycle(hr, overrides);
  const added = await hr.post(`/api/cycles/${cycle.id}/subjects`, { personIds });
  if (added.status !== 200) throw new Error(`adding subjects failed: ${added.status} ${added.text}`);
  const launched = await hr.post(`/api/cycles/${cycle.id}/launch`);
  if (launched.status !== 200) throw new Error(`launch failed: ${launched.status} ${launched.text}`);
  return launched.body;
}

/** Runs the jobs the app has sent so far through their real handlers (tests run with JOBS_ENABLED=false). */
export function runHeldJobs(t: TestApp, name?: string): Promise<number> {
  return t.app.get(JobsService).runHeld(name);
}

/** The requests of a cycle as rows `{subject_id, rater_id, relationship, state}`, sorted for comparison. */
export async function requestsOf(t: TestApp, cycleId: string): Promise<{ subject_id: string; rater_id: string; relationship: string; state: string }[]> {
  return t.db.query(`SELECT subject_id, rater_id, relationship, state FROM feedback_requests WHERE cycle_id = $1 ORDER BY subject_id, relationship, rater_id`, [
    cycleId,
  ]);
}
