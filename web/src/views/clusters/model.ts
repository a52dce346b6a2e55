// The 产业集群 page's view model: plans with their clusters, each cluster's yearly 营业收入
// against its target (progress, linear path, required and trend growth, top firms), and the
// region's targets, with the exports of both tables. Pure, so it is unit-tested.
import type { Plan, PlanCluster } from '@/typings/api/plans';
import type { Target } from '@/typings/api/targets';
import type { ClusterReport } from '@/typings/api/clusters';
import type { ExportRequest } from '@/typings/api/export';
import type { ChartOption } from '@/plugins/echarts';
import { axisTooltip } from '@/utils/chart';
import { growthFigure, type Figure, type GrowthFigure } from '@/utils/figure';
import {
  EMPTY,
  formatCount,
  formatGrowth,
  formatMoney,
  formatMoneyNumber,
  formatRatio,
  formatScaled,
  formatWan,
  moneyUnit,
  moneyValue,
  type Lang
} from '@/utils/format';
import { enumLabel } from '@/utils/enums';
import { buildExportRequest, buildSheet, col, tableExport, type ExportColumn } from '@/utils/export';

type Translate = (key: string, named?: Record<string, unknown>) => string;

const COMPARATOR: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '', '>': '>', '<': '<' };

/** A target's value with comparator and unit: money in 亿元 / bn yuan, other units as sent. */
export function formatTargetValue(target: Pick<Target, 'comparator' | 'unit' | 'value'>, lang: Lang): string {
  const prefix = COMPARATOR[target.comparator] ?? target.comparator;
  const value =
    target.unit === '元'
      ? formatMoney(target.value, lang)
      : `${formatScaled(target.value, 1, Number.isInteger(target.value) ? 0 : 2)} ${target.unit}`.trim();
  return prefix ? `${prefix} ${value}` : value;
}

/** When the target is due: the deadline year, "每年"/"per year", both, or "—". */
export function formatTargetWhen(target: Target, t: Translate): string {
  const parts: string[] = [];
  if (target.deadline) parts.push(String(target.deadline));
  if (target.per_year) parts.push(t('clusters.perYear'));
  return parts.length ? parts.join(' · ') : EMPTY;
}

/** One line per target: "营业收入 ≥ 1,000.00 亿元（2025）". */
export function describeTarget(target: Target, lang: Lang, t: Translate): string {
  const when = formatTargetWhen(target, t);
  const metric = enumLabel(t, 'metric', target.metric);
  return when === EMPTY ? `${metric} ${formatTargetValue(target, lang)}` : `${metric} ${formatTargetValue(target, lang)}（${when}）`;
}

/** The targets whose subject is this cluster. */
export function targetsOfCluster(cluster: PlanCluster, targets: readonly Target[]): Target[] {
  return targets.filter((x) => x.subject.kind === 'cluster' && String(x.subject.id) === String(cluster.id));
}

/** The targets whose subject is not one of these plans' clusters (region and chain targets). */
export function otherTargets(plans: readonly Plan[], targets: readonly Target[]): Target[] {
  const clusterIds = new Set(plans.flatMap((p) => p.clusters.map((c) => String(c.id))));
  return targets.filter((x) => !(x.subject.kind === 'cluster' && clusterIds.has(String(x.subject.id))));
}

// ---------------------------------------------------------------------------------------------
// Cluster cards (GET /clusters): each cluster's yearly 营业收入 against its target.

export interface ClusterYearView {
  year: number;
  value: Figure;
  months: number;
  /** A year with all 12 months. */
  full: boolean;
}

export interface ClusterCardView {
  id: number;
  name: string;
  plan: string;
  tier: string;
  role: string;
  chains: string[];
  industryCodes: string[];
  firms: Figure;
  years: ClusterYearView[];
  /** The year the progress is measured on (the latest full year), or null. */
  latestFullYear: number | null;
  yoy: GrowthFigure;
  target: { text: string; metric: string; deadline: string; source: string } | null;
  /** Latest full year ÷ target: text, raw ratio, bar width 0–100, reached. */
  progress: Figure & { percent: number; reached: boolean };
  /** Where a straight line from the plan's start to the target stands now (亿元), and its place on the bar. */
  linearPath: Figure & { percent: number | null; ahead: boolean | null };
  /** Growth a year needed to reach the target by its deadline. */
  requiredGrowth: Figure;
  trendGrowth: GrowthFigure;
  /** "按当前趋势预计2027年达到", "已达到目标", or "—" when the trend never gets there. */
  trendYear: Figure;
  /** The month count N of the top firms' 1-N月累计. */
  topFirmsMonths: number;
  topFirms: { uscc: string; name: string; value: Figure; growth: GrowthFigure }[];
}

function clamp(percent: number): number {
  return Math.max(0, Math.min(100, percent));
}

/** One card per cluster, from the /clusters answer. */
export function buildClusterCard(c: ClusterReport, lang: Lang, t: Translate): ClusterCardView {
  const years = [...c.years].sort((a, b) => a.year - b.year);
  const full = years.filter((y) => y.months >= 12);
  const latestFull = full.at(-1) ?? null;
  const target = c.target;
  const progress = target ? (c.progress ?? null) : null;
  const reached = progress !== null && progress >= 1;
  const linear = c.linear_path_value ?? null;
  const linearPercent = target && linear !== null && target.value > 0 ? clamp((linear / target.value) * 100) : null;
  const latestValue = latestFull?.value ?? null;
  let requiredText: string;
  if (!target) requiredText = EMPTY;
  else if (reached) requiredText = t('clusters.reached');
  else if (c.required_growth === null || c.required_growth === undefined) requiredText = target.deadline ? EMPTY : t('clusters.noDeadline');
  else requiredText = formatGrowth(c.required_growth);
  let trendText: string;
  if (!target) trendText = EMPTY;
  else if (reached) trendText = t('clusters.reached');
  else if (c.trend_year_reached) trendText = t('clusters.trendYearText', { year: c.trend_year_reached });
  else trendText = EMPTY;
  const targetMoney = target?.unit === '元';
  const lastYear = years.at(-1);
  return {
    id: c.id,
    name: c.name,
    plan: c.plan,
    tier: enumLabel(t, 'tier', c.tier),
    role: enumLabel(t, 'role', c.role),
    chains: c.chains,
    industryCodes: c.industry_codes,
    firms: { text: formatCount(c.firms), raw: c.firms },
    years: years.map((y) => ({ year: y.year, value: { text: formatMoneyNumber(y.value, lang), raw: y.value }, months: y.months, full: y.months >= 12 })),
    latestFullYear: latestFull?.year ?? null,
    yoy: growthFigure(c.yoy),
    target: target
      ? {
          text: formatTargetValue(target, lang),
          metric: enumLabel(t, 'metric', target.metric),
          deadline: target.deadline ? String(target.deadline) : EMPTY,
          source: target.source || EMPTY
        }
      : null,
    progress: {
      text: formatRatio(progress),
      raw: progress,
      percent: progress === null ? 0 : clamp(progress * 100),
      reached
    },
    linearPath: {
      text: targetMoney && linear !== null ? formatMoneyNumber(linear, lang) : EMPTY,
      raw: linear,
      percent: linearPercent,
      ahead: linear !== null && latestValue !== null ? latestValue >= linear : null
    },
    requiredGrowth: { text: requiredText, raw: c.required_growth ?? null },
    trendGrowth: growthFigure(c.trend_growth),
    trendYear: { text: trendText, raw: c.trend_year_reached ?? null },
    topFirmsMonths: lastYear?.months ?? 12,
    topFirms: c.top_firms.map((f) => ({
      uscc: f.uscc,
      name: f.name,
      value: { text: formatWan(f.value), raw: f.value },
      growth: growthFigure(f.growth)
    }))
  };
}

/** Bars of the yearly 营业收入 (亿元 / bn yuan), a partial year lighter, the target as a dashed line. */
export function clusterChartOption(c: ClusterReport, lang: Lang, t: Translate): ChartOption {
  const years = [...c.years].sort((a, b) => a.year - b.year);
  const unit = moneyUnit(lang);
  const target = c.target && c.target.unit === '元' ? moneyValue(c.target.value, lang) : null;
  return {
    tooltip: {
      trigger: 'axis',
      formatter: axisTooltip(years, (y) => {
        const lines = [String(y.year), `${t('clusters.revenue')}: ${formatMoney(y.value, lang)}`];
        if (y.months < 12) lines.push(t('clusters.partialYear', { n: y.months }));
        return lines;
      })
    },
    grid: { left: 8, right: 12, top: 24, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', name: unit, splitNumber: 3, max: target !== null ? (v: { max: number }) => Math.max(v.max, target) : undefined },
    series: [
      {
        name: t('clusters.revenue'),
        type: 'bar',
        barMaxWidth: 36,
        data: years.map((y) => ({ value: moneyValue(y.value, lang), itemStyle: { color: y.months >= 12 ? '#3b6fd8' : '#9db5ea' } })),
        markLine:
          target !== null
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: '#d9363e' },
                label: { formatter: t('clusters.targetLine'), position: 'insideEndTop' },
                data: [{ yAxis: target }]
              }
            : undefined
      }
    ]
  };
}

/** The export of the cluster cards: one sheet of clusters, one of their top firms. */
export function clustersExport(region: string, clusters: readonly ClusterReport[], lang: Lang, t: Translate): ExportRequest {
  const cards = clusters.map((c) => ({ c, v: buildClusterCard(c, lang, t) }));
  const allYears = [...new Set(clusters.flatMap((c) => c.years.map((y) => y.year)))].sort();
  const big = t('unit.yi');
  type Row = (typeof cards)[number];
  const columns: ExportColumn<Row>[] = [
    col.text(t('clusters.cluster'), (r) => r.c.name, 16),
    col.text(t('clusters.plan'), (r) => r.c.plan, 24),
    col.text(t('clusters.tier'), (r) => (r.v.tier === EMPTY ? null : r.v.tier)),
    col.text(t('clusters.role'), (r) => (r.v.role === EMPTY ? null : r.v.role)),
    col.text(t('clusters.chains'), (r) => r.c.chains.join('、'), 20),
    col.text(t('clusters.industryCodes'), (r) => r.c.industry_codes.join(', ')),
    col.integer(t('clusters.firms'), (r) => r.c.firms),
    ...allYears.map((year) =>
      col.money<Row>(t('clusters.yearRevenue', { year, unit: big }), (r) => r.c.years.find((y) => y.year === year)?.value ?? null, 'region', lang)
    ),
    col.percent(t('clusters.yoy'), (r) => r.c.yoy),
    col.money(t('clusters.targetValue', { unit: big }), (r) => (r.c.target?.unit === '元' ? r.c.target.value : null), 'region', lang),
    col.text(t('clusters.deadline'), (r) => r.c.target?.deadline ?? null),
    col.text(t('clusters.source'), (r) => r.c.target?.source ?? null, 30),
    col.percent(t('clusters.progress'), (r) => (r.c.progress === null ? null : r.c.progress * 100)),
    col.money(t('clusters.linearPath', { unit: big }), (r) => r.c.linear_path_value, 'region', lang),
    col.percent(t('clusters.requiredGrowth'), (r) => r.c.required_growth),
    col.percent(t('clusters.trendGrowth'), (r) => r.c.trend_growth),
    col.integer(t('clusters.trendYear'), (r) => r.c.trend_year_reached)
  ];
  type FirmRow = { cluster: string; months: number; f: ClusterReport['top_firms'][number] };
  const firms: FirmRow[] = cards.flatMap(({ c, v }) => c.top_firms.map((f) => ({ cluster: c.name, months: v.topFirmsMonths, f })));
  const firmColumns: ExportColumn<FirmRow>[] = [
    col.text(t('clusters.cluster'), (r) => r.cluster, 16),
    col.text(t('clusters.firmName'), (r) => r.f.name, 36),
    col.text(t('enterprises.uscc'), (r) => r.f.uscc, 22),
    col.text(t('enterprises.industry'), (r) => r.f.industry, 28),
    col.text(t('enterprises.town'), (r) => r.f.town),
    col.money(t('clusters.firmRevenueAny'), (r) => r.f.value, 'firm', lang),
    col.percent(t('clusters.yoy'), (r) => r.f.growth)
  ];
  return buildExportRequest(`${region}_${t('clusters.title')}`, [
    buildSheet(t('clusters.title'), columns, cards),
    buildSheet(t('clusters.topFirms'), firmColumns, firms)
  ]);
}

/** The export of the targets table as shown. */
export function targetsExport(region: string, targets: readonly Target[], lang: Lang, t: Translate, subjectKind: (x: Target) => string): ExportRequest {
  const columns: ExportColumn<Target>[] = [
    col.text(t('clusters.subjectKindHeader'), (x) => subjectKind(x)),
    col.text(t('clusters.subject'), (x) => x.subject.name, 20),
    col.text(t('clusters.metric'), (x) => enumLabel(t, 'metric', x.metric), 16),
    col.text(t('clusters.comparator'), (x) => COMPARATOR[x.comparator] || '='),
    // Money targets as money in the display unit; other units as numbers with their unit beside.
    col.money(t('clusters.targetValue', { unit: t('unit.yi') }), (x) => (x.unit === '元' ? x.value : null), 'region', lang),
    col.decimal(t('clusters.otherValue'), (x) => (x.unit === '元' ? null : x.value), 2),
    col.text(t('clusters.unit'), (x) => (x.unit === '元' ? null : x.unit)),
    col.text(t('clusters.deadline'), (x) => formatTargetWhen(x, t)),
    col.text(t('clusters.source'), (x) => x.source, 40)
  ];
  return tableExport(`${region}_${t('clusters.allTargets')}`, t('clusters.allTargets'), columns, targets);
}

export interface PlanGroup {
  key: string;
  /** The plan, when GET /plans lists one holding these clusters. */
  plan: Plan | null;
  /** The plan's name as /clusters gives it (for clusters of no listed plan). */
  name: string;
  clusters: ClusterReport[];
}

/**
 * The cluster reports grouped under their plans, in the plans' order: a cluster belongs to
 * the plan listing its id, else to the plan of its `plan` name; the rest form groups of their
 * own. GET /plans also lists the plans of the regions below, which /clusters does not report:
 * those without reports come back apart (`below`), to be opened by switching the region.
 */
export function groupByPlan(
  plans: readonly Plan[],
  clusters: readonly ClusterReport[],
  region: string
): { groups: PlanGroup[]; below: Plan[] } {
  const groups: PlanGroup[] = plans.map((p) => ({ key: `plan-${p.id}`, plan: p, name: p.name, clusters: [] }));
  const extra = new Map<string, PlanGroup>();
  for (const c of clusters) {
    const byId = groups.find((g) => g.plan?.clusters.some((x) => x.id === c.id));
    const byName = byId ?? groups.find((g) => g.plan?.name === c.plan);
    if (byName) {
      byName.clusters.push(c);
      continue;
    }
    let g = extra.get(c.plan);
    if (!g) {
      g = { key: `name-${c.plan}`, plan: null, name: c.plan, clusters: [] };
      extra.set(c.plan, g);
    }
    g.clusters.push(c);
  }
  const shown = groups.filter((g) => g.clusters.length || g.plan?.region.code === region);
  const below = groups.filter((g) => !shown.includes(g)).map((g) => g.plan!);
  return { groups: [...shown, ...extra.values()], below };
}
