// The firm profile's view model (GET /enterprises/{uscc}/profile): the header facts, 规上
// status per year, yearly revenue, the county rank, the monthly chart and the months table
// (money in 万元, 从业人员 in 人, energy in 吨标准煤 = 千克标准煤 ÷ 1000), and its export.
import type { ChartOption } from '@/plugins/echarts';
import type { EnterpriseProfile, ProfileMonth } from '@/typings/api/enterprises';
import type { ExportRequest } from '@/typings/api/export';
import { axisTooltip } from '@/utils/chart';
import type { Figure } from '@/utils/figure';
import { EMPTY, formatCount, formatWan, orEmpty, wanValue, type Lang } from '@/utils/format';
import { INDICATORS, formatIndicatorValue, unitKey, type IndicatorInfo } from '@/utils/indicators';
import { col, tableExport, type ExportColumn } from '@/utils/export';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The profile's header facts, as shown. */
export function buildProfileFacts(p: EnterpriseProfile) {
  return {
    uscc: p.uscc,
    name: p.name,
    region: p.town ? `${p.region.name} · ${p.town.name}` : p.region.name,
    industry: p.industry ? `${p.industry.code} ${p.industry.name}` : EMPTY,
    founded: orEmpty(p.founded),
    capital: formatWan(p.registered_capital),
    address: orEmpty(p.address),
    park: orEmpty(p.park),
    scope: orEmpty(p.scope),
    links: p.links
  };
}

/** "第3名 / 共120家" (or "No. 3 of 120"); "—" when the firm has no rank. */
export function rankText(p: Pick<EnterpriseProfile, 'rank_in_region' | 'firms_in_region'>, t: Translate): string {
  if (!p.rank_in_region) return EMPTY;
  return t('profile.rankText', { rank: formatCount(p.rank_in_region), total: formatCount(p.firms_in_region) });
}

/** 规上 status per year, oldest first. */
export function aboveScaleYears(p: EnterpriseProfile): { year: number; above: boolean }[] {
  return [...p.above_scale].sort((a, b) => a.year - b.year).map((x) => ({ year: x.year, above: x.above_scale }));
}

/** Yearly 营业收入 in 万元, oldest first. */
export function yearRevenueRows(p: EnterpriseProfile): { year: number; revenue: Figure }[] {
  return [...p.year_revenue]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({ year: y.year, revenue: { text: formatWan(y.revenue), raw: y.revenue } }));
}

/** The columns of the months table: every indicator's 当月 and 累计 (从业人员: 当月 only). */
export interface ProfileColumn {
  indicator: IndicatorInfo;
  part: '当月' | '累计';
}

export function profileColumns(): ProfileColumn[] {
  return INDICATORS.flatMap((indicator) =>
    indicator.kind === 'people'
      ? [{ indicator, part: '当月' as const }]
      : [
          { indicator, part: '当月' as const },
          { indicator, part: '累计' as const }
        ]
  );
}

/** The header of an indicator group: "工业总产值（万元）". */
export function indicatorHeader(indicator: IndicatorInfo, t: Translate): string {
  return t('profile.withUnit', { label: t(indicator.key), unit: t(unitKey(indicator.kind, 'firm')) });
}

export interface ProfileMonthRow {
  month: string;
  cells: Figure[];
}

/** The months, newest first, one cell per profileColumns() entry. */
export function buildMonthRows(p: EnterpriseProfile, lang: Lang): ProfileMonthRow[] {
  const columns = profileColumns();
  return [...p.months]
    .sort((a, b) => b.month.localeCompare(a.month))
    .map((m) => ({
      month: m.month,
      cells: columns.map(({ indicator, part }) => {
        const raw = m[indicator.label]?.[part] ?? null;
        return { text: formatIndicatorValue(indicator.kind, raw, lang, 'firm'), raw };
      })
    }));
}

/** Bars: 工业总产值 当月; line: 营业收入 当月; both in 万元, oldest month first. */
export function profileChartOption(p: EnterpriseProfile, t: Translate): ChartOption {
  const months = [...p.months].sort((a, b) => a.month.localeCompare(b.month));
  const outputName = t('profile.chartOutput');
  const revenueName = t('profile.chartRevenue');
  const value = (m: ProfileMonth, label: '工业总产值' | '营业收入') => m[label]?.当月 ?? null;
  return {
    tooltip: {
      trigger: 'axis',
      formatter: axisTooltip(months, (m) => [
        m.month,
        `${outputName}: ${formatWan(value(m, '工业总产值'))}`,
        `${revenueName}: ${formatWan(value(m, '营业收入'))}`
      ])
    },
    legend: { data: [outputName, revenueName], top: 0 },
    grid: { left: 72, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', name: t('unit.wan') },
    series: [
      { name: outputName, type: 'bar', data: months.map((m) => wanValue(value(m, '工业总产值'))), itemStyle: { color: '#3b6fd8' } },
      { name: revenueName, type: 'line', data: months.map((m) => wanValue(value(m, '营业收入'))), itemStyle: { color: '#e08a2b' } }
    ]
  };
}

/** The months table as an export: one column per (indicator, 当月/累计), headers with units. */
export function monthsExport(p: EnterpriseProfile, lang: Lang, t: Translate): ExportRequest {
  const rows = buildMonthRows(p, lang);
  const columns: ExportColumn<ProfileMonthRow>[] = [
    col.text(t('profile.month'), (r) => r.month),
    ...profileColumns().map(({ indicator, part }, i) =>
      col.indicator<ProfileMonthRow>(
        t('profile.cellHeader', {
          label: t(indicator.key),
          part: part === '当月' ? t('profile.current') : t('profile.cumulative'),
          unit: t(unitKey(indicator.kind, 'firm'))
        }),
        indicator.kind,
        (r) => r.cells[i]?.raw ?? null,
        'firm',
        lang
      )
    )
  ];
  return tableExport(`${p.name}_${t('profile.monthsTitle')}`, t('profile.monthsTitle'), columns, rows);
}
