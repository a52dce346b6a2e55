// /api/v1/regions and /api/v1/industries: reference data.
import { request } from '../request';
import type { IndustryList, RegionList, RegionQuery } from '@/typings/api/regions';

/** GET /regions: every region the caller may see, filtered by level, parent and name. */
export function fetchRegions(query: RegionQuery = {}): Promise<RegionList> {
  return request<RegionList>('/regions', { query: { ...query } });
}

/** GET /industries. */
export function fetchIndustries(query: { q?: string; level?: number } = {}): Promise<IndustryList> {
  return request<IndustryList>('/industries', { query: { ...query } });
}
