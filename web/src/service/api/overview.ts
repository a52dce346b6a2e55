// /api/v1/overview: the 总览 of a region.
import { request } from '../request';
import type { Overview } from '@/typings/api/overview';

/** GET /overview?region=. */
export function fetchOverview(region?: string): Promise<Overview> {
  return request<Overview>('/overview', { query: { region } });
}
