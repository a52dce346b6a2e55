import { describe, expect, it } from 'vitest';
import { tEn, tZh } from '@/locales/translator';
import type { EnterpriseProfile, ProfileMonth } from '@/typings/api/enterprises';
import {
  aboveScaleYears,
  buildMonthRows,
  buildProfileFacts,
  indicatorHeader,
  monthsExport,
  profileChartOption,
  profileColumns,
  rankText,
  yearRevenueRows
} from './model';
import { indicatorByCode } from '@/utils/indicators';

const none = { 当月: null, 累计: null };
function month(m: string, output: number, revenue: number): ProfileMonth {
  return {
    month: m,
    工业总产值: { 当月: output, 累计: output * 12 },
    营业收入: { 当月: revenue, 累计: revenue * 12 },
    主营业务收入: none,
    利润总额: { 当月: 37_252_000, 累计: 369_137_000 },
    税收: none,
    研发费用: { 当月: 12_662_000, 累计: 108_686_000 },
    从业人员: { 当月: 3660, 累计: null },
    综合能源消费量: { 当月: 21_707_625, 累计: 186_333_632 }
  };
}

// 淄博鑫圆不锈钢科技有限公司, as GET /enterprises/{uscc}/profile answers (abridged).
const profile: EnterpriseProfile = {
  uscc: '91370306MA0CR9YX6A',
  name: '淄博鑫圆不锈钢科技有限公司',
  region: { code: '370306', name: '周村区' },
  town: { code: '370306100', name: '北郊镇' },
  industry: { code: '3120', name: '炼钢' },
  founded: '1950-01-12',
  registered_capital: 100_000,
  scope: '生产、销售：不锈钢炼钢',
  address: '',
  park: '',
  links: ['钢铁 / 炼钢', '不锈钢 / 不锈钢冶炼'],
  above_scale: [
    { year: 2024, above_scale: true },
    { year: 2023, above_scale: false }
  ],
  year_revenue: [
    { year: 2024, revenue: 6_147_983_000 },
    { year: 2023, revenue: 5_734_060_000 }
  ],
  rank_in_region: 3,
  firms_in_region: 120,
  units: { 工业总产值: '元', 营业收入: '元', 主营业务收入: '元', 利润总额: '元', 税收: '元', 研发费用: '元', 从业人员: '人', 综合能源消费量: '千克标准煤' },
  months: [month('2024-11', 606_609_000, 606_000_000), month('2024-12', 716_232_000, 716_232_000)]
};

describe('firm profile', () => {
  it('shows the header facts, the rank, 规上 per year and yearly revenue in 万元', () => {
    expect(buildProfileFacts(profile)).toMatchObject({
      region: '周村区 · 北郊镇',
      industry: '3120 炼钢',
      capital: '10.00',
      address: '—',
      park: '—',
      links: ['钢铁 / 炼钢', '不锈钢 / 不锈钢冶炼']
    });
    expect(rankText(profile, tZh)).toBe('第3名 / 共120家');
    expect(rankText(profile, tEn)).toBe('No. 3 of 120');
    expect(rankText({ rank_in_region: null, firms_in_region: 120 }, tZh)).toBe('—');
    expect(aboveScaleYears(profile)).toEqual([
      { year: 2023, above: false },
      { year: 2024, above: true }
    ]);
    expect(yearRevenueRows(profile).map((y) => [y.year, y.revenue.text])).toEqual([
      [2023, '573,406.00'],
      [2024, '614,798.30']
    ]);
  });

  it('lays out every indicator’s 当月 and 累计 (从业人员 当月 only) in 万元, 人 and 吨标准煤', () => {
    const columns = profileColumns();
    expect(columns).toHaveLength(15);
    expect(columns.filter((c) => c.indicator.code === 'employees').map((c) => c.part)).toEqual(['当月']);
    expect(indicatorHeader(indicatorByCode('energy'), tZh)).toBe('综合能源消费量（吨标准煤）');
    expect(indicatorHeader(indicatorByCode('employees'), tZh)).toBe('从业人员（人）');
    expect(indicatorHeader(indicatorByCode('output'), tEn)).toBe('Industrial output (10k yuan)');
    const [dec] = buildMonthRows(profile, 'zh-CN');
    expect(dec!.month).toBe('2024-12');
    const text = (code: string, part: string) => dec!.cells[columns.findIndex((c) => c.indicator.code === code && c.part === part)]!.text;
    expect([text('output', '当月'), text('main_revenue', '当月'), text('employees', '当月'), text('energy', '当月'), text('energy', '累计')]).toEqual([
      '71,623.20',
      '—',
      '3,660',
      '21,707.63',
      '186,333.63'
    ]);
  });

  it('charts monthly output and revenue in 万元, oldest first', () => {
    const option = profileChartOption(profile, tZh) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['2024-11', '2024-12']);
    expect(option.series.map((s) => s.name)).toEqual(['工业总产值当月（万元）', '营业收入当月（万元）']);
    expect(option.series[0]!.data).toEqual([60_660.9, 71_623.2]);
  });

  it('exports the months table with unit headers: money 万元, people integers, energy in tonnes', () => {
    const req = monthsExport(profile, 'zh-CN', tZh);
    expect(req.file_name).toBe('淄博鑫圆不锈钢科技有限公司_月度指标.xlsx');
    const sheet = req.sheets[0]!;
    expect(sheet.columns.slice(0, 3)).toEqual([
      { header: '月份', type: 'text' },
      { header: '工业总产值当月（万元）', type: 'money', unit: '万元', decimals: 2 },
      { header: '工业总产值累计（万元）', type: 'money', unit: '万元', decimals: 2 }
    ]);
    const headers = sheet.columns.map((c) => c.header);
    expect(sheet.columns[headers.indexOf('从业人员当月（人）')]!.type).toBe('integer');
    expect(sheet.rows[0]![headers.indexOf('综合能源消费量累计（吨标准煤）')]).toBeCloseTo(186_333.632, 6);
    expect(sheet.rows[0]![headers.indexOf('工业总产值当月（万元）')]).toBe(716_232_000);
  });
});
