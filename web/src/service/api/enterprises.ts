// /api/v1/enterprises: the enterprise registry of a region.
import { request } from '../request';
import type { Enterprise, EnterprisePage, EnterpriseProfile, EnterpriseQuery } from '@/typings/api/enterprises';

/** GET /enterprises: one page (1-based, page_size ≤ 200). */
export function fetchEnterprises(query: EnterpriseQuery): Promise<EnterprisePage> {
  return request<EnterprisePage>('/enterprises', { query: { ...query } });
}

/** GET /enterprises/{uscc}. Throws ApiError `not_found`. */
export function fetchEnterprise(uscc: string): Promise<Enterprise> {
  return request<Enterprise>(`/enterprises/${encodeURIComponent(uscc)}`);
}

/** GET /enterprises/{uscc}/profile: months, rank and 规上 status. Throws ApiError `not_found`. */
export function fetchEnterpriseProfile(uscc: string): Promise<EnterpriseProfile> {
  return request<EnterpriseProfile>(`/enterprises/${encodeURIComponent(uscc)}/profile`);
}
