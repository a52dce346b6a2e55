// Building the body of POST /api/v1/export.xlsx from what a table shows, and saving the answer.
// A page describes its table once as columns (header as on screen + how to read a row); the
// values go out raw so Excel can compute with them:
// - money as integer 元 with `unit` 亿元 or 万元 as on screen (type "money"); English pages show
//   big amounts in bn yuan, which the export has no unit for, so those go as type "decimal"
//   holding the bn-yuan number;
// - rates as percent numbers (type "percent": 7.2 → 7.2%), percentage points as "decimal";
// - 从业人员 as "integer", energy as "decimal" 吨标准煤 (千克 ÷ 1000).
import type { ExportCell, ExportColumnSpec, ExportRequest, ExportSheet } from '@/typings/api/export';
import type { Download } from '@/service/request';
import { downloadExport } from '@/service/api/export';
import type { IndicatorKind, MoneyScale } from './indicators';
import type { Lang } from './format';
import { saveDownload } from './download';

export interface ExportColumn<R> {
  spec: ExportColumnSpec;
  value: (row: R) => ExportCell | undefined;
}

function finite(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

/** Column factories; `header` is the table's header as shown (with its unit). */
export const col = {
  text<R>(header: string, get: (row: R) => string | number | null | undefined, width?: number): ExportColumn<R> {
    return {
      spec: width ? { header, type: 'text', width } : { header, type: 'text' },
      value: (row) => {
        const v = get(row);
        return v === null || v === undefined || v === '' ? null : String(v);
      }
    };
  },
  integer<R>(header: string, get: (row: R) => number | null | undefined): ExportColumn<R> {
    return { spec: { header, type: 'integer', decimals: 0 }, value: (row) => finite(get(row)) };
  },
  decimal<R>(header: string, get: (row: R) => number | null | undefined, decimals = 2): ExportColumn<R> {
    return { spec: { header, type: 'decimal', decimals }, value: (row) => finite(get(row)) };
  },
  /** A rate in percent as the API sends it (7.2 = 7.2 %). */
  percent<R>(header: string, get: (row: R) => number | null | undefined, decimals = 1): ExportColumn<R> {
    return { spec: { header, type: 'percent', decimals }, value: (row) => finite(get(row)) };
  },
  /**
   * Money from integer 元: `region` scale as on screen (亿元 in Chinese, bn yuan in English),
   * `firm` scale in 万元.
   */
  money<R>(header: string, get: (row: R) => number | null | undefined, scale: MoneyScale, lang: Lang): ExportColumn<R> {
    if (scale === 'region' && lang === 'en-US') {
      return {
        spec: { header, type: 'decimal', decimals: 2 },
        value: (row) => {
          const v = finite(get(row));
          return v === null ? null : v / 1_000_000_000;
        }
      };
    }
    return {
      spec: { header, type: 'money', unit: scale === 'region' ? '亿元' : '万元', decimals: 2 },
      value: (row) => {
        const v = finite(get(row));
        return v === null ? null : Math.round(v);
      }
    };
  },
  /** Energy from the API's 千克标准煤, written in 吨标准煤. */
  energy<R>(header: string, get: (row: R) => number | null | undefined): ExportColumn<R> {
    return {
      spec: { header, type: 'decimal', decimals: 2 },
      value: (row) => {
        const v = finite(get(row));
        return v === null ? null : v / 1000;
      }
    };
  },
  /** A value of a monitoring indicator, by its kind. */
  indicator<R>(header: string, kind: IndicatorKind, get: (row: R) => number | null | undefined, scale: MoneyScale, lang: Lang): ExportColumn<R> {
    if (kind === 'people') return col.integer(header, get);
    if (kind === 'energy') return col.energy(header, get);
    return col.money(header, get, scale, lang);
  }
};

// Excel's limits on sheet names: at most 31 characters, none of []:*?/\ .
function sheetName(name: string, index: number): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
  return clean || `Sheet${index + 1}`;
}

/** A file name without characters file systems refuse, ending in .xlsx. */
export function exportFileName(name: string): string {
  const clean = name.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || 'export';
  return clean.endsWith('.xlsx') ? clean : `${clean}.xlsx`;
}

/** One sheet: the columns' specs and one row of values per table row. */
export function buildSheet<R>(name: string, columns: readonly ExportColumn<R>[], rows: readonly R[]): ExportSheet {
  return {
    name,
    columns: columns.map((c) => ({ ...c.spec })),
    rows: rows.map((row) => columns.map((c) => c.value(row) ?? null))
  };
}

/** The request body: file name and sheets (sheet names made valid and unique). */
export function buildExportRequest(fileName: string, sheets: readonly ExportSheet[]): ExportRequest {
  const used = new Set<string>();
  return {
    file_name: exportFileName(fileName),
    sheets: sheets.map((s, i) => {
      let name = sheetName(s.name, i);
      for (let n = 2; used.has(name); n++) name = `${sheetName(s.name, i).slice(0, 28)}(${n})`;
      used.add(name);
      return { ...s, name };
    })
  };
}

/** A single-table export: the usual case of an "导出Excel" button. */
export function tableExport<R>(fileName: string, sheet: string, columns: readonly ExportColumn<R>[], rows: readonly R[]): ExportRequest {
  return buildExportRequest(fileName, [buildSheet(sheet, columns, rows)]);
}

/** Posts the request through the app's client and saves the xlsx. */
export async function exportXlsx(
  body: ExportRequest,
  deps: { send?: (body: ExportRequest) => Promise<Download>; save?: (d: Download, fallback: string) => void } = {}
): Promise<void> {
  const download = await (deps.send ?? downloadExport)(body);
  (deps.save ?? saveDownload)(download, body.file_name);
}
