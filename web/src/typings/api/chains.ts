// Wire types of GET /api/v1/chains and /api/v1/chains/{id}.

export type ChainPosition = '上游' | '中游' | '下游';

export interface ChainSummary {
  id: number;
  name: string;
  order: number;
  link_count: number;
}

export interface ChainList {
  chains: ChainSummary[];
}

export interface ChainLink {
  id: number;
  key: string;
  name: string;
  /** The parent link's key, or null for a top-level link. */
  parent: string | null;
  position: ChainPosition | (string & {});
  tagging: boolean;
  industry_codes: string[];
  keywords: string[];
}

export interface ChainDetail {
  id: number;
  name: string;
  order: number;
  description: string;
  links: ChainLink[];
}
