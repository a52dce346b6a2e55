// The 招商 page's view model (GET /attraction, /relatedness, /leads): each candidate's score
// broken into its weighted components, how related a link's industries are to the region, the
// lead board (one column per stage, forward-only moves), the lead a candidate already has, and
// the exports. Pure, so it is unit-tested.
import type { Candidate, IndustryEntry, Lead, LinkCandidates, Relatedness } from '@/typings/api/chains';
import type { ExportRequest } from '@/typings/api/export';
import { EMPTY, formatMoney, formatScaled, formatUnixTime, type Lang } from '@/utils/format';
import { col, tableExport, type ExportColumn } from '@/utils/export';
import type { Translate, TranslateExists } from '../chains/model';
import { stateLabel } from '../chains/model';

// ---------------------------------------------------------------------------------------------
// Candidates.

export type ComponentKey = 'match' | 'scale' | 'growth' | 'density';

/** The weights of the server's score: 100 × (0.35 match + 0.30 scale + 0.15 growth + 0.20 density). */
export const SCORE_WEIGHTS: Readonly<Record<ComponentKey, number>> = { match: 0.35, scale: 0.3, growth: 0.15, density: 0.2 };
export const COMPONENT_KEYS: readonly ComponentKey[] = ['match', 'scale', 'growth', 'density'];

export interface ComponentView {
  key: ComponentKey;
  /** 0–1 as sent, null when the server sent none. */
  value: number | null;
  weight: number;
  /** Points the component adds to the 0–100 score. */
  points: number;
  /** "0.91 × 30% = 27.3". */
  text: string;
}

/** A candidate's components with the points each adds to the score. */
export function scoreComponents(c: Candidate): ComponentView[] {
  return COMPONENT_KEYS.map((key) => {
    const value = c.components[key] ?? null;
    const weight = SCORE_WEIGHTS[key];
    const points = value === null ? 0 : value * weight * 100;
    const text = value === null ? EMPTY : `${formatScaled(value, 1, 2)} × ${formatScaled(weight * 100, 1, 0)}% = ${formatScaled(points, 1, 1)}`;
    return { key, value, weight, points, text };
  });
}

/** The score as the sum of its components' points, to check against the server's (±0.1 rounding). */
export function scoreFromComponents(c: Candidate): number {
  return scoreComponents(c).reduce((sum, x) => sum + x.points, 0);
}

/** The relatedness density the server used for a link: every candidate of the link carries the same one. */
export function linkDensity(lc: LinkCandidates): number | null {
  return lc.candidates.find((c) => c.components.density !== null)?.components.density ?? null;
}

/** A short classification of a density (0–1): high ≥ 0.5, medium ≥ 0.25, low below. */
export function densityLevel(density: number | null): 'high' | 'medium' | 'low' | 'none' {
  if (density === null || !Number.isFinite(density)) return 'none';
  if (density >= 0.5) return 'high';
  if (density >= 0.25) return 'medium';
  return 'low';
}

/**
 * The 中类 (3-digit) industries of a link: the template's codes and the candidates' own codes.
 * GET /chains/{id} sends only the decisive codes, so the candidates show the confirm-only ones.
 */
export function linkIndustries(industryCodes: readonly string[], lc: LinkCandidates): string[] {
  const out = new Set<string>();
  for (const code of industryCodes) if (code.length >= 3) out.add(code.slice(0, 3));
  for (const c of lc.candidates) if (c.industry.length >= 3) out.add(c.industry.slice(0, 3));
  return [...out].sort();
}

export interface IndustryRelatedness {
  code: string;
  /** The entry of GET /relatedness for this 中类, when it is among the listed ones. */
  entry: IndustryEntry | null;
  list: 'present' | 'possible_entrants' | null;
}

/** Where each of a link's industries stands in the region's relatedness lists. */
export function relatednessOfIndustries(codes: readonly string[], r: Relatedness | null): IndustryRelatedness[] {
  return codes.map((code) => {
    const present = r?.present.find((e) => e.code === code);
    if (present) return { code, entry: present, list: 'present' };
    const entrant = r?.possible_entrants.find((e) => e.code === code);
    if (entrant) return { code, entry: entrant, list: 'possible_entrants' };
    return { code, entry: null, list: null };
  });
}

/** Normalises a firm's name for matching: no spaces, full-width brackets as half-width. */
function nameKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * The open lead a candidate already has on this chain, or null: matched by USCC when the lead
 * carries one, else by firm name (a lead typed in by hand). A given-up lead does not count.
 */
export function leadOfCandidate(leads: readonly Lead[], chain: string, c: Pick<Candidate, 'name'> & { uscc?: string }): Lead | null {
  const key = nameKey(c.name);
  const same = (l: Lead) => (l.uscc && c.uscc ? l.uscc === c.uscc : nameKey(l.firm_name) === key);
  return leads.find((l) => l.chain === chain && l.stage !== '放弃' && same(l)) ?? null;
}

/**
 * True when a user scoped to `scope` (region codes) may open a firm registered in `region`: the
 * rule of the server (全国 100000 holds everything, a province its first two digits, a city its
 * first four, a county its six, a town only itself). Candidates lie outside the region, so most
 * of them are out of a district user's scope and their names are not links.
 */
export function regionInScope(scope: readonly string[], region: string): boolean {
  return scope.some((code) => {
    if (code === '100000') return true;
    if (code.length === 9) return code === region;
    if (code.slice(2) === '0000') return region.startsWith(code.slice(0, 2));
    if (code.slice(4) === '00') return region.startsWith(code.slice(0, 4));
    return region.startsWith(code);
  });
}

/** The link tab to show first: the one asked for (?link=), else the first weak or missing link. */
export function initialLinkTab(links: readonly LinkCandidates[], wanted: number | null): number | null {
  if (wanted !== null && links.some((l) => l.link.id === wanted)) return wanted;
  return links[0]?.link.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Leads.

export const DEFAULT_STAGES: readonly string[] = ['线索', '接洽', '考察', '洽谈', '签约', '落地', '放弃'];
export const GIVEN_UP = '放弃';
export const SIGNED = '签约';

/** The stages a lead may move to: any later stage, or 放弃; none once given up. */
export function nextStages(stage: string, stages: readonly string[] = DEFAULT_STAGES): string[] {
  if (stage === GIVEN_UP) return [];
  const pipeline = stages.filter((s) => s !== GIVEN_UP);
  const at = pipeline.indexOf(stage);
  const later = at < 0 ? [] : pipeline.slice(at + 1);
  return stages.includes(GIVEN_UP) ? [...later, GIVEN_UP] : later;
}

export function canMove(from: string, to: string, stages: readonly string[] = DEFAULT_STAGES): boolean {
  return nextStages(from, stages).includes(to);
}

/** True when moving to `to` creates the lead's project (签约 or later, and none yet). */
export function createsProject(lead: Pick<Lead, 'project_id'>, to: string, stages: readonly string[] = DEFAULT_STAGES): boolean {
  if (lead.project_id !== null || to === GIVEN_UP) return false;
  const pipeline = stages.filter((s) => s !== GIVEN_UP);
  return pipeline.indexOf(to) >= pipeline.indexOf(SIGNED);
}

export interface BoardColumn {
  stage: string;
  leads: Lead[];
}

/** One column per stage in the server's order (leads at an unknown stage last), newest first in each. */
export function boardColumns(leads: readonly Lead[], stages: readonly string[] = DEFAULT_STAGES): BoardColumn[] {
  const order = stages.length ? [...stages] : [...DEFAULT_STAGES];
  for (const l of leads) if (!order.includes(l.stage)) order.push(l.stage);
  return order.map((stage) => ({
    stage,
    leads: leads.filter((l) => l.stage === stage).sort((a, b) => b.updated_at - a.updated_at || b.id - a.id)
  }));
}

/** An amount entered in 万元 on a form, as integer 元; null when empty or not a number ≥ 0. */
export function yuanFromWan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined || input === '') return null;
  const n = typeof input === 'number' ? input : Number(String(input).replace(/,/g, '').trim());
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * 10_000);
}

export function stageLabel(stage: string, t: Translate, te: TranslateExists): string {
  const key = `attraction.stage.${STAGE_KEYS[stage] ?? stage}`;
  return te(key) ? t(key) : stage;
}

const STAGE_KEYS: Record<string, string> = {
  线索: 'lead',
  接洽: 'contact',
  考察: 'visit',
  洽谈: 'negotiation',
  签约: 'signed',
  落地: 'landed',
  放弃: 'dropped'
};

// ---------------------------------------------------------------------------------------------
// Exports.

export function candidatesExport(region: string, chain: string, lc: LinkCandidates, t: Translate): ExportRequest {
  const columns: ExportColumn<Candidate>[] = [
    col.text(t('attraction.firm'), (c) => c.name, 36),
    col.text(t('attraction.uscc'), (c) => c.uscc, 22),
    col.text(t('attraction.from'), (c) => c.region.name),
    col.text(t('attraction.industry'), (c) => c.industry),
    col.decimal(t('attraction.score'), (c) => c.score, 1),
    ...COMPONENT_KEYS.map((key) => col.decimal<Candidate>(t(`attraction.component.${key}`), (c) => c.components[key], 3)),
    col.text(t('attraction.reasons'), (c) => c.reasons.join('；'), 60)
  ];
  return tableExport(`${region}_${chain}_${lc.link.name}_${t('attraction.candidatesTitle')}`, lc.link.name, columns, lc.candidates);
}

export function leadsExport(region: string, chain: string, leads: readonly Lead[], linkName: (id: number | null) => string, lang: Lang, t: Translate, te: TranslateExists): ExportRequest {
  const columns: ExportColumn<Lead>[] = [
    col.integer(t('attraction.leadId'), (l) => l.id),
    col.text(t('attraction.firm'), (l) => l.firm_name, 36),
    col.text(t('attraction.chain'), (l) => l.chain),
    col.text(t('attraction.link'), (l) => linkName(l.link_id)),
    col.text(t('attraction.stageHeader'), (l) => stageLabel(l.stage, t, te)),
    col.text(t('attraction.owner'), (l) => l.owner),
    col.money(t('attraction.expectedInvestmentHeader'), (l) => l.expected_investment, 'firm', lang),
    col.text(t('attraction.project'), (l) => (l.project_id === null ? null : `#${l.project_id}`)),
    col.text(t('attraction.createdAt'), (l) => formatUnixTime(l.created_at)),
    col.text(t('attraction.updatedAt'), (l) => formatUnixTime(l.updated_at)),
    col.text(t('attraction.note'), (l) => l.note, 40)
  ];
  return tableExport(`${region}_${chain}_${t('attraction.boardTitle')}`, t('attraction.boardTitle'), columns, leads);
}

/** A link's header on its tab: "装配化施工 · 薄弱". */
export function linkTabLabel(lc: LinkCandidates, t: Translate, te: TranslateExists): string {
  return `${lc.link.name} · ${stateLabel(lc.link.state, t, te)}`;
}

export { formatMoney };
