// /api/v1/chains and the 链长制 endpoints: chain templates, a chain's analysis in a region, the
// firms on a link, tags and decisions, relatedness, attraction candidates and leads.
import { request } from '../request';
import type {
  AttractionAnswer,
  ChainAnalysis,
  ChainDetail,
  ChainList,
  FirmOnLinkList,
  Lead,
  LeadEvents,
  LeadInput,
  LeadList,
  LeadMove,
  Relatedness,
  TagDecision,
  TagList
} from '@/typings/api/chains';

const id = (x: number | string) => encodeURIComponent(String(x));

/** GET /chains. */
export function fetchChains(): Promise<ChainList> {
  return request<ChainList>('/chains');
}

/** GET /chains/{id}: the chain with its links. Throws ApiError `not_found`. */
export function fetchChain(chainId: number): Promise<ChainDetail> {
  return request<ChainDetail>(`/chains/${id(chainId)}`);
}

/** GET /chains/{id}/analysis?region=: links with their state, coverage, completeness, 链主 candidates. */
export function fetchChainAnalysis(chainId: number, region: string): Promise<ChainAnalysis> {
  return request<ChainAnalysis>(`/chains/${id(chainId)}/analysis`, { query: { region } });
}

/** GET /links/{id}/firms?region=: the region's firms on a link with their evidence (rejected ones last). */
export function fetchLinkFirms(linkId: number, region: string): Promise<FirmOnLinkList> {
  return request<FirmOnLinkList>(`/links/${id(linkId)}/firms`, { query: { region } });
}

/** GET /enterprises/{uscc}/tags: a firm's chain tags with their evidence and decisions. */
export function fetchFirmTags(uscc: string): Promise<TagList> {
  return request<TagList>(`/enterprises/${id(uscc)}/tags`);
}

/**
 * POST /enterprises/{uscc}/tags: confirm or reject a firm on a link; answers the firm's tags.
 * Throws ApiError `forbidden` (role), `out_of_scope`, `bad_request` (a context link, a bad decision).
 */
export function postTagDecision(uscc: string, body: TagDecision): Promise<TagList> {
  return request<TagList>(`/enterprises/${id(uscc)}/tags`, { method: 'POST', body });
}

/** GET /relatedness?region=: a county's specialisations and possible entrants (400 for a city). */
export function fetchRelatedness(region: string): Promise<Relatedness> {
  return request<Relatedness>('/relatedness', { query: { region } });
}

/** GET /attraction?region=&chain=&limit=: candidates for each weak or missing link of the chain. */
export function fetchAttraction(region: string, chain: string, limit?: number): Promise<AttractionAnswer> {
  return request<AttractionAnswer>('/attraction', { query: { region, chain, limit } });
}

/** GET /leads?region=&chain=: the pipeline of a region (and chain). */
export function fetchLeads(region: string, chain?: string): Promise<LeadList> {
  return request<LeadList>('/leads', { query: { region, chain } });
}

/** POST /leads?region=: adds a lead (201). Throws ApiError `bad_request` (no firm name, bad stage). */
export function postLead(region: string, body: LeadInput): Promise<Lead> {
  return request<Lead>('/leads', { method: 'POST', query: { region }, body });
}

/**
 * POST /leads/{id}/move: moves a lead forward or to 放弃; at 签约 the answer carries the created
 * project's id. Throws ApiError `bad_request` for a move backwards, 412 for a given-up lead.
 */
export function postLeadMove(leadId: number, body: LeadMove): Promise<Lead> {
  return request<Lead>(`/leads/${id(leadId)}/move`, { method: 'POST', body });
}

/** GET /leads/{id}/events: the lead's history, oldest first. */
export function fetchLeadEvents(leadId: number): Promise<LeadEvents> {
  return request<LeadEvents>(`/leads/${id(leadId)}/events`);
}
