// The monthly indicators of 运行监测 and the firm profile: their labels (the keys of the API's
// answers), their /monitor/breakdown codes, what kind of unit they carry, and how a value is
// shown. Money is shown in 亿元 (bn yuan in English) for a region and in 万元 for a firm;
// 从业人员 in 人; 综合能源消费量 arrives in 千克标准煤 and is shown in 吨标准煤.
import type { IndicatorCode, IndicatorLabel } from '@/typings/api/monitor';
import { formatCount, formatMoneyNumber, formatTce, formatWan, moneyValue, wanValue, type Lang } from './format';

export type IndicatorKind = 'money' | 'people' | 'energy';

export interface IndicatorInfo {
  code: IndicatorCode;
  label: IndicatorLabel;
  kind: IndicatorKind;
  /** Locale key of its name. */
  key: string;
}

export const INDICATORS: readonly IndicatorInfo[] = [
  { code: 'output', label: '工业总产值', kind: 'money', key: 'indicator.output' },
  { code: 'revenue', label: '营业收入', kind: 'money', key: 'indicator.revenue' },
  { code: 'main_revenue', label: '主营业务收入', kind: 'money', key: 'indicator.main_revenue' },
  { code: 'profit', label: '利润总额', kind: 'money', key: 'indicator.profit' },
  { code: 'tax', label: '税收', kind: 'money', key: 'indicator.tax' },
  { code: 'rnd', label: '研发费用', kind: 'money', key: 'indicator.rnd' },
  { code: 'employees', label: '从业人员', kind: 'people', key: 'indicator.employees' },
  { code: 'energy', label: '综合能源消费量', kind: 'energy', key: 'indicator.energy' }
];

/** The indicator of a breakdown code; 工业总产值 for an unknown code. */
export function indicatorByCode(code: string): IndicatorInfo {
  return INDICATORS.find((i) => i.code === code) ?? INDICATORS[0]!;
}

/** The indicator of an API label, or null. */
export function indicatorByLabel(label: string): IndicatorInfo | null {
  return INDICATORS.find((i) => i.label === label) ?? null;
}

/** The indicator a watch-list note names at its start ("综合能源消费量同比下降超过一半"), or null. */
export function indicatorOfNote(note: string): IndicatorInfo | null {
  return [...INDICATORS].sort((a, b) => b.label.length - a.label.length).find((i) => note.startsWith(i.label)) ?? null;
}

/** Region figures (亿元 / bn yuan) or a firm's (万元). */
export type MoneyScale = 'region' | 'firm';

/** The locale key of the display unit of an indicator kind at a scale. */
export function unitKey(kind: IndicatorKind, scale: MoneyScale): string {
  if (kind === 'people') return 'unit.people';
  if (kind === 'energy') return 'unit.tce';
  return scale === 'region' ? 'unit.yi' : 'unit.wan';
}

/** A value of the indicator kind as shown, without its unit. */
export function formatIndicatorValue(kind: IndicatorKind, value: number | null | undefined, lang: Lang, scale: MoneyScale): string {
  if (kind === 'people') return formatCount(value);
  if (kind === 'energy') return formatTce(value);
  return scale === 'region' ? formatMoneyNumber(value, lang) : formatWan(value);
}

/** A value of the indicator kind as a chart number in its display unit. */
export function indicatorChartValue(kind: IndicatorKind, value: number | null | undefined, lang: Lang, scale: MoneyScale): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (kind === 'people') return value;
  if (kind === 'energy') return Math.round(value / 10) / 100;
  return scale === 'region' ? moneyValue(value, lang) : wanValue(value);
}
