// Wire types of GET /api/v1/clusters (the clusters of a region's plans against their targets).
import type { GrowthPercent, Yuan } from './common';
import type { FirmLine } from './monitor';
import type { ClusterRole, ClusterTier } from './plans';

export interface ClusterYear {
  year: number;
  /** 营业收入 of the cluster's 规上 firms in the year, 元. */
  value: Yuan;
  /** Months of the year with data (12 = a full year). */
  months: number;
}

export interface ClusterTarget {
  metric: string;
  /** In `unit`; money targets come in 元. */
  value: number;
  unit: string;
  deadline: number | null;
  comparator: '>=' | '=' | '<=' | (string & {});
  source: string;
}

export interface ClusterReport {
  id: number;
  /** The plan's name. */
  plan: string;
  name: string;
  tier: ClusterTier | (string & {}) | null;
  role: ClusterRole | (string & {}) | null;
  /** Member chains by name. */
  chains: string[];
  industry_codes: string[];
  years: ClusterYear[];
  /** 同比 of the latest year. */
  yoy: GrowthPercent;
  firms: number;
  target: ClusterTarget | null;
  /** Latest full year ÷ target. */
  progress: number | null;
  /** Where a straight line from the plan's start to the target stands in the latest full year, 元. */
  linear_path_value: Yuan | null;
  /** Percent a year needed to reach the target by its deadline. */
  required_growth: GrowthPercent;
  /** The fitted trend's growth, percent a year. */
  trend_growth: GrowthPercent;
  /** The year the trend reaches the target, or null when it never does. */
  trend_year_reached: number | null;
  /** The largest firms by 营业收入 1-N月累计 (`value`) with their 同比 (`growth`). */
  top_firms: FirmLine[];
}

export interface ClusterReportList {
  clusters: ClusterReport[];
}
