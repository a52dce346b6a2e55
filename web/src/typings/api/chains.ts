// Wire types of the chain endpoints (docs/api.md, "Reference data" and "Chains and attraction"):
// templates, a chain's analysis in a region, firms on a link with their evidence, tags and
// decisions, relatedness, attraction candidates and the leads pipeline.
import type { GrowthPercent, RegionRef, YearMonth, Yuan } from './common';

export type ChainPosition = '上游' | '中游' | '下游';

export interface ChainSummary {
  id: number;
  name: string;
  order: number;
  link_count: number;
  /** Links that take firms (the others are drawn for context). */
  tagging_links?: number;
}

export interface ChainList {
  chains: ChainSummary[];
}

/** What names a link and places it in its chain's tree. */
export interface LinkPlace {
  id: number;
  key: string;
  name: string;
  /** The parent link's key, or null for a top-level link. */
  parent: string | null;
  position: ChainPosition | (string & {});
  tagging: boolean;
}

export interface ChainLink extends LinkPlace {
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

/** strong, normal, weak, missing (tagging links) or context (drawn only). */
export type LinkState = 'strong' | 'normal' | 'weak' | 'missing' | 'context';

/** A link of a chain in a region (GET /chains/{id}/analysis, and each attraction link). */
export interface LinkStats extends LinkPlace {
  firms: number;
  above_scale_firms: number;
  /** Local 营业收入 1-N月累计 at the analysis month. */
  revenue: Yuan;
  growth: GrowthPercent;
  /** Firms on the link in the whole registry. */
  national_firms: number;
  /** Location quotient: local share of the chain's firms over the national share; null without firms. */
  strength: number | null;
  /** Percent of the chain's local revenue; null without revenue. */
  revenue_share: number | null;
  state: LinkState | (string & {});
  /** Why the link has its state (Chinese with an English gloss); "" for strong and normal. */
  reason: string;
}

export interface LeaderCandidate {
  uscc: string;
  name: string;
  revenue: Yuan;
  /** Percent of the chain's local revenue. */
  share: number | null;
  /** Local firms on the chain's other links. */
  partners: number;
  /** Names of the chain links the firm is on. */
  links: string[];
}

export interface ChainAnalysis {
  region: RegionRef;
  chain_id: number;
  chain: string;
  month: YearMonth | null;
  firms: number;
  revenue: Yuan;
  /** Percent of tagging links with a local firm. */
  coverage: number | null;
  /** Percent of tagging links with a local 规上 firm. */
  coverage_above_scale: number | null;
  /** 0–100: 40 × coverage + 30 × 规上 coverage + 30 × mean min(1, strength). */
  completeness: number | null;
  /** What link strength compares: 营业收入 shares ("output") or firm counts ("firms"). */
  strength_basis: 'output' | 'firms' | (string & {});
  links: LinkStats[];
  leaders: LeaderCandidate[];
  /** Where firms' links come from: the stored tags, or industry codes while the registry is untagged. */
  links_from: 'tags' | 'industry_codes' | (string & {});
}

/** auto (the tagger's), confirmed, rejected, or code (untagged registry: industry code match). */
export type FirmTagStatus = 'auto' | 'confirmed' | 'rejected' | 'code';

export interface FirmOnLink {
  uscc: string;
  name: string;
  town: string;
  status: FirmTagStatus | (string & {});
  above_scale: boolean;
  revenue: Yuan;
  growth: GrowthPercent;
  score: number | null;
  /** Readable evidence lines: `关键词“钢结构安装”(经营范围)` = rule “term” (field). */
  evidence: string[];
}

export interface FirmOnLinkList {
  firms: FirmOnLink[];
}

export interface TagView {
  chain: string;
  /** The link's key. */
  link: string;
  link_name: string;
  source: 'tagger' | 'manual' | (string & {});
  status: 'auto' | 'confirmed' | 'rejected' | (string & {});
  score: number | null;
  evidence: string[];
}

export interface TagList {
  tags: TagView[];
}

/** Body of POST /enterprises/{uscc}/tags. */
export interface TagDecision {
  chain: string;
  /** The link's key. */
  link: string;
  decision: 'confirm' | 'reject';
  note?: string;
}

export interface IndustryEntry {
  /** 3-digit 中类 code. */
  code: string;
  name: string;
  rca: number | null;
  density: number | null;
  present: boolean;
  firms: number;
}

export interface Relatedness {
  region: RegionRef;
  level: string;
  regions: number;
  industries: number;
  /** The region's specialisations, by RCA (at most 20). */
  present: IndustryEntry[];
  /** Absent industries closest to what the region has, by density (at most 20). */
  possible_entrants: IndustryEntry[];
}

export interface CandidateComponents {
  /** Each 0–1. */
  match: number | null;
  scale: number | null;
  growth: number | null;
  density: number | null;
}

export interface Candidate {
  uscc: string;
  name: string;
  region: RegionRef;
  /** 4-digit industry code, or "". */
  industry: string;
  /** 0–100 = 100 × (0.35 match + 0.30 scale + 0.15 growth + 0.20 density). */
  score: number | null;
  components: CandidateComponents;
  /** Readable reasons (Chinese), one per component. */
  reasons: string[];
}

export interface LinkCandidates {
  link: LinkStats;
  candidates: Candidate[];
}

export interface AttractionAnswer {
  links: LinkCandidates[];
}

export type LeadStage = '线索' | '接洽' | '考察' | '洽谈' | '签约' | '落地' | '放弃';

export interface Lead {
  id: number;
  /** The region code the lead belongs to. */
  region: string;
  chain: string;
  link_id: number | null;
  firm_name: string;
  /** The firm's USCC when the lead names a firm of the registry. */
  uscc: string | null;
  stage: LeadStage | (string & {});
  owner: string;
  expected_investment: Yuan | null;
  note: string;
  /** The project created when the lead reached 签约. */
  project_id: number | null;
  /** Unix seconds. */
  created_at: number;
  updated_at: number;
}

export interface LeadList {
  /** Every stage in pipeline order, 放弃 last. */
  stages: string[];
  leads: Lead[];
}

/** Body of POST /leads. */
export interface LeadInput {
  chain: string;
  firm_name?: string;
  /** A firm of the registry; its name is used when firm_name is empty. */
  uscc?: string;
  link_id?: number;
  stage?: string;
  owner?: string;
  expected_investment?: Yuan;
  note?: string;
}

/** Body of POST /leads/{id}/move. */
export interface LeadMove {
  stage: string;
  note?: string;
}

export interface LeadEvent {
  /** Unix seconds. */
  at: number;
  from: string | null;
  to: string;
  username: string;
  note: string;
}

export interface LeadEvents {
  events: LeadEvent[];
}
