// Wire types of GET /api/v1/overview (the 总览 of a region).
import type { GrowthPercent, RegionRef, YearMonth, Yuan } from './common';

export interface OverviewKpis {
  above_scale_firms: number;
  output_ytd: Yuan;
  output_ytd_yoy: GrowthPercent;
  revenue_ytd: Yuan;
  revenue_ytd_yoy: GrowthPercent;
  projects: number;
  projects_total_investment: Yuan;
}

export interface OverviewClusterTarget {
  /** In 元 (money metrics). */
  value: number;
  deadline: number | null;
  metric: string;
}

export interface OverviewCluster {
  id: number;
  name: string;
  tier: string | null;
  metric: string;
  year: number;
  value: Yuan;
  yoy: GrowthPercent;
  target: OverviewClusterTarget | null;
  /** value / target.value, e.g. 1.4; null without a target. */
  progress: number | null;
}

export interface OverviewMonth {
  month: YearMonth;
  output: Yuan;
  output_cum: Yuan;
  yoy: GrowthPercent;
  yoy_cum: GrowthPercent;
}

export interface OverviewStage {
  stage: string;
  count: number;
  total_investment: Yuan;
}

export interface Overview {
  region: RegionRef;
  /** The latest month with data, or null when the region has none. */
  latest_month: YearMonth | null;
  kpis: OverviewKpis;
  clusters: OverviewCluster[];
  monthly: OverviewMonth[];
  projects_by_stage: OverviewStage[];
}
