// The 数据导入 page's view model: who may import, the three kinds, the result banner of a
// report, its errors and warnings with translated kind labels, and the exports of the issue
// table and the recent imports. Pure, so it is unit-tested.
import type { ExportRequest } from '@/typings/api/export';
import type { ImportIssue, ImportKind, ImportLogEntry, ImportReport } from '@/typings/api/imports';
import { EMPTY, formatUnixTime } from '@/utils/format';
import { col, tableExport, type ExportColumn } from '@/utils/export';

export type Translate = (key: string, named?: Record<string, unknown>) => string;
export type TranslateExists = (key: string) => boolean;

export const IMPORT_KINDS: readonly ImportKind[] = ['enterprises', 'indicators', 'published'];

/** Roles with the `import` permission (docs/api.md: 管理员, 分析员). */
export const IMPORT_ROLES: readonly string[] = ['admin', 'analyst'];

export function canImport(role: string | null | undefined): boolean {
  return !!role && IMPORT_ROLES.includes(role);
}

/** The label of an issue kind in the UI language; the kind itself when the app does not know it. */
export function issueKindLabel(kind: string, t: Translate, te: TranslateExists): string {
  const key = `imports.issueKind.${kind}`;
  return te(key) ? t(key) : kind;
}

export type BannerType = 'success' | 'error' | 'info';

/** The result banner: 已导入 #id / 已拒绝，未写入任何数据 / 文件已导入过. */
export function resultBanner(report: ImportReport, t: Translate): { type: BannerType; title: string } {
  if (report.already_imported) {
    return { type: 'info', title: report.import_id ? t('imports.alreadyImportedId', { id: report.import_id }) : t('imports.alreadyImported') };
  }
  if (report.applied) {
    return { type: 'success', title: report.import_id ? t('imports.applied', { id: report.import_id }) : t('imports.appliedNoId') };
  }
  return { type: 'error', title: t('imports.refused', { n: report.errors.length }) };
}

export interface IssueRow {
  id: string;
  severity: 'error' | 'warning';
  sheet: string;
  cell: string;
  row: string;
  column: string;
  value: string;
  kind: string;
  kindLabel: string;
  message: string;
}

function issueRow(issue: ImportIssue, severity: 'error' | 'warning', index: number, t: Translate, te: TranslateExists): IssueRow {
  return {
    id: `${severity}-${index}`,
    severity,
    sheet: issue.sheet ?? EMPTY,
    cell: issue.cell || EMPTY,
    row: issue.row > 0 ? String(issue.row) : EMPTY,
    column: issue.column || EMPTY,
    value: issue.value === '' ? EMPTY : issue.value,
    kind: issue.kind,
    kindLabel: issueKindLabel(issue.kind, t, te),
    message: issue.message
  };
}

/** Errors first, then warnings, each in the order the report gives. */
export function issueRows(report: ImportReport, t: Translate, te: TranslateExists): IssueRow[] {
  return [
    ...report.errors.map((x, i) => issueRow(x, 'error', i, t, te)),
    ...report.warnings.map((x, i) => issueRow(x, 'warning', i, t, te))
  ];
}

export function issueHeaders(t: Translate) {
  return {
    severity: t('imports.severity'),
    sheet: t('imports.sheet'),
    cell: t('imports.cell'),
    row: t('imports.row'),
    column: t('imports.column'),
    value: t('imports.value'),
    kind: t('imports.issueKindHeader'),
    message: t('imports.message')
  };
}

export function issuesExport(report: ImportReport, t: Translate, te: TranslateExists): ExportRequest {
  const h = issueHeaders(t);
  const blank = (v: string) => (v === EMPTY ? null : v);
  const columns: ExportColumn<IssueRow>[] = [
    col.text(h.severity, (r) => (r.severity === 'error' ? t('imports.error') : t('imports.warning'))),
    col.text(h.sheet, (r) => blank(r.sheet)),
    col.text(h.cell, (r) => blank(r.cell)),
    col.integer(h.row, (r) => (r.row === EMPTY ? null : Number(r.row))),
    col.text(h.column, (r) => blank(r.column), 20),
    col.text(h.value, (r) => blank(r.value), 20),
    col.text(h.kind, (r) => r.kindLabel, 18),
    col.text(h.message, (r) => r.message, 60)
  ];
  return tableExport(`${report.file}_${t('imports.issues')}`, t('imports.issues'), columns, issueRows(report, t, te));
}

/** The kind's label ("规上企业月报"); the kind itself when unknown. */
export function kindLabel(kind: string, t: Translate, te: TranslateExists): string {
  const key = `imports.kinds.${kind}`;
  return te(key) ? t(key) : kind;
}

export function historyExport(entries: readonly ImportLogEntry[], t: Translate, te: TranslateExists): ExportRequest {
  const columns: ExportColumn<ImportLogEntry>[] = [
    col.integer(t('imports.historyCol.id'), (e) => e.id),
    col.text(t('imports.historyCol.kind'), (e) => kindLabel(e.kind, t, te)),
    col.text(t('imports.historyCol.file'), (e) => e.file_name, 30),
    col.integer(t('imports.historyCol.rows'), (e) => e.rows),
    col.integer(t('imports.summary.inserted'), (e) => e.inserted),
    col.integer(t('imports.summary.replaced'), (e) => e.replaced),
    col.integer(t('imports.summary.unchanged'), (e) => e.unchanged),
    col.integer(t('imports.historyCol.created'), (e) => e.created_firms),
    col.text(t('imports.historyCol.user'), (e) => e.username),
    col.text(t('imports.historyCol.channel'), (e) => e.channel),
    col.text(t('imports.historyCol.at'), (e) => formatUnixTime(e.at)),
    col.text(t('imports.historyCol.sha256'), (e) => e.sha256, 30)
  ];
  return tableExport(t('imports.history'), t('imports.history'), columns, entries);
}

/** Only spreadsheet and text tables are accepted. */
export const ACCEPTED_FILES = '.xlsx,.xlsm,.csv,.tsv,.txt';
