import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { frameworkKeys } from './keys';

export type FrameworkDetail = Schemas['FrameworkDetailDto'];
export type Behaviour = Schemas['BehaviourDto'];
export type BehaviourKind = Behaviour['kind'];

export const getFramework = (id: string) => unwrap(api.GET('/api/frameworks/{id}', { params: { path: { id } } }));

export const frameworkQueryOptions = (id: string) => queryOptions({ queryKey: frameworkKeys.detail(id), queryFn: () => getFramework(id) });

export function useFramework(id: string) {
  return useQuery(frameworkQueryOptions(id));
}
