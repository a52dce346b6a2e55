// /api/v1/monitor: 运行监测 — monthly figures, breakdowns of a month, watch lists.
import { request } from '../request';
import type {
  BreakdownAnswer,
  BreakdownQuery,
  MonthlyAnswer,
  MonthlyQuery,
  WatchAnswer,
  WatchQuery
} from '@/typings/api/monitor';

/** GET /monitor/monthly: every month of the data (scope `all` unless asked). */
export function fetchMonitorMonthly(query: MonthlyQuery): Promise<MonthlyAnswer> {
  const { combine_jan_feb, ...rest } = query;
  return request<MonthlyAnswer>('/monitor/monthly', { query: { ...rest, combine_jan_feb: combine_jan_feb ? 'true' : undefined } });
}

/** GET /monitor/breakdown: one month by cluster, chain, link, division or town. */
export function fetchMonitorBreakdown(query: BreakdownQuery): Promise<BreakdownAnswer> {
  return request<BreakdownAnswer>('/monitor/breakdown', { query: { ...query } });
}

/** GET /monitor/watch: the watch lists of a month (the latest if omitted). */
export function fetchMonitorWatch(query: WatchQuery): Promise<WatchAnswer> {
  return request<WatchAnswer>('/monitor/watch', { query: { ...query } });
}
