// The 总览 page's view model: what each card, row and chart shows, computed from the
// /overview answer. Pure, so the figures the page shows are unit-tested.
import type { Overview, OverviewCluster, OverviewMonth, OverviewStage } from '@/typings/api/overview';
import type { ChartOption } from '@/plugins/echarts';
import type { ExportRequest } from '@/typings/api/export';
import { axisTooltip } from '@/utils/chart';
import { col, tableExport, type ExportColumn } from '@/utils/export';
import { enumLabel, sortByStage } from '@/utils/enums';
import { growthFigure, type Figure, type GrowthFigure } from '@/utils/figure';
import {
  EMPTY,
  formatCount,
  formatGrowth,
  formatMoney,
  formatMoneyNumber,
  formatRatio,
  moneyUnit,
  moneyValue,
  monthNumber,
  type Lang
} from '@/utils/format';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

export interface KpiView {
  latestMonth: string;
  firms: Figure;
  outputLabel: string;
  outputYtd: Figure;
  outputYtdYoy: GrowthFigure;
  revenueLabel: string;
  revenueYtd: Figure;
  revenueYtdYoy: GrowthFigure;
  projects: Figure;
  projectsInvestment: Figure;
}

/** The KPI cards: counts as plain numbers, money with its unit ("1,800.00 亿元"). */
export function buildKpis(o: Overview, lang: Lang, t: Translate): KpiView {
  const n = monthNumber(o.latest_month);
  const k = o.kpis;
  return {
    latestMonth: o.latest_month ?? EMPTY,
    firms: { text: formatCount(k.above_scale_firms), raw: k.above_scale_firms ?? null },
    outputLabel: n ? t('overview.kpiOutputYtd', { n }) : t('overview.kpiOutputYtdNoMonth'),
    outputYtd: { text: formatMoney(k.output_ytd, lang), raw: k.output_ytd ?? null },
    outputYtdYoy: growthFigure(k.output_ytd_yoy),
    revenueLabel: n ? t('overview.kpiRevenueYtd', { n }) : t('overview.kpiRevenueYtdNoMonth'),
    revenueYtd: { text: formatMoney(k.revenue_ytd, lang), raw: k.revenue_ytd ?? null },
    revenueYtdYoy: growthFigure(k.revenue_ytd_yoy),
    projects: { text: formatCount(k.projects), raw: k.projects ?? null },
    projectsInvestment: {
      text: formatMoney(k.projects_total_investment, lang),
      raw: k.projects_total_investment ?? null
    }
  };
}

export interface ClusterRowView {
  id: number;
  name: string;
  tier: string;
  metric: string;
  year: string;
  /** In the display unit (亿元 / bn yuan) without the unit, which the column header carries. */
  value: Figure;
  yoy: GrowthFigure;
  target: Figure;
  /** The target's metric when it differs from the cluster's, else null. */
  targetMetric: string | null;
  deadline: string;
  progress: Figure & { percent: number; reached: boolean };
}

/** The cluster rows; a cluster without a target shows "—" for target, deadline and progress. */
export function buildClusterRows(clusters: readonly OverviewCluster[], lang: Lang, t: Translate): ClusterRowView[] {
  return clusters.map((c) => {
    const target = c.target ?? null;
    const progress = target ? (c.progress ?? null) : null;
    return {
      id: c.id,
      name: c.name,
      tier: enumLabel(t, 'tier', c.tier),
      metric: enumLabel(t, 'metric', c.metric),
      year: c.year ? String(c.year) : EMPTY,
      value: { text: formatMoneyNumber(c.value, lang), raw: c.value ?? null },
      yoy: growthFigure(c.yoy),
      target: { text: target ? formatMoneyNumber(target.value, lang) : EMPTY, raw: target ? target.value : null },
      targetMetric: target && target.metric && target.metric !== c.metric ? enumLabel(t, 'metric', target.metric) : null,
      deadline: target?.deadline ? String(target.deadline) : EMPTY,
      progress: {
        text: formatRatio(progress),
        raw: progress,
        percent: progress === null ? 0 : Math.max(0, Math.min(100, progress * 100)),
        reached: progress !== null && progress >= 1
      }
    };
  });
}

export interface MonthRowView {
  month: string;
  output: Figure;
  outputCum: Figure;
  yoy: GrowthFigure;
  yoyCum: GrowthFigure;
}

/** The monthly rows in month order, money in the display unit without the unit. */
export function buildMonthRows(monthly: readonly OverviewMonth[], lang: Lang): MonthRowView[] {
  return [...monthly]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => ({
      month: m.month,
      output: { text: formatMoneyNumber(m.output, lang), raw: m.output },
      outputCum: { text: formatMoneyNumber(m.output_cum, lang), raw: m.output_cum },
      yoy: growthFigure(m.yoy),
      yoyCum: growthFigure(m.yoy_cum)
    }));
}

/** Bars: the month's output in 亿元 (bn yuan); line: the month's 同比 % on the right axis. */
export function monthlyChartOption(monthly: readonly OverviewMonth[], lang: Lang, t: Translate): ChartOption {
  const rows = [...monthly].sort((a, b) => a.month.localeCompare(b.month));
  const outputName = t('overview.monthlyOutput');
  const yoyName = t('overview.monthlyYoy');
  return {
    tooltip: {
      trigger: 'axis',
      formatter: axisTooltip(rows, (row) => [row.month, `${outputName}: ${formatMoney(row.output, lang)}`, `${yoyName}: ${formatGrowth(row.yoy)}`])
    },
    legend: { data: [outputName, yoyName], top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: [
      { type: 'value', name: moneyUnit(lang), axisLabel: { formatter: (v: number) => String(v) } },
      { type: 'value', name: '%', splitLine: { show: false } }
    ],
    series: [
      { name: outputName, type: 'bar', data: rows.map((r) => moneyValue(r.output, lang)), itemStyle: { color: '#3b6fd8' } },
      {
        name: yoyName,
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => (r.yoy === null ? null : Math.round(r.yoy * 10) / 10)),
        itemStyle: { color: '#d9363e' },
        connectNulls: false
      }
    ]
  };
}

export interface StageRowView {
  stage: string;
  label: string;
  count: Figure;
  investment: Figure;
}

/** Projects by stage in life-cycle order (谋划 → 达产, then 暂停, 终止). */
export function buildStageRows(stages: readonly OverviewStage[], lang: Lang, t: Translate): StageRowView[] {
  return sortByStage(stages).map((s) => ({
    stage: s.stage,
    label: enumLabel(t, 'stage', s.stage),
    count: { text: formatCount(s.count), raw: s.count },
    investment: { text: formatMoneyNumber(s.total_investment, lang), raw: s.total_investment }
  }));
}

/** Bars: the number of projects per stage; the tooltip adds their total investment. */
export function stageChartOption(stages: readonly OverviewStage[], lang: Lang, t: Translate): ChartOption {
  const rows = sortByStage(stages);
  const countName = t('overview.stageCount');
  return {
    tooltip: {
      trigger: 'axis',
      formatter: axisTooltip(rows, (row) => [
        enumLabel(t, 'stage', row.stage),
        `${countName}: ${formatCount(row.count)}`,
        `${t('overview.kpiProjectsInvestment')}: ${formatMoney(row.total_investment, lang)}`
      ])
    },
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => enumLabel(t, 'stage', r.stage)),
      axisLabel: { interval: 0, width: 72, overflow: 'break' }
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: countName, type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#e08a2b' } }]
  };
}

// ---------------------------------------------------------------------------------------------
// Exports of the three tables, as shown (money in 亿元, bn yuan in English; rates in percent).

export function clusterTableExport(o: Overview, lang: Lang, t: Translate): ExportRequest {
  const rows = buildClusterRows(o.clusters, lang, t);
  const columns: ExportColumn<ClusterRowView>[] = [
    col.text(t('overview.clusterName'), (r) => r.name, 16),
    col.text(t('overview.clusterTier'), (r) => (r.tier === EMPTY ? null : r.tier)),
    col.text(t('overview.clusterMetric'), (r) => r.metric, 16),
    col.text(t('overview.clusterYear'), (r) => (r.year === EMPTY ? null : r.year)),
    col.money(t('overview.clusterValue'), (r) => r.value.raw, 'region', lang),
    col.percent(t('overview.clusterYoy'), (r) => r.yoy.raw),
    col.money(t('overview.clusterTarget'), (r) => r.target.raw, 'region', lang),
    col.text(t('overview.clusterDeadline'), (r) => (r.deadline === EMPTY ? null : r.deadline)),
    col.percent(t('overview.clusterProgress'), (r) => (r.progress.raw === null ? null : r.progress.raw * 100))
  ];
  return tableExport(`${o.region.name}_${t('overview.clustersTitle')}`, t('overview.clustersTitle'), columns, rows);
}

export function monthlyTableExport(o: Overview, lang: Lang, t: Translate): ExportRequest {
  const columns: ExportColumn<MonthRowView>[] = [
    col.text(t('overview.month'), (r) => r.month),
    col.money(t('overview.monthlyOutput'), (r) => r.output.raw, 'region', lang),
    col.percent(t('overview.monthlyYoy'), (r) => r.yoy.raw),
    col.money(t('overview.monthlyOutputCum'), (r) => r.outputCum.raw, 'region', lang),
    col.percent(t('overview.monthlyYoyCum'), (r) => r.yoyCum.raw)
  ];
  return tableExport(`${o.region.name}_${t('overview.monthlyTitle')}`, t('overview.monthlyTitle'), columns, buildMonthRows(o.monthly, lang));
}

export function stageTableExport(o: Overview, lang: Lang, t: Translate): ExportRequest {
  const columns: ExportColumn<StageRowView>[] = [
    col.text(t('overview.stage'), (r) => r.label),
    col.integer(t('overview.stageCount'), (r) => r.count.raw),
    col.money(t('overview.stageInvestment'), (r) => r.investment.raw, 'region', lang)
  ];
  return tableExport(`${o.region.name}_${t('overview.stageTitle')}`, t('overview.stageTitle'), columns, buildStageRows(o.projects_by_stage, lang, t));
}
