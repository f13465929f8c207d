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

  async export(actor: Actor, cycleId: string, subjectId: string, format: 'csv' | 'pdf'): Promise<ReportFile> {
    const report = await this.reports.forExport(actor, cycleId, subjectId, format);
    const filename = `${fileSlug('report', report.subject.name, report.cycle.name)}.${format}`;
    return format === 'csv'
      ? { filename, contentType: 'text/csv; charset=utf-8', body: reportCsv(report) }
      : { filename, contentType: 'application/pdf', body: await reportPdf(report) };
  }
}
