// Wire types of /api/v1/imports (permission `import`).

export type ImportKind = 'enterprises' | 'indicators' | 'published';

/** An error or warning of an import, placed on its sheet, row and cell. */
export interface ImportIssue {
  file: string;
  /** null for csv/tsv. */
  sheet: string | null;
  /** Spreadsheet row (header = 1); 0 when the issue is about the file or a sheet. */
  row: number;
  /** The header as written, or "". */
  column: string;
  /** "D7", or "" when the issue has no single cell. */
  cell: string;
  value: string;
  /** bad_uscc_checksum, non_numeric, region_mapped, ... */
  kind: string;
  message: string;
}

export interface CreatedFirm {
  uscc: string;
  name: string;
  /** Region code. */
  region: string;
}

/** The answer of POST /imports/{kind}: 200 when imported, 422 when refused. */
export interface ImportReport {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  created: CreatedFirm[];
  file: string;
  sha256: string;
  applied: boolean;
  already_imported: boolean;
  import_id: number | null;
  /** For GET /imports/reports/{report_id}.xlsx; null when nothing was archived. */
  report_id: string | null;
  summary: { rows: number; inserted: number; replaced: number; unchanged: number };
}

export interface ImportLogEntry {
  id: number;
  kind: ImportKind | (string & {});
  file_name: string;
  sha256: string;
  bytes: number;
  rows: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  created_firms: number;
  username: string;
  /** "api" or "cli". */
  channel: string;
  /** Unix time, seconds. */
  at: number;
}

export interface ImportLog {
  imports: ImportLogEntry[];
}
