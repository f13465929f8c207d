import { Injectable } from '@nestjs/common';
import type { Actor } from '@lib/common';
import { ReportViewService } from '../report/report-view.service';
import { reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';
import { fileSlug } from './report-text';

export interface ReportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** CSV and PDF of one report: the same access rules and view model as the page, audited as exports. */
@Injectable()
export class ReportExportService {
  constructor(private readonly reports: ReportViewService) {}

  /** In the reader's language (their own, else their organisation's): the words, numbers and dates; the statements too (forExport). */
  async export(actor: Actor, cycleId: string, subjectId: string, format: 'csv' | 'pdf'): Promise<ReportFile> {
    const language = await this.reports.language(actor);
    const report = await this.reports.forExport(actor, cycleId, subjectId, format);
    const filename = `${fileSlug('report', report.subject.name, report.cycle.name)}.${format}`;
    return format === 'csv'
      ? { filename, contentType: 'text/csv; charset=utf-8', body: reportCsv(report, language) }
      : { filename, contentType: 'application/pdf', body: await reportPdf(report, language) };
  }
}
