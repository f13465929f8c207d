import { useSignedInUser } from '@/lib/auth';
import type { Report } from '../api/get-report';
import { readerWords, type Reader } from '../utils/report-words';

/** How the report speaks to the person reading it ("you" in one's own report, the first name otherwise). */
export function useReader(report: Pick<Report, 'viewer' | 'subject'>): Reader {
  return readerWords(report, useSignedInUser().id);
}
