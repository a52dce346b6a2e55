// The 项目库 page's view model: who may edit, stage colours, the summary cards and the
// paragraph with its traceable numbers, the list, the stage board, the planned-vs-actual
// timeline, a round's filing status, the three watch lists and the breakdowns, and the export
// of each table. Region figures in 亿元 (bn yuan in English), rates in percent. Pure, so it
// is unit-tested.
import type { ChartOption } from '@/plugins/echarts';
import type { ExportRequest } from '@/typings/api/export';
import type {
  ListedProject,
  ProjectRow,
  ProjectSummary,
  Round,
  RoundDetail,
  RoundItem,
  SummaryFact,
  SummaryGroup
} from '@/typings/api/projects';
import { axisTooltip } from '@/utils/chart';
import { col, tableExport, type ExportColumn } from '@/utils/export';
import { enumLabel, STAGE_ORDER } from '@/utils/enums';
import {
  EMPTY,
  formatCount,
  formatMoney,
  formatMoneyNumber,
  formatShare,
  formatUnixTime,
  moneyUnit,
  orEmpty,
  type Lang
} from '@/utils/format';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

/** Roles with the `edit_projects` permission (docs/api.md: 管理员, 分析员). */
export const EDIT_ROLES: readonly string[] = ['admin', 'analyst'];

export function canEditProjects(role: string | null | undefined): boolean {
  return !!role && EDIT_ROLES.includes(role);
}

/** The main line 谋划 → 达产 (暂停 and 终止 are off it). */
export const MAIN_STAGES: readonly string[] = ['谋划', '签约', '开工', '在建', '试投产', '投产', '达产'];
/** The levels, highest first. */
export const LEVELS: readonly string[] = ['省重大', '省优选', '省重点', '市重点', '区级重点'];

export type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary';

/** The tag colour of a stage: grey before work starts, blue while building, green producing. */
export function stageTagType(stage: string | null | undefined): TagType {
  if (stage === '投产' || stage === '达产' || stage === '试投产') return 'success';
  if (stage === '在建' || stage === '开工') return 'primary';
  if (stage === '暂停') return 'warning';
  if (stage === '终止') return 'danger';
  return 'info';
}

/** How a completion rate stands against 时序进度: at or above it, within 10 points, or behind pace. */
export type PaceTone = 'ahead' | 'near' | 'behind' | 'none';

export function paceTone(rate: number | null | undefined, schedule: number | null | undefined): PaceTone {
  if (rate === null || rate === undefined || schedule === null || schedule === undefined) return 'none';
  if (rate >= schedule) return 'ahead';
  if (rate >= schedule - 10) return 'near';
  return 'behind';
}

/** The colour of a pace tone (bars and figures). */
export function paceColor(tone: PaceTone): string {
  return { ahead: '#1a9d5a', near: '#e08a2b', behind: '#d9363e', none: '#8590a6' }[tone];
}

/** The width of a completion bar in percent: the rate capped at 100 (it may exceed the plan). */
export function barWidth(rate: number | null | undefined): number {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return 0;
  return Math.max(0, Math.min(100, rate));
}

// ---- summary ----------------------------------------------------------------------------

export interface SummaryCard {
  key: 'count' | 'total_investment' | 'annual_plan' | 'completed_this_year' | 'completion_rate' | 'start_rate' | 'production_rate';
  label: string;
  text: string;
  unit: string;
  /** The API's value (for data-value). */
  raw: number | null;
  /** A second line: 时序进度, or how many started of how many due. */
  note: string;
  tone: PaceTone;
}

/** The seven cards: count, 总投资, 年度计划投资, 本年累计完成投资, 完成率 vs 时序进度, 开工率, 投产率. */
export function summaryCards(s: ProjectSummary, lang: Lang, t: Translate): SummaryCard[] {
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? EMPTY : formatShare(v).replace('%', ''));
  const unit = moneyUnit(lang);
  const money = (key: SummaryCard['key'], label: string, raw: number | null): SummaryCard => ({ key, label, text: formatMoneyNumber(raw, lang), unit, raw, note: '', tone: 'none' });
  const rate = (key: SummaryCard['key'], label: string, raw: number | null, note: string, tone: PaceTone = 'none'): SummaryCard => ({
    key,
    label,
    text: pct(raw),
    unit: raw === null ? '' : '%',
    raw,
    note,
    tone
  });
  return [
    { key: 'count', label: t('projects.card.count'), text: formatCount(s.count), unit: t('unit.projects'), raw: s.count, note: t('projects.card.asOf', { month: s.as_of }), tone: 'none' },
    money('total_investment', t('projects.card.total'), s.total_investment),
    money('annual_plan', t('projects.card.annualPlan', { year: s.year }), s.annual_plan),
    money('completed_this_year', t('projects.card.completed'), s.completed_this_year),
    rate(
      'completion_rate',
      t('projects.card.completionRate'),
      s.completion_rate,
      t('projects.card.schedule', { pct: formatShare(s.schedule_pct) }),
      paceTone(s.completion_rate, s.schedule_pct)
    ),
    // 开工率 is started-of-due / due; the server may send only how many started in all.
    rate(
      'start_rate',
      t('projects.card.startRate'),
      s.start_rate,
      s.started_due === undefined
        ? t('projects.card.startedOf', { n: formatCount(s.started), due: formatCount(s.start_due) })
        : t('projects.card.ofDue', { n: formatCount(s.started_due), due: formatCount(s.start_due) })
    ),
    rate(
      'production_rate',
      t('projects.card.productionRate'),
      s.production_rate,
      s.producing_due === undefined
        ? t('projects.card.producingOf', { n: formatCount(s.producing), due: formatCount(s.production_due) })
        : t('projects.card.ofDue', { n: formatCount(s.producing_due), due: formatCount(s.production_due) })
    )
  ];
}

export interface ParagraphSegment {
  text: string;
  fact: SummaryFact | null;
}

/**
 * The paragraph cut into plain text and its numbers, each number tied to its fact (so the page
 * can say which summary field it comes from). Facts are looked for in order, each after the
 * previous one; a fact whose text is not found after the previous one is left plain.
 */
export function paragraphSegments(paragraph: string, facts: readonly SummaryFact[]): ParagraphSegment[] {
  const out: ParagraphSegment[] = [];
  let cursor = 0;
  for (const fact of facts) {
    if (!fact.text) continue;
    const at = paragraph.indexOf(fact.text, cursor);
    if (at < 0) continue;
    if (at > cursor) out.push({ text: paragraph.slice(cursor, at), fact: null });
    out.push({ text: fact.text, fact });
    cursor = at + fact.text.length;
  }
  if (cursor < paragraph.length) out.push({ text: paragraph.slice(cursor), fact: null });
  return out;
}

// ---- filters -----------------------------------------------------------------------------

export interface Option {
  value: string;
  label: string;
}

/** Options of a cut from the unfiltered summary's groups (in the server's order); towns come as codes, shown by name. */
export function cutOptions(groups: readonly SummaryGroup[] | undefined, t: Translate, names?: ReadonlyMap<string, string>): Option[] {
  return (groups ?? [])
    .filter((g) => g.key)
    .map((g) => ({ value: g.key, label: t('projects.paren', { label: names?.get(g.key) ?? g.key, n: formatCount(g.count) }) }));
}

/** The years to offer: the shown year, two before it and the next. */
export function yearOptions(year: number | null | undefined, rounds: readonly Round[] = []): number[] {
  const base = year ?? new Date().getFullYear();
  const set = new Set<number>([base - 2, base - 1, base, base + 1]);
  for (const r of rounds) {
    const y = Number(r.period.slice(0, 4));
    if (y) set.add(y);
  }
  return [...set].sort((a, b) => b - a);
}

// ---- the list ----------------------------------------------------------------------------

export function projectsExport(items: readonly ProjectRow[], lang: Lang, t: Translate, fileName: string, round: string | null): ExportRequest {
  const u = moneyUnit(lang);
  const columns: ExportColumn<ProjectRow>[] = [
    col.text(t('projects.col.name'), (p) => p.name, 36),
    col.text(t('projects.col.level'), (p) => enumLabel(t, 'level', p.year_level ?? p.level)),
    col.text(t('projects.col.stage'), (p) => enumLabel(t, 'stage', p.stage)),
    col.text(t('projects.col.chain'), (p) => p.chain || null, 16),
    col.text(t('projects.col.park'), (p) => p.park || null, 16),
    col.text(t('projects.col.town'), (p) => p.town?.name ?? null),
    col.money(t('projects.col.total', { unit: u }), (p) => p.total_investment, 'region', lang),
    col.money(t('projects.col.yearPlan', { unit: u }), (p) => p.year_plan, 'region', lang),
    col.money(t('projects.col.completed', { unit: u }), (p) => p.completed_this_year, 'region', lang),
    col.percent(t('projects.col.rate'), (p) => p.completion_rate),
    col.text(t('projects.col.plannedStart'), (p) => p.planned_start),
    col.text(t('projects.col.actualStart'), (p) => p.actual_start),
    col.text(t('projects.col.plannedProduction'), (p) => p.planned_production),
    col.text(t('projects.col.actualProduction'), (p) => p.actual_production),
    col.text(t('projects.col.manager'), (p) => p.manager || null),
    col.text(round ? t('projects.col.filedIn', { round }) : t('projects.col.filed'), (p) => (p.filed ? t('projects.filed') : t('projects.notFiled')))
  ];
  return tableExport(fileName, t('projects.tab.list'), columns, items);
}

// ---- the stage board ---------------------------------------------------------------------

export interface BoardColumn {
  stage: string;
  items: ProjectRow[];
  count: number;
  total: number;
}

/** One column per stage (谋划 … 达产, 暂停, 终止, then any stage the app does not know), biggest investment first. */
export function boardColumns(items: readonly ProjectRow[]): BoardColumn[] {
  const stages = [...STAGE_ORDER];
  for (const p of items) if (!stages.includes(p.stage)) stages.push(p.stage);
  return stages.map((stage) => {
    const inStage = items.filter((p) => p.stage === stage).sort((a, b) => b.total_investment - a.total_investment || a.name.localeCompare(b.name));
    return { stage, items: inStage, count: inStage.length, total: inStage.reduce((s, p) => s + p.total_investment, 0) };
  });
}

export interface BoardExportRow {
  stage: string;
  project: ProjectRow;
}

export function boardExport(columns: readonly BoardColumn[], lang: Lang, t: Translate, fileName: string): ExportRequest {
  const rows: BoardExportRow[] = columns.flatMap((c) => c.items.map((project) => ({ stage: c.stage, project })));
  const u = moneyUnit(lang);
  const cols: ExportColumn<BoardExportRow>[] = [
    col.text(t('projects.col.stage'), (r) => enumLabel(t, 'stage', r.stage)),
    col.text(t('projects.col.name'), (r) => r.project.name, 36),
    col.text(t('projects.col.level'), (r) => enumLabel(t, 'level', r.project.year_level ?? r.project.level)),
    col.money(t('projects.col.total', { unit: u }), (r) => r.project.total_investment, 'region', lang),
    col.money(t('projects.col.completed', { unit: u }), (r) => r.project.completed_this_year, 'region', lang),
    col.text(t('projects.col.stageReason'), (r) => r.project.stage_reason || null, 30)
  ];
  return tableExport(fileName, t('projects.tab.board'), cols, rows);
}

// ---- the timeline ------------------------------------------------------------------------

/** "2024-03" → a month count (year × 12 + month − 1); null when malformed. */
export function monthIndex(month: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})/.exec(month ?? '');
  if (!m) return null;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return null;
  return Number(m[1]) * 12 + mm - 1;
}

/** The inverse of monthIndex. */
export function monthLabel(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

export type MilestoneState = 'done' | 'late' | 'overdue' | 'pending' | 'none';

/**
 * Where a milestone stands at `asOf`: done on time (actual ≤ planned or no plan), done late,
 * overdue (planned on or before asOf and not reached), pending, or none (no date at all).
 */
export function milestoneState(planned: string | null | undefined, actual: string | null | undefined, asOf: string | null | undefined): MilestoneState {
  const p = monthIndex(planned);
  const a = monthIndex(actual);
  const now = monthIndex(asOf);
  if (a !== null) return p !== null && a > p ? 'late' : 'done';
  if (p === null) return 'none';
  if (now !== null && p <= now) return 'overdue';
  return 'pending';
}

export interface TimelineRow {
  id: number;
  name: string;
  stage: string;
  plannedStart: string | null;
  actualStart: string | null;
  plannedProduction: string | null;
  actualProduction: string | null;
  start: MilestoneState;
  production: MilestoneState;
  /** Month indices of the bars: planned span and actual span (to asOf while it runs). */
  planned: [number, number] | null;
  actual: [number, number] | null;
}

/** The projects with any milestone date, by planned (else actual) start, with their bars. */
export function timelineRows(items: readonly ProjectRow[], asOf: string | null | undefined): TimelineRow[] {
  const now = monthIndex(asOf);
  const rows: TimelineRow[] = [];
  for (const p of items) {
    const ps = monthIndex(p.planned_start);
    const pp = monthIndex(p.planned_production);
    const as = monthIndex(p.actual_start);
    const ap = monthIndex(p.actual_production);
    if (ps === null && pp === null && as === null && ap === null) continue;
    const planned: [number, number] | null = ps !== null || pp !== null ? [ps ?? pp!, pp ?? ps!] : null;
    let actual: [number, number] | null = null;
    if (as !== null) actual = [as, ap ?? Math.max(as, now ?? as)];
    else if (ap !== null) actual = [ap, ap];
    rows.push({
      id: p.id,
      name: p.name,
      stage: p.stage,
      plannedStart: p.planned_start,
      actualStart: p.actual_start,
      plannedProduction: p.planned_production,
      actualProduction: p.actual_production,
      start: milestoneState(p.planned_start, p.actual_start, asOf),
      production: milestoneState(p.planned_production, p.actual_production, asOf),
      planned,
      actual
    });
  }
  const key = (r: TimelineRow) => r.planned?.[0] ?? r.actual?.[0] ?? 0;
  return rows.sort((a, b) => key(a) - key(b) || a.name.localeCompare(b.name));
}

/** Shortens a long project name for an axis label. */
export function shortName(name: string, max = 16): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/**
 * A Gantt-like chart: per project a hollow dashed bar for the planned span (计划开工 → 计划投产)
 * and a filled bar for the actual one (实际开工 → 实际投产, or → the report month while it
 * runs), a line at the report month. Bars are stacked on a transparent offset.
 */
export function timelineOption(rows: readonly TimelineRow[], asOf: string | null | undefined, t: Translate): ChartOption {
  const now = monthIndex(asOf);
  const all = rows.flatMap((r) => [...(r.planned ?? []), ...(r.actual ?? [])]);
  if (now !== null) all.push(now);
  // Whole quarters, so the month labels fall on January, April, July and October.
  const min = all.length ? Math.floor((Math.min(...all) - 1) / 3) * 3 : 0;
  const max = all.length ? Math.ceil((Math.max(...all) + 2) / 3) * 3 : 12;
  const planName = t('projects.timeline.planned');
  const actualName = t('projects.timeline.actual');
  // A one-month bar at least, so a single date shows as a block.
  const span = (b: [number, number] | null) => (b ? Math.max(1, b[1] - b[0] + 1) : null);
  const base = (b: [number, number] | null) => (b ? b[0] : null);
  const line = (label: string, planned: string | null, actual: string | null, state: MilestoneState) =>
    `${label}: ${t('projects.timeline.planShort')} ${orEmpty(planned)} / ${t('projects.timeline.actualShort')} ${orEmpty(actual)} (${t(`projects.milestone.${state}`)})`;
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: axisTooltip(rows, (r) => [
        r.name,
        line(t('projects.milestone.start'), r.plannedStart, r.actualStart, r.start),
        line(t('projects.milestone.production'), r.plannedProduction, r.actualProduction, r.production)
      ])
    },
    legend: { data: [planName, actualName], top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      min,
      max,
      interval: 3,
      axisLabel: { formatter: (v: number) => monthLabel(v) }
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => shortName(r.name)),
      axisTick: { show: false }
    },
    series: [
      { name: 'planned-offset', type: 'bar', stack: 'planned', silent: true, itemStyle: { color: 'transparent' }, data: rows.map((r) => base(r.planned)), barGap: '10%', barMaxWidth: 10 },
      {
        name: planName,
        type: 'bar',
        stack: 'planned',
        barMaxWidth: 10,
        itemStyle: { color: 'rgba(59,111,216,0.08)', borderColor: '#3b6fd8', borderWidth: 1, borderType: 'dashed' },
        data: rows.map((r) => span(r.planned))
      },
      { name: 'actual-offset', type: 'bar', stack: 'actual', silent: true, itemStyle: { color: 'transparent' }, data: rows.map((r) => base(r.actual)), barMaxWidth: 10 },
      {
        name: actualName,
        type: 'bar',
        stack: 'actual',
        barMaxWidth: 10,
        itemStyle: { color: '#1a9d5a' },
        data: rows.map((r) => span(r.actual)),
        markLine:
          now === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#d9363e', type: 'solid' },
                label: { formatter: `${t('projects.timeline.now')} ${monthLabel(now)}`, position: 'start', color: '#d9363e' },
                data: [{ xAxis: now + 1 }]
              }
      }
    ]
  };
}

export function timelineExport(rows: readonly TimelineRow[], t: Translate, fileName: string): ExportRequest {
  const state = (s: MilestoneState) => t(`projects.milestone.${s}`);
  const columns: ExportColumn<TimelineRow>[] = [
    col.text(t('projects.col.name'), (r) => r.name, 36),
    col.text(t('projects.col.stage'), (r) => enumLabel(t, 'stage', r.stage)),
    col.text(t('projects.col.plannedStart'), (r) => r.plannedStart),
    col.text(t('projects.col.actualStart'), (r) => r.actualStart),
    col.text(t('projects.timeline.startState'), (r) => state(r.start)),
    col.text(t('projects.col.plannedProduction'), (r) => r.plannedProduction),
    col.text(t('projects.col.actualProduction'), (r) => r.actualProduction),
    col.text(t('projects.timeline.productionState'), (r) => state(r.production))
  ];
  return tableExport(fileName, t('projects.tab.timeline'), columns, rows);
}

// ---- a round's filing status -------------------------------------------------------------

export interface RoundStatus {
  round: Round;
  onTime: RoundItem[];
  late: RoundItem[];
  notFiled: RoundItem[];
  /** filed / projects in percent, or null without projects. */
  filedPct: number | null;
}

/** The round's items split into filed on time, filed late and not filed (each by name). */
export function roundStatus(d: RoundDetail): RoundStatus {
  const byName = (a: RoundItem, b: RoundItem) => a.project.name.localeCompare(b.project.name);
  const onTime = d.items.filter((i) => i.filed && !i.late).sort(byName);
  const late = d.items.filter((i) => i.filed && i.late).sort(byName);
  const notFiled = d.items.filter((i) => !i.filed).sort(byName);
  const total = d.round.projects || d.items.length;
  return { round: d.round, onTime, late, notFiled, filedPct: total ? Math.round((d.round.filed / total) * 1000) / 10 : null };
}

export type RoundList = 'notFiled' | 'late' | 'onTime';

export function roundItemsExport(items: readonly RoundItem[], list: RoundList, round: Round, lang: Lang, t: Translate): ExportRequest {
  const u = moneyUnit(lang);
  const columns: ExportColumn<RoundItem>[] = [
    col.text(t('projects.col.name'), (i) => i.project.name, 36),
    col.text(t('projects.col.level'), (i) => enumLabel(t, 'level', i.project.level)),
    col.text(t('projects.col.stage'), (i) => enumLabel(t, 'stage', i.record?.stage ?? i.project.stage)),
    col.text(t('projects.round.filedAt'), (i) => (i.record ? formatUnixTime(i.record.filed_at) : null)),
    col.text(t('projects.round.by'), (i) => i.record?.username ?? null),
    col.money(t('projects.round.completedThisYear', { unit: u }), (i) => i.record?.completed_this_year, 'region', lang),
    col.percent(t('projects.round.progress'), (i) => i.record?.progress_pct)
  ];
  const title = `${round.period} ${t(`projects.round.list.${list}`)}`;
  return tableExport(`${round.region.name}_${t('projects.round.title')}_${title}`, title, columns, items);
}

/** A round as an option: "2024-12（填报中）". */
export function roundLabel(r: Round, t: Translate): string {
  const status = r.status === 'open' ? t('projects.round.open') : r.status === 'closed' ? t('projects.round.closed') : r.status;
  return t('projects.paren', { label: r.period, n: status });
}

// ---- the three lists ---------------------------------------------------------------------

export type WatchKind = 'lagging' | 'behind_pace' | 'not_filed';
export const WATCH_KINDS: readonly WatchKind[] = ['lagging', 'behind_pace', 'not_filed'];

export function watchExport(list: readonly ListedProject[], kind: WatchKind, t: Translate, fileName: string): ExportRequest {
  const columns: ExportColumn<ListedProject>[] = [
    col.text(t('projects.col.name'), (p) => p.name, 36),
    col.text(t('projects.watch.reason'), (p) => p.reason, 60)
  ];
  return tableExport(fileName, t(`projects.watch.${kind}`), columns, list);
}

// ---- breakdowns --------------------------------------------------------------------------

export type BreakdownBy = 'stage' | 'level' | 'chain' | 'park' | 'town';
export const BREAKDOWN_BYS: readonly BreakdownBy[] = ['stage', 'level', 'chain', 'park', 'town'];

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
  total: string;
  plan: string;
  completed: string;
  rate: string;
  rateRaw: number | null;
  tone: PaceTone;
  group: SummaryGroup;
}

function groupsOf(s: ProjectSummary, by: BreakdownBy): SummaryGroup[] {
  return (s[`by_${by}`] ?? []) as SummaryGroup[];
}

/** The label of a group key: the translated stage or level, a town's name; "未归属" for an empty key. */
export function groupLabel(by: BreakdownBy, key: string, t: Translate, townNames?: ReadonlyMap<string, string>): string {
  if (!key) return t('projects.breakdown.none');
  if (by === 'stage') return enumLabel(t, 'stage', key);
  if (by === 'level') return enumLabel(t, 'level', key);
  if (by === 'town') return townNames?.get(key) ?? key;
  return key;
}

/** The groups of a cut (stages and levels in their order, others as sent) and a total row. */
export function breakdownRows(
  s: ProjectSummary,
  by: BreakdownBy,
  lang: Lang,
  t: Translate,
  townNames?: ReadonlyMap<string, string>
): { rows: BreakdownRow[]; total: BreakdownRow } {
  let groups = groupsOf(s, by);
  const order = by === 'stage' ? STAGE_ORDER : by === 'level' ? LEVELS : null;
  if (order) {
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    groups = [...groups].sort((a, b) => rank(a.key) - rank(b.key));
  }
  const row = (g: SummaryGroup, label: string): BreakdownRow => ({
    key: g.key,
    label,
    count: g.count,
    total: formatMoneyNumber(g.total_investment, lang),
    plan: formatMoneyNumber(g.annual_plan, lang),
    completed: formatMoneyNumber(g.completed_this_year, lang),
    rate: formatShare(g.completion_rate),
    rateRaw: g.completion_rate,
    tone: paceTone(g.completion_rate, s.schedule_pct),
    group: g
  });
  const totalGroup: SummaryGroup = {
    key: '',
    count: s.count,
    total_investment: s.total_investment,
    annual_plan: s.annual_plan,
    completed_this_year: s.completed_this_year,
    completion_rate: s.completion_rate
  };
  return { rows: groups.map((g) => row(g, groupLabel(by, g.key, t, townNames))), total: row(totalGroup, t('projects.breakdown.total')) };
}

export function breakdownExport(
  s: ProjectSummary,
  by: BreakdownBy,
  lang: Lang,
  t: Translate,
  fileName: string,
  townNames?: ReadonlyMap<string, string>
): ExportRequest {
  const { rows, total } = breakdownRows(s, by, lang, t, townNames);
  const u = moneyUnit(lang);
  const columns: ExportColumn<BreakdownRow>[] = [
    col.text(t(`projects.breakdown.by.${by}`), (r) => r.label, 20),
    col.integer(t('projects.breakdown.count'), (r) => r.count),
    col.money(t('projects.col.total', { unit: u }), (r) => r.group.total_investment, 'region', lang),
    col.money(t('projects.col.yearPlan', { unit: u }), (r) => r.group.annual_plan, 'region', lang),
    col.money(t('projects.col.completed', { unit: u }), (r) => r.group.completed_this_year, 'region', lang),
    col.percent(t('projects.col.rate'), (r) => r.rateRaw)
  ];
  return tableExport(fileName, t(`projects.breakdown.by.${by}`), columns, [...rows, total]);
}

/** A money amount with its unit for a card or tooltip ("1.25 亿元"). */
export function moneyText(yuan: number | null | undefined, lang: Lang): string {
  return formatMoney(yuan, lang);
}
