// Wire types of GET /api/v1/enterprises, /api/v1/enterprises/{uscc} and its /profile.
import type { IsoDate, RegionRef, Yuan } from './common';
import type { IndicatorLabel, IndicatorUnits } from './monitor';

/** A firm's registry facts, as the list and the profile both send them. */
export interface EnterpriseFacts {
  /** 统一社会信用代码, 18 characters. */
  uscc: string;
  name: string;
  region: RegionRef;
  town: RegionRef | null;
  industry: { code: string; name: string } | null;
  founded: IsoDate | null;
  registered_capital: Yuan | null;
  scope: string;
  address: string;
  park: string;
}

export interface Enterprise extends EnterpriseFacts {
  /** 规上 in the latest year with data. */
  above_scale: boolean;
}

export interface EnterpriseQuery {
  region?: string;
  q?: string;
  page?: number;
  page_size?: number;
}

export interface EnterprisePage {
  total: number;
  page: number;
  page_size: number;
  items: Enterprise[];
}

/** A month of a firm's indicators: 当月 and 累计 in the indicator's unit (元, 人, 千克标准煤). */
export type ProfileMonth = { month: string } & {
  [K in IndicatorLabel]: { 当月: number | null; 累计: number | null };
};

/** GET /enterprises/{uscc}/profile. */
export interface EnterpriseProfile extends EnterpriseFacts {
  /** "钢铁 / 钢压延加工". */
  links: string[];
  above_scale: { year: number; above_scale: boolean }[];
  year_revenue: { year: number; revenue: Yuan }[];
  /** Rank by revenue among the firms of its county; null without revenue. */
  rank_in_region: number | null;
  firms_in_region: number;
  units: IndicatorUnits;
  months: ProfileMonth[];
}
