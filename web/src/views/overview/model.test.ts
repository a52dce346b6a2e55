import { describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-cn';
import enUS from '@/locales/en-us';
import type { Overview } from '@/typings/api/overview';
import {
  buildClusterRows,
  buildKpis,
  buildMonthRows,
  buildStageRows,
  clusterTableExport,
  monthlyChartOption,
  monthlyTableExport,
  stageChartOption,
  stageTableExport
} from './model';

// A minimal translator over the real messages, enough for the view model.
function translator(messages: unknown) {
  return (key: string, named?: Record<string, unknown>) => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') return key;
    return node.replace(/\{(\w+)\}/g, (_, name: string) => String(named?.[name] ?? ''));
  };
}
const tZh = translator(zhCN);
const tEn = translator(enUS);

// The example from docs/api.md, plus a cluster without a target and a second month.
const overview: Overview = {
  region: { code: '370117', name: '钢城区' },
  latest_month: '2024-12',
  kpis: {
    above_scale_firms: 152,
    output_ytd: 180000000000,
    output_ytd_yoy: 6.2,
    revenue_ytd: 175000000000,
    revenue_ytd_yoy: -5.14,
    projects: 40,
    projects_total_investment: 30000000000
  },
  clusters: [
    {
      id: 1,
      name: '精品钢',
      tier: '千亿级',
      metric: '营业收入',
      year: 2024,
      value: 140000000000,
      yoy: 4.3,
      target: { value: 100000000000, deadline: 2025, metric: '营业收入' },
      progress: 1.4
    },
    { id: 2, name: '新能源', tier: '百亿级', metric: '营业收入', year: 2024, value: 1234567890, yoy: null, target: null, progress: null },
    {
      id: 3,
      name: '不锈钢',
      tier: null,
      metric: '规上工业总产值',
      year: 2024,
      value: 45000000000,
      yoy: -2,
      target: { value: 100000000000, deadline: null, metric: '营业收入' },
      progress: 0.45
    }
  ],
  monthly: [
    { month: '2024-02', output: 14000000000, output_cum: 29000000000, yoy: null, yoy_cum: 5.0 },
    { month: '2024-01', output: 15000000000, output_cum: 15000000000, yoy: 5.2, yoy_cum: 5.2 }
  ],
  projects_by_stage: [
    { stage: '投产', count: 5, total_investment: 2000000000 },
    { stage: '在建', count: 12, total_investment: 9000000000 },
    { stage: '谋划', count: 3, total_investment: 1500000000 }
  ]
};

describe('overview view model', () => {
  it('formats the KPI cards in Chinese', () => {
    const k = buildKpis(overview, 'zh-CN', tZh);
    expect(k.latestMonth).toBe('2024-12');
    expect(k.firms).toEqual({ text: '152', raw: 152 });
    expect(k.outputLabel).toBe('规上工业总产值（1-12月累计）');
    expect(k.outputYtd).toEqual({ text: '1,800.00 亿元', raw: 180000000000 });
    expect(k.outputYtdYoy).toEqual({ text: '+6.2%', raw: 6.2, trend: 'up' });
    expect(k.revenueLabel).toBe('营业收入（1-12月累计）');
    expect(k.revenueYtd.text).toBe('1,750.00 亿元');
    expect(k.revenueYtdYoy).toEqual({ text: '-5.1%', raw: -5.14, trend: 'down' });
    expect(k.projects).toEqual({ text: '40', raw: 40 });
    expect(k.projectsInvestment.text).toBe('300.00 亿元');
  });

  it('formats the KPI cards in English', () => {
    const k = buildKpis(overview, 'en-US', tEn);
    expect(k.outputLabel).toBe('Above-scale industrial output (months 1–12, cumulative)');
    expect(k.outputYtd.text).toBe('180.00 bn yuan');
    expect(k.projectsInvestment.text).toBe('30.00 bn yuan');
  });

  it('copes with a region without monthly data', () => {
    const k = buildKpis({ ...overview, latest_month: null, kpis: { ...overview.kpis, output_ytd_yoy: null } }, 'zh-CN', tZh);
    expect(k.latestMonth).toBe('—');
    expect(k.outputLabel).toBe('规上工业总产值（累计）');
    expect(k.outputYtdYoy.text).toBe('—');
  });

  it('builds cluster rows with progress, and — without a target', () => {
    const [steel, energy, stainless] = buildClusterRows(overview.clusters, 'zh-CN', tZh);
    expect(steel).toMatchObject({
      name: '精品钢',
      tier: '千亿级',
      metric: '营业收入',
      year: '2024',
      value: { text: '1,400.00', raw: 140000000000 },
      yoy: { text: '+4.3%' },
      target: { text: '1,000.00', raw: 100000000000 },
      targetMetric: null,
      deadline: '2025',
      progress: { text: '140.0%', raw: 1.4, percent: 100, reached: true }
    });
    expect(energy).toMatchObject({
      value: { text: '12.35' },
      yoy: { text: '—', trend: 'none' },
      target: { text: '—', raw: null },
      deadline: '—',
      progress: { text: '—', raw: null, percent: 0, reached: false }
    });
    expect(stainless).toMatchObject({ tier: '—', deadline: '—', targetMetric: '营业收入', progress: { text: '45.0%', percent: 45 } });
  });

  it('translates the API enumerations in English', () => {
    const [steel] = buildClusterRows(overview.clusters, 'en-US', tEn);
    expect(steel).toMatchObject({ tier: '100-bn tier', metric: 'Operating revenue', value: { text: '140.00' } });
  });

  it('orders months and stages, and charts them', () => {
    expect(buildMonthRows(overview.monthly, 'zh-CN').map((r) => [r.month, r.output.text, r.yoy.text])).toEqual([
      ['2024-01', '150.00', '+5.2%'],
      ['2024-02', '140.00', '—']
    ]);
    expect(buildStageRows(overview.projects_by_stage, 'zh-CN', tZh).map((r) => [r.label, r.count.text, r.investment.text])).toEqual([
      ['谋划', '3', '15.00'],
      ['在建', '12', '90.00'],
      ['投产', '5', '20.00']
    ]);
    const monthly = monthlyChartOption(overview.monthly, 'zh-CN', tZh) as { series: { type: string; data: unknown[]; yAxisIndex?: number }[] };
    expect(monthly.series[0]).toMatchObject({ type: 'bar', data: [150, 140] });
    expect(monthly.series[1]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [5.2, null] });
    const stages = stageChartOption(overview.projects_by_stage, 'en-US', tEn) as { xAxis: { data: string[] }; series: { data: number[] }[] };
    expect(stages.xAxis.data).toEqual(['Planning', 'Under construction', 'In production']);
    expect(stages.series[0]!.data).toEqual([3, 12, 5]);
  });
});

describe('overview exports', () => {
  it('export the three tables as shown, money in 亿元 (bn yuan in English), rates in percent', () => {
    const clusters = clusterTableExport(overview, 'zh-CN', tZh);
    expect(clusters.file_name).toBe('钢城区_产业集群目标进度.xlsx');
    expect(clusters.sheets[0]!.columns.map((c) => [c.header, c.type, c.unit ?? null])).toEqual([
      ['集群', 'text', null],
      ['层级', 'text', null],
      ['指标', 'text', null],
      ['年度', 'text', null],
      ['实际（亿元）', 'money', '亿元'],
      ['同比', 'percent', null],
      ['目标（亿元）', 'money', '亿元'],
      ['期限', 'text', null],
      ['完成进度', 'percent', null]
    ]);
    expect(clusters.sheets[0]!.rows[0]).toEqual(['精品钢', '千亿级', '营业收入', '2024', 140000000000, 4.3, 100000000000, '2025', 140]);
    expect(clusters.sheets[0]!.rows[1]).toEqual(['新能源', '百亿级', '营业收入', '2024', 1234567890, null, null, null, null]);
    const monthly = monthlyTableExport(overview, 'en-US', tEn).sheets[0]!;
    expect(monthly.columns[1]).toEqual({ header: 'Output of the month (bn yuan)', type: 'decimal', decimals: 2 });
    expect(monthly.rows).toEqual([
      ['2024-01', 15, 5.2, 15, 5.2],
      ['2024-02', 14, null, 29, 5]
    ]);
    const stages = stageTableExport(overview, 'zh-CN', tZh).sheets[0]!;
    expect(stages.rows).toEqual([
      ['谋划', 3, 1500000000],
      ['在建', 12, 9000000000],
      ['投产', 5, 2000000000]
    ]);
  });
});
