// /api/v1/parks: a region's parks with their parcels, and its idle-land revitalisation figures.
import { request } from '../request';
import type { ParksAnswer } from '@/typings/api/parks';

/** GET /parks of a region. */
export function fetchParks(region: string): Promise<ParksAnswer> {
  return request<ParksAnswer>('/parks', { query: { region } });
}
