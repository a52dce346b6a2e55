// Wire types of GET /api/v1/plans.
import type { RegionRef } from './common';

export type ClusterTier = '千亿级' | '百亿级';
export type ClusterRole = '主导' | '新兴' | '传统';

export interface ChainRef {
  id: number;
  name: string;
}

export interface PlanCluster {
  id: number;
  name: string;
  tier: ClusterTier | (string & {}) | null;
  role: ClusterRole | (string & {}) | null;
  chains: ChainRef[];
  industry_codes: string[];
}

export interface Plan {
  id: number;
  region: RegionRef;
  name: string;
  /** e.g. "2+4". */
  framework: string;
  period: { from: number; to: number };
  source: string;
  clusters: PlanCluster[];
}

export interface PlanList {
  plans: Plan[];
}
