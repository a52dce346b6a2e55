// /api/v1/targets.
import { request } from '../request';
import type { TargetList } from '@/typings/api/targets';

/** GET /targets of a region. */
export function fetchTargets(region?: string): Promise<TargetList> {
  return request<TargetList>('/targets', { query: { region } });
}
