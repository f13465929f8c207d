import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { frameworkKeys } from './keys';

export type FrameworkDetail = Schemas['FrameworkDetailDto'];
export type Behaviour = Schemas['BehaviourDto'];
export type BehaviourKind = Behaviour['kind'];

/** The framework in its own words: what the editor loads and saves. */
export const getFramework = (id: string) => unwrap(api.GET('/api/frameworks/{id}', { params: { path: { id } } }));

/** The framework in the reader's language, for reading only (never to be saved back). */
const readFramework = (id: string) => unwrap(api.GET('/api/frameworks/{id}', { params: { path: { id }, query: { language: 'reader' } } }));

export const frameworkQueryOptions = (id: string) => queryOptions({ queryKey: frameworkKeys.detail(id), queryFn: () => getFramework(id) });

export function useFramework(id: string) {
  return useQuery(frameworkQueryOptions(id));
}

export function useFrameworkToRead(id: string) {
  return useQuery(queryOptions({ queryKey: frameworkKeys.reading(id), queryFn: () => readFramework(id) }));
}
