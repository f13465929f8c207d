import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { frameworkKeys } from './keys';

export type FrameworkSummary = Schemas['FrameworkSummaryDto'];
export type RatingScale = Schemas['RatingScaleDto'];

/** Seeds the default framework on the organisation's first call. */
export const listFrameworks = () => unwrap(api.GET('/api/frameworks'));

export const frameworksQueryOptions = () => queryOptions({ queryKey: frameworkKeys.list(), queryFn: listFrameworks });

export function useFrameworks() {
  return useQuery(frameworksQueryOptions());
}
