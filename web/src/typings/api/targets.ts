// Wire types of GET /api/v1/targets.
import type { RegionRef } from './common';

export type TargetSubjectKind = 'region' | 'cluster' | 'chain';

export interface Target {
  id: number;
  region: RegionRef;
  subject: { kind: TargetSubjectKind | (string & {}); id: number | string; name: string };
  /** e.g. "规上工业总产值", "营业收入". */
  metric: string;
  /** In `unit`; money targets come in 元. */
  value: number;
  /** e.g. "元", "吨". */
  unit: string;
  comparator: '>=' | '=' | '<=' | (string & {});
  deadline: number | null;
  per_year: boolean;
  source: string;
}

export interface TargetList {
  targets: Target[];
}
