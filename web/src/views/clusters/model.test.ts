import { describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-cn';
import type { Target } from '@/typings/api/targets';
import type { Plan } from '@/typings/api/plans';
import { tEn, tZh } from '@/locales/translator';
import type { ClusterReport } from '@/typings/api/clusters';
import {
  buildClusterCard,
  clusterChartOption,
  clustersExport,
  describeTarget,
  formatTargetValue,
  formatTargetWhen,
  groupByPlan,
  otherTargets,
  targetsExport,
  targetsOfCluster
} from './model';


const t = (key: string) => {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return typeof node === 'string' ? node : key;
};

function target(over: Partial<Target>): Target {
  return {
    id: 1,
    region: { code: '370117', name: '钢城区' },
    subject: { kind: 'cluster', id: 1, name: '精品钢' },
    metric: '营业收入',
    value: 100000000000,
    unit: '元',
    comparator: '>=',
    deadline: 2025,
    per_year: false,
    source: '钢城区“十四五”规划',
    ...over
  };
}

const plans: Plan[] = [
  {
    id: 1,
    region: { code: '370117', name: '钢城区' },
    name: '钢城区工业强区规划',
    framework: '2+4',
    period: { from: 2021, to: 2025 },
    source: '',
    clusters: [{ id: 1, name: '精品钢', tier: '千亿级', role: '主导', chains: [], industry_codes: ['31'] }]
  }
];

describe('cluster targets', () => {
  it('formats money targets in 亿元 and other units as sent', () => {
    expect(formatTargetValue(target({}), 'zh-CN')).toBe('≥ 1,000.00 亿元');
    expect(formatTargetValue(target({}), 'en-US')).toBe('≥ 100.00 bn yuan');
    expect(formatTargetValue(target({ unit: '吨', value: 5000000, comparator: '=' }), 'zh-CN')).toBe('5,000,000 吨');
    expect(formatTargetValue(target({ unit: '%', value: 7.5, comparator: '<=' }), 'zh-CN')).toBe('≤ 7.50 %');
  });

  it('says when a target is due', () => {
    expect(formatTargetWhen(target({}), t)).toBe('2025');
    expect(formatTargetWhen(target({ deadline: null, per_year: true }), t)).toBe('每年');
    expect(formatTargetWhen(target({ deadline: null }), t)).toBe('—');
    expect(describeTarget(target({}), 'zh-CN', t)).toBe('营业收入 ≥ 1,000.00 亿元（2025）');
  });

  it('matches targets to clusters by subject and keeps the rest apart', () => {
    const list = [
      target({ id: 1 }),
      target({ id: 2, subject: { kind: 'region', id: '370117', name: '钢城区' } }),
      target({ id: 3, subject: { kind: 'cluster', id: '1', name: '精品钢' } }),
      target({ id: 4, subject: { kind: 'chain', id: 1, name: '集成电路' } })
    ];
    expect(targetsOfCluster(plans[0]!.clusters[0]!, list).map((x) => x.id)).toEqual([1, 3]);
    expect(otherTargets(plans, list).map((x) => x.id)).toEqual([2, 4]);
  });
});


function report(over: Partial<ClusterReport>): ClusterReport {
  return {
    id: 3,
    plan: '钢城区“2+4”现代产业体系',
    name: '汽车零部件',
    tier: '百亿级',
    role: null,
    chains: ['汽车零部件'],
    industry_codes: [],
    years: [
      { year: 2022, value: 5_240_111_000, months: 12 },
      { year: 2023, value: 5_849_494_000, months: 12 },
      { year: 2024, value: 6_652_299_000, months: 12 }
    ],
    yoy: 13.72,
    firms: 25,
    target: { metric: '营业收入', value: 10_000_000_000, unit: '元', deadline: 2025, comparator: '>=', source: '百亿级产业 (2021 report)' },
    progress: 0.6652,
    linear_path_value: 8_413_370_333,
    required_growth: 50.32,
    trend_growth: 12.67,
    trend_year_reached: 2028,
    top_firms: [
      { uscc: '91370117MA3C5R2X44', name: '济南源光车载电子集团有限公司', industry: '3670 汽车零部件及配件制造', town: '艾山街道', value: 1_701_278_000, reference: 0, growth: 8.14, note: '' }
    ],
    ...over
  };
}

describe('cluster cards', () => {
  it('shows years in 亿元, progress of the latest full year, the linear path, required and trend growth', () => {
    const v = buildClusterCard(report({}), 'zh-CN', tZh);
    expect(v.years.map((y) => [y.year, y.value.text, y.full])).toEqual([
      [2022, '52.40', true],
      [2023, '58.49', true],
      [2024, '66.52', true]
    ]);
    expect(v.latestFullYear).toBe(2024);
    expect(v.tier).toBe('百亿级');
    expect(v.target).toEqual({ text: '≥ 100.00 亿元', metric: '营业收入', deadline: '2025', source: '百亿级产业 (2021 report)' });
    expect(v.progress).toEqual({ text: '66.5%', raw: 0.6652, percent: 66.52, reached: false });
    expect(v.linearPath).toMatchObject({ text: '84.13', raw: 8_413_370_333, ahead: false });
    expect(v.linearPath.percent).toBeCloseTo(84.13, 2);
    expect(v.requiredGrowth).toEqual({ text: '+50.3%', raw: 50.32 });
    expect(v.trendGrowth.text).toBe('+12.7%');
    expect(v.trendYear).toEqual({ text: '按当前趋势预计2028年达到', raw: 2028 });
    expect(buildClusterCard(report({}), 'en-US', tEn).trendYear.text).toBe('at the current trend: 2028');
    expect(v.topFirmsMonths).toBe(12);
    expect(v.topFirms[0]).toMatchObject({ name: '济南源光车载电子集团有限公司', value: { text: '170,127.80' }, growth: { text: '+8.1%' } });
  });

  it('says when the target is reached, never reached by the trend, or has no deadline or no target', () => {
    const reached = buildClusterCard(report({ progress: 1.335, required_growth: -25.09, trend_year_reached: 2024, linear_path_value: 108_666_666_666 }), 'zh-CN', tZh);
    expect([reached.progress.percent, reached.progress.reached, reached.requiredGrowth.text, reached.trendYear.text]).toEqual([100, true, '已达到目标', '已达到目标']);
    const never = buildClusterCard(report({ trend_year_reached: null }), 'zh-CN', tZh);
    expect(never.trendYear).toEqual({ text: '—', raw: null });
    const open = buildClusterCard(
      report({ target: { metric: '营业收入', value: 100_000_000_000, unit: '元', deadline: null, comparator: '>=', source: '' }, required_growth: null, linear_path_value: null }),
      'zh-CN',
      tZh
    );
    expect([open.requiredGrowth.text, open.linearPath.text, open.linearPath.percent, open.target?.deadline, open.target?.source]).toEqual([
      '目标未设期限',
      '—',
      null,
      '—',
      '—'
    ]);
    const none = buildClusterCard(report({ target: null, progress: null, required_growth: null, trend_year_reached: null }), 'zh-CN', tZh);
    expect([none.target, none.progress.text, none.requiredGrowth.text, none.trendYear.text]).toEqual([null, '—', '—', '—']);
  });

  it('measures progress on the latest full year and marks a partial one', () => {
    const v = buildClusterCard(report({ years: [...report({}).years, { year: 2025, value: 1_000_000_000, months: 3 }] }), 'zh-CN', tZh);
    expect(v.latestFullYear).toBe(2024);
    expect(v.years.at(-1)).toMatchObject({ year: 2025, full: false, months: 3 });
    expect(v.topFirmsMonths).toBe(3);
    const option = clusterChartOption(report({}), 'zh-CN', tZh) as { series: { data: { value: number }[]; markLine?: { data: { yAxis: number }[] } }[] };
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([52.4, 58.49, 66.52]);
    expect(option.series[0]!.markLine?.data).toEqual([{ yAxis: 100 }]);
  });

  it('groups clusters under their plans and sets apart the plans of the regions below', () => {
    const city: Plan = { ...plans[0]!, id: 4, region: { code: '370100', name: '济南市' }, name: '济南市集成电路产业链群', clusters: [{ id: 15, name: '集成电路产业链群', tier: null, role: null, chains: [], industry_codes: [] }] };
    const { groups, below } = groupByPlan([city, plans[0]!], [report({ id: 15, plan: '济南市集成电路产业链群', name: '集成电路产业链群' })], '370100');
    expect(groups.map((g) => [g.plan?.id, g.clusters.map((c) => c.id)])).toEqual([[4, [15]]]);
    expect(below.map((p) => p.id)).toEqual([1]);
    const own = groupByPlan(plans, [report({ id: 1 }), report({ id: 99, plan: '别的规划' })], '370117');
    expect(own.groups.map((g) => [g.name, g.clusters.map((c) => c.id)])).toEqual([
      ['钢城区工业强区规划', [1]],
      ['别的规划', [99]]
    ]);
    expect(own.below).toEqual([]);
  });

  it('exports the clusters (one sheet) and their top firms (another), and the targets table', () => {
    const req = clustersExport('钢城区', [report({})], 'zh-CN', tZh);
    expect(req.file_name).toBe('钢城区_产业集群.xlsx');
    expect(req.sheets.map((s) => s.name)).toEqual(['产业集群', '重点企业']);
    const [sheet, firms] = req.sheets;
    const header = sheet!.columns.map((c) => c.header);
    expect(header).toContain('2024年营业收入（亿元）');
    const at = (h: string) => sheet!.rows[0]![header.indexOf(h)];
    expect(sheet!.columns[header.indexOf('2024年营业收入（亿元）')]).toMatchObject({ type: 'money', unit: '亿元' });
    expect([at('2024年营业收入（亿元）'), at('完成进度'), at('达标所需年均增速'), at('趋势达标年份'), at('目标值（亿元）')]).toEqual([
      6_652_299_000,
      66.52,
      50.32,
      2028,
      10_000_000_000
    ]);
    expect(firms!.rows[0]).toEqual(['汽车零部件', '济南源光车载电子集团有限公司', '91370117MA3C5R2X44', '3670 汽车零部件及配件制造', '艾山街道', 1_701_278_000, 8.14]);
    const targets = targetsExport('钢城区', [target({}), target({ id: 2, unit: '吨', value: 13_000_000, comparator: '<=', metric: '钢铁生产能力' })], 'zh-CN', tZh, (x) => x.subject.kind);
    expect(targets.sheets[0]!.rows).toEqual([
      ['cluster', '精品钢', '营业收入', '≥', 100_000_000_000, null, null, '2025', '钢城区“十四五”规划'],
      ['cluster', '精品钢', '钢铁生产能力', '≤', null, 13_000_000, '吨', '2025', '钢城区“十四五”规划']
    ]);
  });
});
