// /api/v1/chains: chain templates.
import { request } from '../request';
import type { ChainDetail, ChainList } from '@/typings/api/chains';

/** GET /chains. */
export function fetchChains(): Promise<ChainList> {
  return request<ChainList>('/chains');
}

/** GET /chains/{id}: the chain with its links. Throws ApiError `not_found`. */
export function fetchChain(id: number): Promise<ChainDetail> {
  return request<ChainDetail>(`/chains/${encodeURIComponent(String(id))}`);
}
