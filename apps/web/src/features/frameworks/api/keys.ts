/**
 * Query keys of the frameworks feature. `['frameworks', 'list']` is also the key of the cycle
 * form's framework picker (same endpoint, same data), so saving here refreshes it there.
 */
export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: () => [...frameworkKeys.all, 'list'] as const,
  detail: (id: string) => [...frameworkKeys.all, 'detail', id] as const,
  /** The same framework in the reader's language (the read-only page); the editor's `detail` holds its own words. */
  reading: (id: string) => [...frameworkKeys.all, 'reading', id] as const,
};
