// /api/v1/plans: a region's industrial plans and their clusters.
import { request } from '../request';
import type { PlanList } from '@/typings/api/plans';

/** GET /plans: the plans of `region` and the regions below it (the user's first region if omitted). */
export function fetchPlans(region?: string): Promise<PlanList> {
  return request<PlanList>('/plans', { query: { region } });
}
