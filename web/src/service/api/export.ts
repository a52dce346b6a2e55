// /api/v1/export.xlsx: a table of the app as an xlsx download.
import { request, type Download } from '../request';
import type { ExportRequest } from '@/typings/api/export';

/** POST /export.xlsx. */
export function downloadExport(body: ExportRequest): Promise<Download> {
  return request.download('/export.xlsx', { method: 'POST', body });
}
