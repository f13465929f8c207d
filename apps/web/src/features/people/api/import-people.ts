import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '@/api/client';
import { peopleKeys } from './keys';

export type ImportResult = Schemas['ImportResultDto'];
export type ImportRowError = Schemas['ImportErrorDto'];

export type ImportLeaver = Schemas['ImportLeaverDto'];
export type ImportReturner = Schemas['ImportReturnerDto'];

interface ImportPeopleInput {
  csv: string;
  dryRun: boolean;
  /** Everyone active who is not in the file (nor named in it as a manager) has left. */
  missingHaveLeft: boolean;
  /** The number of leavers the dry run showed, when more than half of the active people would leave. */
  confirmLeavers?: number;
}

/** Sends the CSV as the raw body (`text/csv`). A dry run only reports; a real run is all or nothing. */
export const importPeople = ({ csv, dryRun, missingHaveLeft, confirmLeavers }: ImportPeopleInput) =>
  unwrap(
    api.POST('/api/people/import', {
      params: {
        query: {
          dryRun: dryRun ? 'true' : 'false',
          missingHaveLeft: missingHaveLeft ? 'true' : 'false',
          ...(confirmLeavers === undefined ? {} : { confirmLeavers }),
        },
      },
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
      bodySerializer: (body) => body,
    }),
  );

/** The row errors of a refused import (422 carries the same `errors` as a dry run). */
export const importRowErrors = (error: unknown): ImportRowError[] =>
  error instanceof ApiError && error.status === 422 ? (error.errors as ImportRowError[]).filter((e) => typeof e?.line === 'number') : [];

export function useImportPeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importPeople,
    onSuccess: async (result) => {
      if (!result.dryRun) await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}
