// /api/v1/imports: uploads (multipart), the recent imports, report and template downloads.
import { request, type Download } from '../request';
import type { ImportKind, ImportLog, ImportReport } from '@/typings/api/imports';

/**
 * POST /imports/{kind} with the file as multipart field `file`. A refused import (422) is an
 * answer like an accepted one: both resolve to the report; other failures throw ApiError.
 */
export function uploadImport(kind: ImportKind, file: Blob, fileName: string, region?: string): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, fileName);
  return request<ImportReport>(`/imports/${encodeURIComponent(kind)}`, {
    method: 'POST',
    body: form,
    query: { region },
    answerStatuses: [422]
  });
}

/** GET /imports: the recent accepted imports. */
export function fetchImports(): Promise<ImportLog> {
  return request<ImportLog>('/imports');
}

/** GET /imports/reports/{report_id}.xlsx. */
export function downloadImportReport(reportId: string): Promise<Download> {
  return request.download(`/imports/reports/${encodeURIComponent(reportId)}.xlsx`);
}

/** GET /imports/templates/{kind}.xlsx: the blank sheet of a kind. */
export function downloadImportTemplate(kind: ImportKind): Promise<Download> {
  return request.download(`/imports/templates/${encodeURIComponent(kind)}.xlsx`);
}
