// The 产业链 page's view model (GET /chains/{id}/analysis, /links/{id}/firms): who may decide
// tags, each link's state and colour, the chain map laid out 上游 → 中游 → 下游, the recommended
// action for weak and missing links (强链/补链/建链/延链), the tagger's evidence split into rule,
// term and field, and the tables and their exports.
// Pure, so it is unit-tested; the attraction page reuses the shared parts.
import type { ChainAnalysis, FirmOnLink, LeaderCandidate, LinkState, LinkStats } from '@/typings/api/chains';
import type { ExportRequest } from '@/typings/api/export';
import { EMPTY, formatCount, formatGrowth, formatMoney, formatScaled, formatShare, formatWan, type Lang } from '@/utils/format';
import { enumLabel } from '@/utils/enums';
import { col, tableExport, type ExportColumn } from '@/utils/export';

export type Translate = (key: string, named?: Record<string, unknown>) => string;
export type TranslateExists = (key: string) => boolean;

// ---------------------------------------------------------------------------------------------
// Roles.

/** Roles with the server's `edit_chains` permission: confirm or reject tags, manage leads. */
export const CHAIN_EDIT_ROLES: readonly string[] = ['admin', 'analyst', 'chain_chief'];

export function canEditChains(role: string | null | undefined): boolean {
  return !!role && CHAIN_EDIT_ROLES.includes(role);
}

// ---------------------------------------------------------------------------------------------
// Link states.

export const LINK_STATES: readonly LinkState[] = ['strong', 'normal', 'weak', 'missing', 'context'];

/** Fill, border and text colour of each state on the map and in tags. */
export const STATE_COLORS: Record<LinkState, { fill: string; border: string; text: string }> = {
  strong: { fill: '#e3f5ea', border: '#1a9d5a', text: '#0d6636' },
  normal: { fill: '#e8f1fd', border: '#3b82d6', text: '#1d4f91' },
  weak: { fill: '#fff3dc', border: '#e39b1b', text: '#8a5300' },
  missing: { fill: '#fdeaea', border: '#d9363e', text: '#a3222a' },
  context: { fill: '#f4f4f5', border: '#b1b3b8', text: '#6b6e74' }
};

/** The state as one of the five; an unknown state is drawn like a context link. */
export function linkState(link: Pick<LinkStats, 'state'>): LinkState {
  return (LINK_STATES as readonly string[]).includes(link.state) ? (link.state as LinkState) : 'context';
}

/** Element Plus tag type of a state. */
export function stateTagType(state: string): 'success' | 'primary' | 'warning' | 'danger' | 'info' {
  switch (state) {
    case 'strong':
      return 'success';
    case 'normal':
      return 'primary';
    case 'weak':
      return 'warning';
    case 'missing':
      return 'danger';
    default:
      return 'info';
  }
}

export function stateLabel(state: string, t: Translate, te: TranslateExists): string {
  const key = `chains.state.${state}`;
  return te(key) ? t(key) : state;
}

/**
 * Why a link has its state, in the UI language. The server's reasons are fixed sentences per
 * state; a reason the app does not recognise is shown as sent.
 */
export function linkReason(link: Pick<LinkStats, 'state' | 'reason' | 'above_scale_firms'>, t: Translate): string {
  switch (link.state) {
    case 'context':
      return t('chains.reason.context');
    case 'missing':
      return t('chains.reason.missing');
    case 'weak':
      if (link.reason.startsWith('没有规上企业')) return t('chains.reason.noAboveScale');
      if (link.reason.startsWith('企业占比不足')) return t('chains.reason.lowShare');
      if (link.reason.startsWith('营收占比不足')) return t('chains.reason.lowOutputShare');
      return link.reason;
    default:
      return link.reason;
  }
}

// ---------------------------------------------------------------------------------------------
// The chain map: columns by position, links stacked in each, edges between the columns.

export const POSITIONS: readonly string[] = ['上游', '中游', '下游'];

/** The positions present among the links, 上游/中游/下游 first, then others as they come. */
export function positionsOf(links: readonly Pick<LinkStats, 'position'>[]): string[] {
  const present = new Set(links.map((l) => l.position));
  const out = POSITIONS.filter((p) => present.has(p));
  for (const l of links) if (!out.includes(l.position)) out.push(l.position);
  return out;
}

export interface MapNode {
  id: string;
  link: LinkStats;
  column: number;
  /** Centre of the node. */
  x: number;
  y: number;
}

export interface MapColumn {
  id: string;
  position: string;
  /** Centre of the column. */
  x: number;
  nodes: MapNode[];
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  /** flow: from one position's column to the next; parent: a link to its sub-link. */
  kind: 'flow' | 'parent';
}

export interface ChainMapLayout {
  columns: MapColumn[];
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
}

export interface MapSize {
  width: number;
  nodeHeight?: number;
  gap?: number;
  /** Room above the first node for the column's title. */
  top?: number;
  bottom?: number;
  maxNodeWidth?: number;
}

export function nodeId(linkId: number): string {
  return `link-${linkId}`;
}

/**
 * Lays out a chain's links for a canvas `width` wide: one column per position (上游 → 中游 →
 * 下游), each link a node stacked in its column (shorter columns centred), in the order sent.
 */
export function layoutChainMap(links: readonly LinkStats[], size: MapSize): ChainMapLayout {
  const nodeHeight = size.nodeHeight ?? 78;
  const gap = size.gap ?? 16;
  const top = size.top ?? 52;
  const bottom = size.bottom ?? 20;
  const positions = positionsOf(links);
  const count = Math.max(positions.length, 1);
  const columnWidth = size.width / count;
  const nodeWidth = Math.max(120, Math.min(size.maxNodeWidth ?? 250, columnWidth - 56));
  const perColumn = positions.map((p) => links.filter((l) => l.position === p));
  const tallest = Math.max(1, ...perColumn.map((c) => c.length));
  const height = top + tallest * nodeHeight + (tallest - 1) * gap + bottom;
  const columns: MapColumn[] = positions.map((position, i) => {
    const members = perColumn[i]!;
    const offset = ((tallest - members.length) * (nodeHeight + gap)) / 2;
    const x = columnWidth * (i + 0.5);
    const nodes = members.map((link, k) => ({
      id: nodeId(link.id),
      link,
      column: i,
      x,
      y: top + offset + k * (nodeHeight + gap) + nodeHeight / 2
    }));
    return { id: `column-${i}`, position, x, nodes };
  });
  const nodes = columns.flatMap((c) => c.nodes);
  const edges: MapEdge[] = [];
  for (let i = 0; i + 1 < columns.length; i++) {
    edges.push({ id: `flow-${i}`, source: columns[i]!.id, target: columns[i + 1]!.id, kind: 'flow' });
  }
  const byKey = new Map(links.map((l) => [l.key, l]));
  for (const l of links) {
    const parent = l.parent ? byKey.get(l.parent) : undefined;
    if (parent && parent !== l) edges.push({ id: `parent-${l.id}`, source: nodeId(parent.id), target: nodeId(l.id), kind: 'parent' });
  }
  return { columns, nodes, edges, width: size.width, height, nodeWidth, nodeHeight };
}

/** What a node shows: the link's name, its state, and firms · revenue (or why it has none). */
export function nodeFacts(link: LinkStats, lang: Lang, t: Translate, te: TranslateExists) {
  const state = linkState(link);
  let detail: string;
  if (state === 'context') detail = t('chains.contextShort');
  else if (link.firms === 0) detail = t('chains.noLocalFirm');
  else detail = `${t('chains.firmCount', { n: formatCount(link.firms) })} · ${formatMoney(link.revenue, lang)}`;
  return {
    name: link.name,
    state,
    stateText: stateLabel(state, t, te),
    detail,
    // A missing link's quotient is 0 by definition: not worth a corner of the node.
    strength: link.strength === null || link.firms === 0 ? '' : `${t('chains.strengthShort')} ${formatScaled(link.strength, 1, 2)}`
  };
}

// ---------------------------------------------------------------------------------------------
// Weak and missing links and what to do about each.

/** 强链 strengthen a weak link; 补链 fill a gap between covered links; 延链 extend beyond them; 建链 build a chain the region lacks. */
export type GapAction = 'strengthen' | 'fill' | 'extend' | 'build';

/**
 * The recommended action for a link of the analysis: 强链 for a weak link; for a missing link
 * 建链 when no link of the chain has a local firm, 延链 when it lies upstream or downstream of
 * every covered link, else 补链. Null for strong, normal and context links.
 */
export function recommendAction(link: LinkStats, links: readonly LinkStats[]): GapAction | null {
  if (link.state === 'weak') return 'strengthen';
  if (link.state !== 'missing') return null;
  const positions = positionsOf(links);
  const covered = links.filter((l) => l.tagging && l.firms > 0).map((l) => positions.indexOf(l.position));
  if (!covered.length) return 'build';
  const at = positions.indexOf(link.position);
  return at < Math.min(...covered) || at > Math.max(...covered) ? 'extend' : 'fill';
}

export interface GapRow {
  link: LinkStats;
  action: GapAction;
}

/** The weak and missing links in chain order, each with its action. */
export function gapRows(analysis: Pick<ChainAnalysis, 'links'>): GapRow[] {
  return analysis.links.flatMap((link) => {
    const action = recommendAction(link, analysis.links);
    return action ? [{ link, action }] : [];
  });
}

export function actionLabel(action: GapAction, t: Translate): string {
  return t(`chains.action.${action}`);
}

// ---------------------------------------------------------------------------------------------
// Summary figures.

/** What the location quotient compares, in the UI language: 营业收入 or 企业数. */
export function strengthBasisLabel(basis: string, t: Translate, te: TranslateExists): string {
  const key = `chains.basis.${basis}`;
  return te(key) ? t(key) : basis;
}

export function summaryFigures(a: ChainAnalysis, lang: Lang) {
  const pct = (v: number | null) => (v === null ? EMPTY : `${formatScaled(v, 1, 1)}%`);
  const tagging = a.links.filter((l) => l.tagging);
  return {
    coverage: pct(a.coverage),
    coverageAboveScale: pct(a.coverage_above_scale),
    completeness: a.completeness === null ? EMPTY : formatScaled(a.completeness, 1, 1),
    completenessValue: a.completeness ?? 0,
    firms: formatCount(a.firms),
    revenue: formatMoney(a.revenue, lang),
    month: a.month ?? EMPTY,
    covered: tagging.filter((l) => l.firms > 0).length,
    coveredAboveScale: tagging.filter((l) => l.above_scale_firms > 0).length,
    tagging: tagging.length,
    counts: LINK_STATES.map((state) => ({ state, count: a.links.filter((l) => linkState(l) === state).length }))
  };
}

export function formatStrength(strength: number | null): string {
  return strength === null ? EMPTY : formatScaled(strength, 1, 2);
}

// ---------------------------------------------------------------------------------------------
// Evidence.

export interface Evidence {
  /** The rule as the server names it (关键词, 行业代码(需关键词印证), …); "" when the line is free text. */
  rule: string;
  term: string;
  /** Where the term was found (经营范围, 行业代码, 产业链). */
  field: string;
  text: string;
}

/** Splits `关键词“钢结构安装”(经营范围)` into rule, term and field; other lines keep only their text. */
export function parseEvidence(line: string): Evidence {
  const m = /^(.+?)“(.+)”\((.+?)\)$/.exec(line.trim());
  if (!m) return { rule: '', term: '', field: '', text: line };
  return { rule: m[1]!, term: m[2]!, field: m[3]!, text: line };
}

const RULE_KEYS: Record<string, string> = {
  关键词: 'keyword',
  一般词: 'weak',
  行业代码: 'code',
  '行业代码(需关键词印证)': 'hintCode',
  经营活动: 'operation',
  近似词: 'typo',
  随附: 'implied'
};
const FIELD_KEYS: Record<string, string> = { 经营范围: 'scope', 行业代码: 'code', 产业链: 'chain' };

export function evidenceRuleLabel(rule: string, t: Translate): string {
  const key = RULE_KEYS[rule];
  return key ? t(`chains.evidenceRule.${key}`) : rule;
}

export function evidenceFieldLabel(field: string, t: Translate): string {
  const key = FIELD_KEYS[field];
  return key ? t(`chains.evidenceField.${key}`) : field;
}

/** An evidence line in the UI language: "关键词“钢结构安装”· 经营范围" / "Keyword “…” · business scope". */
export function evidenceText(e: Evidence, t: Translate): string {
  if (!e.rule) return e.text.startsWith('行业代码与环节代码相符') ? t('chains.evidenceCodeOnly') : e.text;
  return `${evidenceRuleLabel(e.rule, t)}“${e.term}” · ${evidenceFieldLabel(e.field, t)}`;
}

export function firmStatusLabel(status: string, t: Translate, te: TranslateExists): string {
  const key = `chains.tagStatus.${status}`;
  return te(key) ? t(key) : status;
}

export function firmStatusType(status: string): 'success' | 'info' | 'danger' | 'warning' {
  if (status === 'confirmed') return 'success';
  if (status === 'rejected') return 'danger';
  if (status === 'code') return 'warning';
  return 'info';
}

/** Which decisions make sense for a firm's tag: a confirmed tag can still be rejected and the reverse. */
export function decisionsFor(status: string): { confirm: boolean; reject: boolean } {
  return { confirm: status !== 'confirmed', reject: status !== 'rejected' };
}

// ---------------------------------------------------------------------------------------------
// Exports.

function positionLabel(t: Translate, p: string): string {
  return enumLabel(t, 'position', p);
}

/** Every link of the analysis, as the links table shows it. */
export function linksExport(a: ChainAnalysis, lang: Lang, t: Translate, te: TranslateExists): ExportRequest {
  const columns: ExportColumn<LinkStats>[] = [
    col.text(t('chains.link'), (l) => l.name, 36),
    col.text(t('chains.position'), (l) => positionLabel(t, l.position)),
    col.text(t('chains.stateHeader'), (l) => stateLabel(linkState(l), t, te)),
    col.integer(t('chains.firms'), (l) => l.firms),
    col.integer(t('chains.aboveScaleFirms'), (l) => l.above_scale_firms),
    col.money(t('chains.revenueHeader', { unit: lang === 'en-US' ? 'bn yuan' : '亿元' }), (l) => l.revenue, 'region', lang),
    col.percent(t('chains.growth'), (l) => l.growth),
    col.percent(t('chains.revenueShare'), (l) => l.revenue_share),
    col.decimal(t('chains.strength'), (l) => l.strength, 2),
    col.integer(t('chains.nationalFirms'), (l) => l.national_firms),
    col.text(t('chains.reasonHeader'), (l) => linkReason(l, t), 40)
  ];
  return tableExport(`${a.region.name}_${a.chain}_${t('chains.linksTitle')}`, t('chains.linksTitle'), columns, a.links);
}

export function gapsExport(a: ChainAnalysis, rows: readonly GapRow[], t: Translate, te: TranslateExists): ExportRequest {
  const columns: ExportColumn<GapRow>[] = [
    col.text(t('chains.link'), (r) => r.link.name, 36),
    col.text(t('chains.position'), (r) => positionLabel(t, r.link.position)),
    col.text(t('chains.stateHeader'), (r) => stateLabel(r.link.state, t, te)),
    col.integer(t('chains.firms'), (r) => r.link.firms),
    col.integer(t('chains.aboveScaleFirms'), (r) => r.link.above_scale_firms),
    col.decimal(t('chains.strength'), (r) => r.link.strength, 2),
    col.integer(t('chains.nationalFirms'), (r) => r.link.national_firms),
    col.text(t('chains.actionHeader'), (r) => actionLabel(r.action, t)),
    col.text(t('chains.reasonHeader'), (r) => linkReason(r.link, t), 40)
  ];
  return tableExport(`${a.region.name}_${a.chain}_${t('chains.gapsTitle')}`, t('chains.gapsTitle'), columns, rows);
}

export function leadersExport(a: ChainAnalysis, lang: Lang, t: Translate): ExportRequest {
  const columns: ExportColumn<LeaderCandidate>[] = [
    col.text(t('chains.firm'), (c) => c.name, 36),
    col.text(t('chains.uscc'), (c) => c.uscc, 22),
    col.money(t('chains.firmRevenueHeader'), (c) => c.revenue, 'firm', lang),
    col.percent(t('chains.leaderShare'), (c) => c.share),
    col.integer(t('chains.partners'), (c) => c.partners),
    col.text(t('chains.onLinks'), (c) => c.links.join('、'), 40)
  ];
  return tableExport(`${a.region.name}_${a.chain}_${t('chains.leadersTitle')}`, t('chains.leadersTitle'), columns, a.leaders);
}

export function firmsExport(region: string, chain: string, link: LinkStats, firms: readonly FirmOnLink[], lang: Lang, t: Translate, te: TranslateExists): ExportRequest {
  const columns: ExportColumn<FirmOnLink>[] = [
    col.text(t('chains.firm'), (f) => f.name, 36),
    col.text(t('chains.uscc'), (f) => f.uscc, 22),
    col.text(t('chains.town'), (f) => f.town),
    col.text(t('chains.aboveScale'), (f) => (f.above_scale ? t('common.yes') : t('common.no'))),
    col.money(t('chains.firmRevenueHeader'), (f) => f.revenue || null, 'firm', lang),
    col.percent(t('chains.growth'), (f) => f.growth),
    col.text(t('chains.tagStatusHeader'), (f) => firmStatusLabel(f.status, t, te)),
    col.decimal(t('chains.score'), (f) => f.score, 2),
    col.text(t('chains.evidence'), (f) => f.evidence.map((e) => evidenceText(parseEvidence(e), t)).join('；'), 60)
  ];
  return tableExport(`${region}_${chain}_${link.name}`, link.name, columns, firms);
}

/** A firm's revenue in 万元 as the drawer shows it; "—" without figures. */
export function firmRevenue(revenue: number): string {
  return revenue > 0 ? formatWan(revenue) : EMPTY;
}

export { formatGrowth, formatShare };
