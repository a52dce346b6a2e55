// Wire types of GET /api/v1/monitor/monthly, /monitor/breakdown and /monitor/watch (运行监测).
import type { GrowthPercent, RegionRef, YearMonth } from './common';

/** The indicator labels the monitoring answers use as keys, in the server's order. */
export type IndicatorLabel =
  | '工业总产值'
  | '营业收入'
  | '主营业务收入'
  | '利润总额'
  | '税收'
  | '研发费用'
  | '从业人员'
  | '综合能源消费量';

/** The `indicator` query values of /monitor/breakdown. */
export type IndicatorCode = 'output' | 'revenue' | 'main_revenue' | 'profit' | 'tax' | 'rnd' | 'employees' | 'energy';

/** The unit of each indicator's values: "元", "人" or "千克标准煤". */
export type IndicatorUnits = Record<IndicatorLabel, string>;

/** `scope` of the monitoring queries: every firm, or the 规上 firms of each year. */
export type MonitorScope = 'all' | '规上';

/** One indicator of one month; values are integers in the indicator's unit, rates in percent. */
export interface MonthlyCell {
  当月: number | null;
  累计: number | null;
  同比: GrowthPercent;
  累计同比: GrowthPercent;
  环比: GrowthPercent;
  两年平均增长: GrowthPercent;
}

export type MonthlyRow = { month: YearMonth; /** "1-2月" on a combined January–February row. */ combined?: string } & {
  [K in IndicatorLabel]: MonthlyCell;
};

export interface MonthlyQuery {
  region?: string;
  scope?: MonitorScope;
  combine_jan_feb?: boolean;
}

export interface MonthlyAnswer {
  region: RegionRef;
  scope: MonitorScope | (string & {});
  units: IndicatorUnits;
  months: MonthlyRow[];
}

export type BreakdownBy = 'cluster' | 'chain' | 'link' | 'division' | 'town';

export interface BreakdownGroup {
  /** cluster or chain name, link id, 2-digit division code, town code; "" for the total. */
  key: string;
  name: string;
  firms: number;
  当月: number | null;
  累计: number | null;
  同比: GrowthPercent;
  累计同比: GrowthPercent;
  /** Percent of the total's 累计. */
  占比: number | null;
  /** Percentage points of the total's 累计同比. */
  拉动: number | null;
}

export interface BreakdownQuery {
  region?: string;
  by: BreakdownBy;
  indicator?: IndicatorCode;
  month?: YearMonth;
  scope?: MonitorScope;
}

export interface BreakdownAnswer {
  region: RegionRef;
  month: YearMonth;
  /** The indicator's label, e.g. "工业总产值". */
  indicator: IndicatorLabel | (string & {});
  unit: string;
  by: BreakdownBy | (string & {});
  scope: MonitorScope | (string & {});
  total: BreakdownGroup;
  groups: BreakdownGroup[];
}

/** A firm on a watch list (or a cluster's top firm). */
export interface FirmLine {
  uscc: string;
  name: string;
  /** "3120 炼钢". */
  industry: string;
  /** The town's name, or "". */
  town: string;
  value: number;
  reference: number;
  growth: GrowthPercent;
  note: string;
}

export type WatchListKey =
  | 'candidates'
  | 'crossings'
  | 'entered'
  | 'left'
  | 'movers_up'
  | 'movers_down'
  | 'missing'
  | 'anomalies';

export interface WatchQuery {
  region?: string;
  month?: YearMonth;
  limit?: number;
}

export type WatchAnswer = { region: RegionRef; month: YearMonth } & { [K in WatchListKey]: FirmLine[] };
