// Wire types of GET /api/v1/parks: parks (专业园区), their parcels (土地超市) and the region's
// idle-land revitalisation figures.
import type { IsoDate, RegionRef } from './common';

export type ParcelStatus = '闲置' | '可供' | '已供';

export interface Parcel {
  id: number;
  code: string;
  park_id: number | null;
  area_ha: number;
  land_use: string | null;
  /** 元 (the parcel's price as recorded), or null. */
  price: number | null;
  status: ParcelStatus | (string & {});
  enterprise: { uscc: string; name: string } | null;
  project: { id: number; name: string } | null;
  idle_since: IsoDate | string | null;
  revitalized_at: IsoDate | string | null;
  note?: string | null;
}

export interface Park {
  id: number;
  name: string;
  region: RegionRef | string;
  featured_industry: string | null;
  chain: string | null;
  /** 工作专班. */
  task_force: string | null;
  area_ha: number | null;
  parcels: Parcel[];
  idle_ha: number;
  available_ha: number;
  supplied_ha: number;
}

/** 盘活闲置低效用地 in one year, and the sentence a report would print. */
export interface LandFigures {
  year: number | null;
  revitalized_firms: number;
  revitalized_ha: number;
  sentence: string;
}

export interface ParksAnswer {
  parks: Park[];
  land: LandFigures | null;
}
