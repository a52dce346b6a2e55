import { describe, expect, it } from 'vitest';
import { tEn, tZh } from '@/locales/translator';
import type { BreakdownAnswer, MonthlyAnswer, MonthlyCell, WatchAnswer } from '@/typings/api/monitor';
import type { ClusterReport } from '@/typings/api/clusters';
import { indicatorByCode } from '@/utils/indicators';
import {
  breakdownChartOption,
  breakdownExport,
  buildBreakdown,
  buildMonthlyRows,
  buildWatchRows,
  drillAction,
  drillExport,
  monthlyChartOption,
  monthlyExport,
  monthlyYears,
  topFirmsOfCluster,
  watchExport,
  watchFirmsOfDivision,
  watchHeaders
} from './model';

function cell(over: Partial<MonthlyCell>): MonthlyCell {
  return { 当月: null, 累计: null, 同比: null, 累计同比: null, 环比: null, 两年平均增长: null, ...over };
}
const empty = cell({});

function month(m: string, output: Partial<MonthlyCell>, extra: Partial<MonthlyAnswer['months'][number]> = {}) {
  return {
    month: m,
    工业总产值: cell(output),
    营业收入: empty,
    主营业务收入: empty,
    利润总额: empty,
    税收: empty,
    研发费用: empty,
    从业人员: cell({ 当月: 51735, 同比: 7.16 }),
    综合能源消费量: cell({ 当月: 223_384_892, 累计: 2_033_165_673 }),
    ...extra
  };
}

// 周村区, 规上, as /monitor/monthly answers (abridged).
const monthly: MonthlyAnswer = {
  region: { code: '370306', name: '周村区' },
  scope: '规上',
  units: { 工业总产值: '元', 营业收入: '元', 主营业务收入: '元', 利润总额: '元', 税收: '元', 研发费用: '元', 从业人员: '人', 综合能源消费量: '千克标准煤' },
  months: [
    month('2023-12', { 当月: 7_273_000_000, 累计: 65_100_000_000, 同比: 4.1, 累计同比: 6.5 }),
    month('2024-02', { 当月: 9_100_000_000, 累计: 9_100_000_000, 同比: 6.8, 累计同比: 6.8 }, { combined: '1-2月' }),
    month('2024-12', { 当月: 7_658_585_000, 累计: 69_816_958_000, 同比: 5.28, 累计同比: 7.22, 环比: 18.1, 两年平均增长: 6.44 })
  ]
};

describe('monitor monthly', () => {
  const output = indicatorByCode('output');

  it('lists one year newest first, money in 亿元, rates signed, the combined row marked', () => {
    expect(monthlyYears(monthly)).toEqual(['2024', '2023']);
    const rows = buildMonthlyRows(monthly, output, 'zh-CN', tZh, '2024');
    expect(rows.map((r) => [r.month, r.combined, r.current.text, r.cumulative.text, r.yoy.text, r.yoyCum.text, r.mom.text, r.twoYear.text])).toEqual([
      ['2024-12', null, '76.59', '698.17', '+5.3%', '+7.2%', '+18.1%', '+6.4%'],
      ['2024-02', '1-2月', '91.00', '91.00', '+6.8%', '+6.8%', '—', '—']
    ]);
    expect(rows[0]!.yoyCum).toEqual({ text: '+7.2%', raw: 7.22, trend: 'up' });
    expect(buildMonthlyRows(monthly, output, 'en-US', tEn, '')[1]!.combined).toBe('Jan–Feb');
    expect(buildMonthlyRows(monthly, output, 'zh-CN', tZh, '')).toHaveLength(3);
  });

  it('shows 从业人员 in 人 and energy in 吨标准煤', () => {
    const [people] = buildMonthlyRows(monthly, indicatorByCode('employees'), 'zh-CN', tZh, '2024');
    expect([people!.current.text, people!.cumulative.text, people!.yoy.text]).toEqual(['51,735', '—', '+7.2%']);
    const [energy] = buildMonthlyRows(monthly, indicatorByCode('energy'), 'zh-CN', tZh, '2024');
    expect([energy!.current.text, energy!.cumulative.text]).toEqual(['223,384.89', '2,033,165.67']);
  });

  it('charts 当月 bars and 同比 oldest first, with the combined month labelled', () => {
    const option = monthlyChartOption(monthly, output, 'zh-CN', tZh, '') as {
      xAxis: { data: string[] };
      series: { data: (number | null)[]; name: string }[];
    };
    expect(option.xAxis.data).toEqual(['2023-12', '2024-02 (1-2月)', '2024-12']);
    expect(option.series[0]!.name).toBe('当月（亿元）');
    expect(option.series[0]!.data).toEqual([72.73, 91, 76.59]);
    expect(option.series[1]!.data).toEqual([4.1, 6.8, 5.3]);
  });

  it('exports the table as shown: 亿元 money in Chinese, bn-yuan numbers in English', () => {
    const zh = monthlyExport(monthly, output, 'zh-CN', tZh, '2024');
    expect(zh.file_name).toBe('周村区_工业总产值_月度运行.xlsx');
    const sheet = zh.sheets[0]!;
    expect(sheet.columns.map((c) => [c.header, c.type, c.unit ?? null])).toEqual([
      ['月份', 'text', null],
      ['当月（亿元）', 'money', '亿元'],
      ['1-N月累计（亿元）', 'money', '亿元'],
      ['同比', 'percent', null],
      ['累计同比', 'percent', null],
      ['环比', 'percent', null],
      ['两年平均增长', 'percent', null]
    ]);
    expect(sheet.rows).toEqual([
      ['2024-12', 7_658_585_000, 69_816_958_000, 5.28, 7.22, 18.1, 6.44],
      ['2024-02 1-2月', 9_100_000_000, 9_100_000_000, 6.8, 6.8, null, null]
    ]);
    const en = monthlyExport(monthly, output, 'en-US', tEn, '2024').sheets[0]!;
    expect(en.columns[1]).toEqual({ header: 'This month (bn yuan)', type: 'decimal', decimals: 2 });
    expect(en.rows[0]![2]).toBeCloseTo(69.816958, 6);
  });
});

const breakdown: BreakdownAnswer = {
  region: { code: '370306', name: '周村区' },
  month: '2024-12',
  indicator: '工业总产值',
  unit: '元',
  by: 'division',
  scope: '规上',
  total: { key: '', name: '合计', firms: 83, 当月: 7_658_585_000, 累计: 69_816_958_000, 同比: 5.28, 累计同比: 7.22, 占比: 100, 拉动: 7.22 },
  groups: [
    { key: '33', name: '33 金属制品业', firms: 31, 当月: 3_048_825_000, 累计: 27_740_260_000, 同比: 3.16, 累计同比: 7.12, 占比: 39.73, 拉动: 2.83 },
    { key: '31', name: '31 黑色金属冶炼和压延加工业', firms: 21, 当月: 2_681_031_000, 累计: 24_059_494_000, 同比: 6.61, 累计同比: -0.5, 占比: 34.46, 拉动: -0.17 }
  ]
};

describe('monitor breakdown', () => {
  const output = indicatorByCode('output');

  it('formats groups and the total: 亿元, shares, percentage points', () => {
    const { rows, total } = buildBreakdown(breakdown, output, 'zh-CN', tZh);
    expect(rows.map((r) => [r.key, r.firms.text, r.cumulative.text, r.yoyCum.text, r.share.text, r.contribution.text, r.contribution.trend])).toEqual([
      ['33', '31', '277.40', '+7.1%', '39.7%', '+2.83', 'up'],
      ['31', '21', '240.59', '-0.5%', '34.5%', '-0.17', 'down']
    ]);
    expect([total.name, total.cumulative.text, total.share.text, total.contribution.text]).toEqual(['合计', '698.17', '100.0%', '+7.22']);
  });

  it('charts 累计 largest on top, and exports groups plus the total', () => {
    const option = breakdownChartOption(breakdown, output, 'zh-CN', tZh) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.yAxis.data).toEqual(['31 黑色金属冶炼和压延加工业', '33 金属制品业']);
    expect(option.series[0]!.data).toEqual([240.59, 277.4]);
    const req = breakdownExport(breakdown, 'division', output, 'zh-CN', tZh);
    expect(req.file_name).toBe('周村区_2024-12_工业总产值_按行业大类.xlsx');
    const sheet = req.sheets[0]!;
    expect(sheet.columns.map((c) => c.header)).toEqual(['行业大类', '企业数', '当月（亿元）', '1-N月累计（亿元）', '同比', '累计同比', '占比', '拉动（百分点）']);
    expect(sheet.columns.map((c) => c.type)).toEqual(['text', 'integer', 'money', 'money', 'percent', 'percent', 'percent', 'decimal']);
    expect(sheet.rows.at(-1)).toEqual(['合计', 83, 7_658_585_000, 69_816_958_000, 5.28, 7.22, 100, 7.22]);
  });

  it('drills a town row into the town, a cluster row into its top firms, a division into the watch lists', () => {
    expect(drillAction('town', { key: '370306100', name: '北郊镇' })).toEqual({ kind: 'region', code: '370306100', name: '北郊镇' });
    expect(drillAction('town', { key: '', name: '（无乡镇）' })).toEqual({ kind: 'none', name: '（无乡镇）' });
    expect(drillAction('cluster', { key: '不锈钢', name: '不锈钢' })).toEqual({ kind: 'cluster', name: '不锈钢' });
    expect(drillAction('division', { key: '33', name: '33 金属制品业' })).toEqual({ kind: 'division', code: '33', name: '33 金属制品业' });
    expect(drillAction('link', { key: '10', name: '不锈钢 / 不锈钢冶炼' })).toEqual({ kind: 'none', name: '不锈钢 / 不锈钢冶炼' });
  });
});

const line = (uscc: string, industry: string, over: Partial<WatchAnswer['candidates'][number]> = {}) => ({
  uscc,
  name: `企业${uscc.slice(-2)}`,
  industry,
  town: '北郊镇',
  value: 18_503_000,
  reference: 20_000_000,
  growth: null,
  note: '',
  ...over
});

const watch: WatchAnswer = {
  region: { code: '370306', name: '周村区' },
  month: '2024-12',
  candidates: [line('91370306MAARFK292L', '3130 钢压延加工', { note: '接近门槛' })],
  crossings: [],
  entered: [],
  left: [],
  movers_up: [line('91370306MA0CR9YX6A', '3120 炼钢', { value: 6_147_983_000, reference: 5_734_060_000, growth: 7.22 })],
  movers_down: [line('91370306MAQB6N0P4G', '2110 木质家具制造', { value: 896_067_000, reference: 949_808_000, growth: -5.66 })],
  missing: [line('91370117MAYL3CLC9N', '3491 工业机器人制造', { value: 0, reference: 0, note: '上月已报，本月未报' })],
  anomalies: [
    line('91370306FEEPWG1T01', '3382 金属制餐具和器皿制造', { value: 407_000, reference: 1_452_000, note: '工业总产值同比下降超过一半' }),
    line('91370306FEEPWG1T01', '3382 金属制餐具和器皿制造', { value: 16_294, reference: 58_130, note: '综合能源消费量同比下降超过一半' }),
    line('91370306MAARFK292L', '3130 钢压延加工', { value: 10, reference: 100, note: '从业人员疑似单位错误' })
  ]
};

describe('watch lists', () => {
  it('shows values in 万元 with the list’s own headers', () => {
    const [c] = buildWatchRows('candidates', watch.candidates, tZh);
    expect([c!.value.text, c!.reference.text, c!.growth.text, c!.note, c!.unit]).toEqual(['1,850.30', '2,000.00', '—', '接近门槛', '万元']);
    const [m] = buildWatchRows('movers_up', watch.movers_up, tZh);
    expect([m!.value.text, m!.reference.text, m!.growth.text]).toEqual(['614,798.30', '573,406.00', '+7.2%']);
    expect(watchHeaders('movers_up', tZh)).toMatchObject({ value: '营业收入1-N月累计（万元）', reference: '上年同期（万元）' });
    expect(watchHeaders('candidates', tEn)).toMatchObject({ value: 'Trailing 12-month revenue (10k yuan)', reference: 'Threshold (10k yuan)' });
    const [miss] = buildWatchRows('missing', watch.missing, tZh);
    expect([miss!.value.text, miss!.reference.text]).toEqual(['—', '—']);
  });

  it('gives each anomaly the unit of the indicator its note names, and unique row ids', () => {
    const rows = buildWatchRows('anomalies', watch.anomalies, tZh);
    expect(rows.map((r) => [r.value.text, r.reference.text, r.unit])).toEqual([
      ['40.70', '145.20', '万元'],
      ['16.29', '58.13', '吨标准煤'],
      ['10', '100', '人']
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    const sheet = watchExport(watch, 'anomalies', 'zh-CN', tZh).sheets[0]!;
    expect(sheet.columns.map((c) => [c.header, c.type])).toEqual([
      ['企业名称', 'text'],
      ['统一社会信用代码', 'text'],
      ['行业', 'text'],
      ['乡镇（街道）', 'text'],
      ['本期数值', 'decimal'],
      ['上年同期', 'decimal'],
      ['单位', 'text'],
      ['增速', 'percent'],
      ['说明', 'text']
    ]);
    expect(sheet.rows.map((r) => [r[4], r[5], r[6]])).toEqual([
      [40.7, 145.2, '万元'],
      [16.294, 58.13, '吨标准煤'],
      [10, 100, '人']
    ]);
  });

  it('exports a money list as 万元 money and a missing list without values', () => {
    const movers = watchExport(watch, 'movers_up', 'en-US', tEn);
    expect(movers.file_name).toBe('周村区_2024-12_Fastest growth.xlsx');
    expect(movers.sheets[0]!.columns[4]).toEqual({ header: 'Revenue, year to date (10k yuan)', type: 'money', unit: '万元', decimals: 2 });
    expect(movers.sheets[0]!.rows[0]!.slice(4, 7)).toEqual([6_147_983_000, 5_734_060_000, 7.22]);
    expect(watchExport(watch, 'missing', 'zh-CN', tZh).sheets[0]!.columns.map((c) => c.header)).toEqual([
      '企业名称',
      '统一社会信用代码',
      '行业',
      '乡镇（街道）',
      '说明'
    ]);
  });

  it('finds a division’s firms on the lists, each once with every list it is on', () => {
    const firms = watchFirmsOfDivision(watch, '31');
    expect(firms.map((f) => [f.uscc, f.lists, f.note])).toEqual([
      ['91370306MAARFK292L', ['candidates', 'anomalies'], '接近门槛；从业人员疑似单位错误'],
      ['91370306MA0CR9YX6A', ['movers_up'], '']
    ]);
    expect(watchFirmsOfDivision(null, '31')).toEqual([]);
    const req = drillExport('周村区', { kind: 'division', code: '31', name: '31 黑色金属冶炼和压延加工业' }, firms, '', 'zh-CN', tZh);
    expect(req.sheets[0]!.rows[0]).toEqual(['企业2L', '91370306MAARFK292L', '3130 钢压延加工', '北郊镇', '小升规候选、异常数据', '接近门槛；从业人员疑似单位错误']);
  });

  it('takes a cluster’s top firms from /clusters by the breakdown key', () => {
    const clusters = [{ name: '不锈钢', top_firms: watch.movers_up } as unknown as ClusterReport];
    const firms = topFirmsOfCluster(clusters, '不锈钢');
    expect(firms.map((f) => [f.uscc, f.value, f.growth])).toEqual([['91370306MA0CR9YX6A', 6_147_983_000, 7.22]]);
    expect(topFirmsOfCluster(clusters, '钢铁')).toEqual([]);
    const req = drillExport('周村区', { kind: 'cluster', name: '不锈钢' }, firms, '营业收入（1-12月累计，万元）', 'zh-CN', tZh);
    expect(req.sheets[0]!.columns[4]).toEqual({ header: '营业收入（1-12月累计，万元）', type: 'money', unit: '万元', decimals: 2 });
  });
});
