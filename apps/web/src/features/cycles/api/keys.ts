/**
 * Query keys of the cycles feature. Every mutation invalidates `cycleKeys.all` or one cycle's
 * `cycleKeys.cycle(id)` prefix (detail, subjects and progress together), so no view goes stale.
 */
export const cycleKeys = {
  all: ['cycles'] as const,
  list: () => [...cycleKeys.all, 'list'] as const,
  cycle: (id: string) => [...cycleKeys.all, 'cycle', id] as const,
  detail: (id: string) => [...cycleKeys.cycle(id), 'detail'] as const,
  subjects: (id: string, query: object) => [...cycleKeys.cycle(id), 'subjects', query] as const,
  progress: (id: string) => [...cycleKeys.cycle(id), 'progress'] as const,
  reminderPreview: (id: string) => [...cycleKeys.cycle(id), 'reminder-preview'] as const,
  /** People and departments to pick subjects from (the people feature keeps its own cache). */
  peopleSearch: (search: string) => [...cycleKeys.all, 'people-search', search] as const,
  departments: () => [...cycleKeys.all, 'departments'] as const,
};

/**
 * The frameworks list under the key the frameworks feature uses for it, so that editing or
 * copying a framework also refreshes the framework picker of the cycle form.
 */
export const frameworkOptionsKey = ['frameworks', 'list'] as const;
