// The 运行监测 page's view model: the monthly table and chart, the breakdown of a month with
// its drill-down, and the watch lists — what each row shows and what its export holds,
// computed from the /monitor answers. Pure, so it is unit-tested.
import type { ChartOption } from '@/plugins/echarts';
import type {
  BreakdownAnswer,
  BreakdownBy,
  BreakdownGroup,
  FirmLine,
  MonthlyAnswer,
  MonthlyCell,
  WatchAnswer,
  WatchListKey
} from '@/typings/api/monitor';
import type { ClusterReport } from '@/typings/api/clusters';
import type { ExportRequest } from '@/typings/api/export';
import { axisTooltip } from '@/utils/chart';
import { growthFigure, type Figure, type GrowthFigure } from '@/utils/figure';
import { EMPTY, formatCount, formatPoints, formatShare, formatWan, growthTrend, type Lang } from '@/utils/format';
import {
  formatIndicatorValue,
  indicatorChartValue,
  indicatorOfNote,
  unitKey,
  type IndicatorInfo,
  type IndicatorKind
} from '@/utils/indicators';
import { col, tableExport, type ExportColumn } from '@/utils/export';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The display unit of an indicator at region scale ("亿元", "bn yuan", "人", "吨标准煤"). */
export function regionUnit(indicator: IndicatorInfo, t: Translate): string {
  return t(unitKey(indicator.kind, 'region'));
}

// ---------------------------------------------------------------------------------------------
// Monthly table

export interface MonthlyRowView {
  month: string;
  year: string;
  /** "1-2月" / "Jan–Feb" on a combined row, else null. */
  combined: string | null;
  current: Figure;
  cumulative: Figure;
  yoy: GrowthFigure;
  yoyCum: GrowthFigure;
  mom: GrowthFigure;
  twoYear: GrowthFigure;
}

const EMPTY_CELL: MonthlyCell = { 当月: null, 累计: null, 同比: null, 累计同比: null, 环比: null, 两年平均增长: null };

/** The months of one indicator, newest first; `year` keeps one year ("" = all). */
export function buildMonthlyRows(answer: MonthlyAnswer, indicator: IndicatorInfo, lang: Lang, t: Translate, year = ''): MonthlyRowView[] {
  return [...answer.months]
    .filter((m) => !year || m.month.startsWith(`${year}-`))
    .sort((a, b) => b.month.localeCompare(a.month))
    .map((m) => {
      const c = m[indicator.label] ?? EMPTY_CELL;
      return {
        month: m.month,
        year: m.month.slice(0, 4),
        combined: m.combined ? t('monitor.combinedTag') : null,
        current: { text: formatIndicatorValue(indicator.kind, c.当月, lang, 'region'), raw: c.当月 },
        cumulative: { text: formatIndicatorValue(indicator.kind, c.累计, lang, 'region'), raw: c.累计 },
        yoy: growthFigure(c.同比),
        yoyCum: growthFigure(c.累计同比),
        mom: growthFigure(c.环比),
        twoYear: growthFigure(c.两年平均增长)
      };
    });
}

/** The years of the answer, newest first. */
export function monthlyYears(answer: MonthlyAnswer | null): string[] {
  if (!answer) return [];
  return [...new Set(answer.months.map((m) => m.month.slice(0, 4)))].sort().reverse();
}

/** Headers of an indicator's 当月, 累计 (with the unit), 同比 and 累计同比 columns, as every table names them. */
function valueHeaders(indicator: IndicatorInfo, t: Translate) {
  const unit = regionUnit(indicator, t);
  return {
    current: t('monitor.withUnit', { label: t('monitor.colCurrent'), unit }),
    cumulative: t('monitor.withUnit', { label: t('monitor.colCumulative'), unit }),
    yoy: t('monitor.colYoy'),
    yoyCum: t('monitor.colYoyCum')
  };
}

/** Headers of the monthly table (the export uses the same). */
export function monthlyHeaders(indicator: IndicatorInfo, t: Translate) {
  return { month: t('monitor.colMonth'), ...valueHeaders(indicator, t), mom: t('monitor.colMom'), twoYear: t('monitor.colTwoYear') };
}

/** Bars: 当月 in the display unit; line: 当月同比 % on the right axis; oldest month first. */
export function monthlyChartOption(answer: MonthlyAnswer, indicator: IndicatorInfo, lang: Lang, t: Translate, year = ''): ChartOption {
  const rows = buildMonthlyRows(answer, indicator, lang, t, year).reverse();
  const unit = regionUnit(indicator, t);
  const currentName = t('monitor.chartCurrent', { unit });
  const yoyName = t('monitor.chartYoy');
  const label = (r: MonthlyRowView) => (r.combined ? `${r.month} (${r.combined})` : r.month);
  return {
    tooltip: {
      trigger: 'axis',
      formatter: axisTooltip(rows, (row) => [label(row), `${currentName}: ${row.current.text}`, `${yoyName}: ${row.yoy.text}`])
    },
    legend: { data: [currentName, yoyName], top: 0 },
    grid: { left: 64, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: rows.map(label) },
    yAxis: [
      { type: 'value', name: unit },
      { type: 'value', name: '%', splitLine: { show: false } }
    ],
    series: [
      {
        name: currentName,
        type: 'bar',
        data: rows.map((r) => indicatorChartValue(indicator.kind, r.current.raw, lang, 'region')),
        itemStyle: { color: '#3b6fd8' }
      },
      {
        name: yoyName,
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => (r.yoy.raw === null ? null : Math.round(r.yoy.raw * 10) / 10)),
        itemStyle: { color: '#d9363e' },
        connectNulls: false
      }
    ]
  };
}

/** The export of the monthly table as shown (same rows, same headers, the region's name in the file name). */
export function monthlyExport(
  answer: MonthlyAnswer,
  indicator: IndicatorInfo,
  lang: Lang,
  t: Translate,
  year = ''
): ExportRequest {
  const h = monthlyHeaders(indicator, t);
  const columns: ExportColumn<MonthlyRowView>[] = [
    col.text(h.month, (r) => (r.combined ? `${r.month} ${r.combined}` : r.month)),
    col.indicator(h.current, indicator.kind, (r) => r.current.raw, 'region', lang),
    col.indicator(h.cumulative, indicator.kind, (r) => r.cumulative.raw, 'region', lang),
    col.percent(h.yoy, (r) => r.yoy.raw),
    col.percent(h.yoyCum, (r) => r.yoyCum.raw),
    col.percent(h.mom, (r) => r.mom.raw),
    col.percent(h.twoYear, (r) => r.twoYear.raw)
  ];
  const name = `${answer.region.name}_${t(indicator.key)}_${t('monitor.monthlyTitle')}`;
  return tableExport(name, t(indicator.key), columns, buildMonthlyRows(answer, indicator, lang, t, year));
}

// ---------------------------------------------------------------------------------------------
// Breakdown

export const BREAKDOWN_DIMENSIONS: readonly BreakdownBy[] = ['cluster', 'chain', 'link', 'division', 'town'];

export interface BreakdownRowView {
  key: string;
  name: string;
  firms: Figure;
  current: Figure;
  cumulative: Figure;
  yoy: GrowthFigure;
  yoyCum: GrowthFigure;
  share: Figure;
  contribution: Figure & { trend: 'up' | 'down' | 'flat' | 'none' };
}

function groupRow(g: BreakdownGroup, kind: IndicatorKind, lang: Lang): BreakdownRowView {
  return {
    key: g.key,
    name: g.name,
    firms: { text: formatCount(g.firms), raw: g.firms },
    current: { text: formatIndicatorValue(kind, g.当月, lang, 'region'), raw: g.当月 },
    cumulative: { text: formatIndicatorValue(kind, g.累计, lang, 'region'), raw: g.累计 },
    yoy: growthFigure(g.同比),
    yoyCum: growthFigure(g.累计同比),
    share: { text: formatShare(g.占比), raw: g.占比 },
    contribution: { text: formatPoints(g.拉动), raw: g.拉动, trend: growthTrend(g.拉动) }
  };
}

/** The groups (largest 累计 first, as sent) and the total row. */
export function buildBreakdown(answer: BreakdownAnswer, indicator: IndicatorInfo, lang: Lang, t: Translate) {
  const total = groupRow(answer.total, indicator.kind, lang);
  return {
    rows: answer.groups.map((g) => groupRow(g, indicator.kind, lang)),
    total: { ...total, name: t('monitor.total') }
  };
}

export function breakdownHeaders(by: BreakdownBy, indicator: IndicatorInfo, t: Translate) {
  return {
    name: t(`monitor.byName.${by}`),
    firms: t('monitor.colFirms'),
    ...valueHeaders(indicator, t),
    share: t('monitor.colShare'),
    contribution: t('monitor.colContribution')
  };
}

/** Horizontal bars of 累计 for the largest `limit` groups, largest on top. */
export function breakdownChartOption(answer: BreakdownAnswer, indicator: IndicatorInfo, lang: Lang, t: Translate, limit = 15): ChartOption {
  const rows = buildBreakdown(answer, indicator, lang, t).rows.slice(0, limit).reverse();
  const unit = regionUnit(indicator, t);
  const name = t('monitor.chartCumulative', { unit });
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: axisTooltip(rows, (row) => [
        row.name,
        `${name}: ${row.cumulative.text}`,
        `${t('monitor.colYoyCum')}: ${row.yoyCum.text}`,
        `${t('monitor.colShare')}: ${row.share.text}`
      ])
    },
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: unit },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      {
        name,
        type: 'bar',
        data: rows.map((r) => indicatorChartValue(indicator.kind, r.cumulative.raw, lang, 'region')),
        itemStyle: { color: '#3b6fd8' },
        label: { show: true, position: 'right', formatter: (p: unknown) => rows[(p as { dataIndex: number }).dataIndex]?.share.text ?? '' }
      }
    ]
  };
}

export function breakdownExport(answer: BreakdownAnswer, by: BreakdownBy, indicator: IndicatorInfo, lang: Lang, t: Translate): ExportRequest {
  const h = breakdownHeaders(by, indicator, t);
  const { rows, total } = buildBreakdown(answer, indicator, lang, t);
  const columns: ExportColumn<BreakdownRowView>[] = [
    col.text(h.name, (r) => r.name),
    col.integer(h.firms, (r) => r.firms.raw),
    col.indicator(h.current, indicator.kind, (r) => r.current.raw, 'region', lang),
    col.indicator(h.cumulative, indicator.kind, (r) => r.cumulative.raw, 'region', lang),
    col.percent(h.yoy, (r) => r.yoy.raw),
    col.percent(h.yoyCum, (r) => r.yoyCum.raw),
    col.percent(h.share, (r) => r.share.raw),
    col.decimal(h.contribution, (r) => r.contribution.raw, 2)
  ];
  const name = `${answer.region.name}_${answer.month}_${t(indicator.key)}_${t(`monitor.by.${by}`)}`;
  return tableExport(name, t(`monitor.by.${by}`), columns, [...rows, total]);
}

/**
 * What clicking a breakdown row does: a town row switches the region to the town (towns are
 * regions); a cluster row lists the cluster's top firms (GET /clusters); a division row lists
 * the month's watch-list firms of that 大类 (filtered here: the API has no per-group firm list);
 * chain and link rows have no firm list in the API.
 */
export type DrillAction =
  | { kind: 'region'; code: string; name: string }
  | { kind: 'cluster'; name: string }
  | { kind: 'division'; code: string; name: string }
  | { kind: 'none'; name: string };

export function drillAction(by: BreakdownBy, row: { key: string; name: string }): DrillAction {
  if (by === 'town' && /^\d{9}$/.test(row.key)) return { kind: 'region', code: row.key, name: row.name };
  if (by === 'cluster') return { kind: 'cluster', name: row.key || row.name };
  if (by === 'division' && /^\d{2}$/.test(row.key)) return { kind: 'division', code: row.key, name: row.name };
  return { kind: 'none', name: row.name };
}

/** A firm shown under a drilled-down group. */
export interface DrillFirm {
  uscc: string;
  name: string;
  industry: string;
  town: string;
  /** 营业收入 1-N月累计 of a cluster's top firm (元); null for watch-list firms. */
  value: number | null;
  growth: number | null;
  /** The watch lists the firm is on (their keys), for a division. */
  lists: WatchListKey[];
  note: string;
}

/** The firms of a division on the month's watch lists: each firm once, with every list it is on. */
export function watchFirmsOfDivision(watch: WatchAnswer | null, division: string): DrillFirm[] {
  if (!watch) return [];
  const byUscc = new Map<string, DrillFirm>();
  for (const key of WATCH_LISTS) {
    for (const line of watch[key] ?? []) {
      if (!line.industry.startsWith(division)) continue;
      const found = byUscc.get(line.uscc);
      if (found) {
        if (!found.lists.includes(key)) found.lists.push(key);
        if (line.note && !found.note.includes(line.note)) found.note = found.note ? `${found.note}；${line.note}` : line.note;
        continue;
      }
      byUscc.set(line.uscc, {
        uscc: line.uscc,
        name: line.name,
        industry: line.industry,
        town: line.town,
        value: null,
        growth: null,
        lists: [key],
        note: line.note
      });
    }
  }
  return [...byUscc.values()];
}

/** The top firms of the cluster with this name (the breakdown's key is the cluster's name). */
export function topFirmsOfCluster(clusters: readonly ClusterReport[] | null, name: string): DrillFirm[] {
  const lines = clusters?.find((c) => c.name === name)?.top_firms ?? [];
  return lines.map((l) => ({
    uscc: l.uscc,
    name: l.name,
    industry: l.industry,
    town: l.town,
    value: l.value,
    growth: l.growth,
    lists: [],
    note: l.note
  }));
}

/** The drill-down's table as an export: the cluster's revenue and 同比, or a division's lists. */
export function drillExport(region: string, action: DrillAction, firms: readonly DrillFirm[], valueHeader: string, lang: Lang, t: Translate): ExportRequest {
  const columns: ExportColumn<DrillFirm>[] = [
    col.text(t('monitor.watchCol.name'), (r) => r.name, 36),
    col.text(t('monitor.watchCol.uscc'), (r) => r.uscc, 22),
    col.text(t('monitor.watchCol.industry'), (r) => r.industry, 28),
    col.text(t('monitor.watchCol.town'), (r) => r.town)
  ];
  if (action.kind === 'cluster') {
    columns.push(col.money(valueHeader, (r) => r.value, 'firm', lang), col.percent(t('monitor.watchCol.growth'), (r) => r.growth));
  } else {
    columns.push(col.text(t('monitor.drillLists'), (r) => r.lists.map((k) => t(`monitor.watch.${k}`)).join('、')));
  }
  columns.push(col.text(t('monitor.watchCol.note'), (r) => r.note, 30));
  return tableExport(`${region}_${action.name}`, action.name, columns, firms);
}

// ---------------------------------------------------------------------------------------------
// Watch lists

export const WATCH_LISTS: readonly WatchListKey[] = [
  'candidates',
  'crossings',
  'entered',
  'left',
  'movers_up',
  'movers_down',
  'missing',
  'anomalies'
];

export interface WatchRowView {
  /** Unique within the list (a firm can appear twice among the anomalies). */
  id: string;
  uscc: string;
  name: string;
  industry: string;
  town: string;
  value: Figure;
  reference: Figure;
  /** The unit of value and reference: 万元 unless an anomaly names 从业人员 or energy. */
  unit: string;
  kind: IndicatorKind;
  growth: GrowthFigure;
  note: string;
}

/** Whether a list's value and reference mean anything (missing reports carry 0). */
export function watchHasValues(list: WatchListKey): boolean {
  return list !== 'missing';
}

export function buildWatchRows(list: WatchListKey, lines: readonly FirmLine[], t: Translate): WatchRowView[] {
  return lines.map((l, i) => {
    const kind: IndicatorKind = list === 'anomalies' ? (indicatorOfNote(l.note)?.kind ?? 'money') : 'money';
    const show = (v: number) => (kind === 'money' ? formatWan(v) : formatIndicatorValue(kind, v, 'zh-CN', 'firm'));
    const has = watchHasValues(list);
    return {
      id: `${l.uscc}-${i}`,
      uscc: l.uscc,
      name: l.name,
      industry: l.industry || EMPTY,
      town: l.town || EMPTY,
      value: has ? { text: show(l.value), raw: l.value } : { text: EMPTY, raw: null },
      reference: has && l.reference ? { text: show(l.reference), raw: l.reference } : { text: EMPTY, raw: null },
      unit: t(unitKey(kind, 'firm')),
      kind,
      growth: growthFigure(l.growth),
      note: l.note || EMPTY
    };
  });
}

export function watchHeaders(list: WatchListKey, t: Translate) {
  const wan = t('unit.wan');
  const unitless = list === 'anomalies';
  const withUnit = (label: string) => (unitless ? label : t('monitor.withUnit', { label, unit: wan }));
  return {
    name: t('monitor.watchCol.name'),
    uscc: t('monitor.watchCol.uscc'),
    industry: t('monitor.watchCol.industry'),
    town: t('monitor.watchCol.town'),
    value: withUnit(t(`monitor.watchValue.${list}`)),
    reference: withUnit(t(`monitor.watchReference.${list}`)),
    unit: t('monitor.watchCol.unit'),
    growth: t('monitor.watchCol.growth'),
    note: t('monitor.watchCol.note')
  };
}

export function watchExport(answer: WatchAnswer, list: WatchListKey, lang: Lang, t: Translate): ExportRequest {
  const h = watchHeaders(list, t);
  const rows = buildWatchRows(list, answer[list] ?? [], t);
  const columns: ExportColumn<WatchRowView>[] = [
    col.text(h.name, (r) => r.name, 36),
    col.text(h.uscc, (r) => r.uscc, 22),
    col.text(h.industry, (r) => (r.industry === EMPTY ? null : r.industry), 28),
    col.text(h.town, (r) => (r.town === EMPTY ? null : r.town))
  ];
  if (watchHasValues(list)) {
    if (list === 'anomalies') {
      // Units differ by row: values as numbers in the row's display unit, with the unit beside.
      const shown = (r: WatchRowView, v: number | null) =>
        v === null ? null : r.kind === 'money' ? v / 10_000 : r.kind === 'energy' ? v / 1000 : v;
      columns.push(col.decimal(h.value, (r) => shown(r, r.value.raw)), col.decimal(h.reference, (r) => shown(r, r.reference.raw)));
      columns.push(col.text(h.unit, (r) => r.unit));
    } else {
      columns.push(col.money(h.value, (r) => r.value.raw, 'firm', lang), col.money(h.reference, (r) => r.reference.raw, 'firm', lang));
    }
    columns.push(col.percent(h.growth, (r) => r.growth.raw));
  }
  columns.push(col.text(h.note, (r) => (r.note === EMPTY ? null : r.note), 30));
  const name = `${answer.region.name}_${answer.month}_${t(`monitor.watch.${list}`)}`;
  return tableExport(name, t(`monitor.watch.${list}`), columns, rows);
}
