// Wire type of POST /api/v1/export.xlsx: any table of the app as an xlsx.

export type ExportColumnType = 'text' | 'integer' | 'decimal' | 'percent' | 'money';
/** The unit money values are written in (they are sent as integer 元). */
export type ExportMoneyUnit = '元' | '万元' | '亿元';

export interface ExportColumnSpec {
  header: string;
  type: ExportColumnType;
  decimals?: number;
  unit?: ExportMoneyUnit;
  width?: number;
}

export type ExportCell = string | number | null;

export interface ExportSheet {
  name: string;
  columns: ExportColumnSpec[];
  rows: ExportCell[][];
}

export interface ExportRequest {
  file_name: string;
  sheets: ExportSheet[];
}
