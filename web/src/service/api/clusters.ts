// /api/v1/clusters: the clusters of a region's plans against their targets.
import { request } from '../request';
import type { ClusterReportList } from '@/typings/api/clusters';

/** GET /clusters?region=. */
export function fetchClusterReports(region?: string): Promise<ClusterReportList> {
  return request<ClusterReportList>('/clusters', { query: { region } });
}
