import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { reportKeys } from './keys';

export type MyReport = Schemas['MyReportDto'];

/** GET /api/reports/mine: the reports I may open now — my own after release, my direct reports' as their cycle allows (newest cycle first). */
export async function listMyReports(): Promise<MyReport[]> {
  const list = await unwrap(api.GET('/api/reports/mine'));
  return list.items;
}

export const myReportsQueryOptions = () => queryOptions({ queryKey: reportKeys.mine(), queryFn: listMyReports });

export function useMyReports() {
  return useQuery(myReportsQueryOptions());
}
