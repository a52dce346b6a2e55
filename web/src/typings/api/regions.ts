// Wire types of GET /api/v1/regions and /api/v1/industries.

export type RegionLevel = 'province' | 'city' | 'county' | 'town';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel | (string & {});
  parent: string | null;
}

export interface RegionQuery {
  level?: RegionLevel;
  parent?: string;
  q?: string;
}

export interface RegionList {
  regions: Region[];
}

export interface Industry {
  code: string;
  name: string;
  level: number;
  parent: string | null;
}

export interface IndustryList {
  industries: Industry[];
}
