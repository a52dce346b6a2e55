// Wire types of GET /api/v1/enterprises and /api/v1/enterprises/{uscc}.
import type { IsoDate, RegionRef, Yuan } from './common';

export interface Enterprise {
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
