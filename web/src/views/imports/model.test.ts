import { describe, expect, it } from 'vitest';
import enUS from '@/locales/en-us';
import { exists, tEn, teZh, tZh } from '@/locales/translator';
import type { ImportReport } from '@/typings/api/imports';
import { canImport, historyExport, issueKindLabel, issueRows, issuesExport, kindLabel, resultBanner } from './model';

const teEn = exists(enUS);

// The report of bad_indicators.xlsx (abridged), as POST /imports/indicators answers with 422.
const refused: ImportReport = {
  errors: [
    {
      file: 'bad_indicators.xlsx',
      sheet: '月报',
      row: 4,
      column: '统一社会信用代码',
      cell: 'A4',
      value: '91370117MA3C5R2X40',
      kind: 'bad_uscc_checksum',
      message: '统一社会信用代码校验位错误'
    },
    { file: 'bad_indicators.xlsx', sheet: '缺列', row: 1, column: '统计月份', cell: '', value: '', kind: 'missing_mandatory', message: '缺少“统计月份”列' }
  ],
  warnings: [{ file: 'bad_indicators.xlsx', sheet: '说明', row: 0, column: '', cell: '', value: '', kind: 'sheet_skipped', message: '已跳过该工作表' }],
  created: [],
  file: 'bad_indicators.xlsx',
  sha256: 'aeb6',
  applied: false,
  already_imported: false,
  import_id: null,
  report_id: '20261124-095735_aeb64e7eadb7_bad_indicators.xlsx',
  summary: { rows: 0, inserted: 0, replaced: 0, unchanged: 0 }
};

describe('imports', () => {
  it('lets admin and analyst import, nobody else', () => {
    expect(['admin', 'analyst', 'chain_chief', 'liaison', 'viewer', '', null].map(canImport)).toEqual([true, true, false, false, false, false, false]);
  });

  it('labels every documented issue kind in both languages and passes unknown ones through', () => {
    const kinds = [
      'bad_uscc_checksum', 'bad_uscc', 'duplicate_firm_month', 'duplicate_firm', 'negative_value', 'non_numeric',
      'month_out_of_range', 'missing_mandatory', 'cumulative_mismatch', 'invalid_industry_code', 'invalid_region',
      'invalid_date', 'invalid_period', 'out_of_scope', 'unreadable_file', 'unit_jump', 'region_mapped', 'town_created',
      'unit_assumed', 'period_assumed', 'sheet_skipped', 'total_row_skipped', 'already_imported'
    ];
    for (const kind of kinds) {
      expect(issueKindLabel(kind, tZh, teZh), kind).not.toBe(kind);
      expect(issueKindLabel(kind, tEn, teEn), kind).not.toBe(kind);
    }
    expect(issueKindLabel('bad_uscc_checksum', tZh, teZh)).toBe('信用代码校验位错误');
    expect(issueKindLabel('bad_uscc_checksum', tEn, teEn)).toBe('Credit code check digit wrong');
    expect(issueKindLabel('brand_new_kind', tZh, teZh)).toBe('brand_new_kind');
    expect(kindLabel('indicators', tZh, teZh)).toBe('规上企业月报');
    expect(kindLabel('enterprises', tEn, teEn)).toBe('Firm directory');
  });

  it('says what happened: applied, refused, or already imported', () => {
    expect(resultBanner(refused, tZh)).toEqual({ type: 'error', title: '已拒绝，未写入任何数据（2 个错误）' });
    expect(resultBanner({ ...refused, errors: [], applied: true, import_id: 7 }, tZh)).toEqual({ type: 'success', title: '已导入 #7' });
    expect(resultBanner({ ...refused, errors: [], already_imported: true, import_id: 1 }, tZh)).toEqual({
      type: 'info',
      title: '文件已导入过（导入 #1），未作任何更改'
    });
    expect(resultBanner({ ...refused, errors: [], applied: true, import_id: 7 }, tEn).title).toBe('Imported as #7');
  });

  it('lists errors then warnings on their cells, with — where a place is missing', () => {
    const rows = issueRows(refused, tZh, teZh);
    expect(rows.map((r) => [r.severity, r.sheet, r.cell, r.row, r.column, r.value, r.kind, r.kindLabel])).toEqual([
      ['error', '月报', 'A4', '4', '统一社会信用代码', '91370117MA3C5R2X40', 'bad_uscc_checksum', '信用代码校验位错误'],
      ['error', '缺列', '—', '1', '统计月份', '—', 'missing_mandatory', '缺少必填项'],
      ['warning', '说明', '—', '—', '—', '—', 'sheet_skipped', '已跳过工作表']
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  });

  it('exports the issue table and the recent imports', () => {
    const req = issuesExport(refused, tZh, teZh);
    expect(req.file_name).toBe('bad_indicators.xlsx_错误与警告.xlsx');
    expect(req.sheets[0]!.columns.map((c) => c.header)).toEqual(['级别', '工作表', '单元格', '行', '列', '值', '问题类型', '说明']);
    expect(req.sheets[0]!.rows[0]).toEqual(['错误', '月报', 'A4', 4, '统一社会信用代码', '91370117MA3C5R2X40', '信用代码校验位错误', '统一社会信用代码校验位错误']);
    expect(req.sheets[0]!.rows[2]).toEqual(['警告', '说明', null, null, null, null, '已跳过工作表', '已跳过该工作表']);
    const history = historyExport(
      [{ id: 1, kind: 'indicators', file_name: 'good_2024q1.xlsx', sha256: '9e75', bytes: 5860, rows: 9, inserted: 9, replaced: 0, unchanged: 0, created_firms: 3, username: 'admin', channel: 'api', at: 1_795_514_256 }],
      tEn,
      teEn
    );
    expect(history.sheets[0]!.rows[0]!.slice(0, 8)).toEqual([1, 'Monthly report of above-scale firms', 'good_2024q1.xlsx', 9, 9, 0, 0, 3]);
  });
});
