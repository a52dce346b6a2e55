// The project profile's view model (GET /projects/{id}): the header facts, milestones planned
// vs actual, stage history, approvals, 要素保障 needs, land matches, the round history with its
// chart, and the "填报本期" form (amounts typed in 万元, sent as integer 元). A project's money
// is shown in 万元 like a firm's; its total investment also in 亿元. Pure, so it is unit-tested.
import type { ChartOption } from '@/plugins/echarts';
import type { ExportRequest } from '@/typings/api/export';
import type { LandMatch, ProjectProfile, ProjectRecord, RecordInput, Round } from '@/typings/api/projects';
import { isApiError } from '@/service/request';
import { axisTooltip } from '@/utils/chart';
import { col, tableExport, type ExportColumn } from '@/utils/export';
import { enumLabel } from '@/utils/enums';
import { EMPTY, formatCount, formatMoney, formatScaled, formatShare, formatUnixTime, formatWan, orEmpty, wanValue, type Lang } from '@/utils/format';
import { milestoneState, type MilestoneState } from '../projects/model';

export type Translate = (key: string, named?: Record<string, unknown>) => string;
export type TranslateExists = (key: string) => boolean;

/** Stages that need a reason. */
export const REASON_STAGES: readonly string[] = ['暂停', '终止'];

export interface Fact {
  key: string;
  label: string;
  value: string;
  /** Columns of the facts grid it spans (long texts take a whole row). */
  span: number;
}

/** "2024 省重点 · 2023 市重点", newest year first. */
export function levelsText(p: ProjectProfile, t: Translate): string {
  const years = [...p.years].filter((y) => y.level).sort((a, b) => b.year - a.year);
  if (!years.length) return enumLabel(t, 'level', p.project.level);
  return years.map((y) => `${y.year} ${enumLabel(t, 'level', y.level)}`).join(' · ');
}

/** Capacity with its unit unless the text already carries it. */
export function capacityText(capacity: string | null | undefined, unit: string | null | undefined): string {
  if (!capacity) return EMPTY;
  if (!unit || capacity.includes(unit)) return capacity;
  return `${capacity}${unit}`;
}

/** The columns of the facts grid. */
export const FACT_COLUMNS = 4;

/** The header facts in their order; the source, a long text, fills the rest of the last row. */
export function profileFacts(p: ProjectProfile, lang: Lang, t: Translate): Fact[] {
  const x = p.project;
  const f = (key: string, value: string): Fact => ({ key, label: t(`projectProfile.fact.${key}`), value: value || EMPTY, span: 1 });
  const facts = [
    f('level', levelsText(p, t)),
    f('stage', x.stage_reason ? t('projects.paren', { label: enumLabel(t, 'stage', x.stage), n: x.stage_reason }) : enumLabel(t, 'stage', x.stage)),
    f('region', x.town ? `${x.region.name} · ${x.town.name}` : x.region.name),
    f('chain', orEmpty(x.chain)),
    f('cluster', orEmpty(x.cluster)),
    f('park', orEmpty(x.park)),
    f('manager', orEmpty(x.manager)),
    f('leader', orEmpty(x.leader)),
    f('total', formatMoney(x.total_investment, lang)),
    f('completedTotal', x.completed_total === null || x.completed_total === undefined ? EMPTY : `${formatWan(x.completed_total)} ${t('unit.wan')}`),
    f('capacity', capacityText(x.capacity, x.capacity_unit)),
    f('output', x.expected_output === null ? EMPTY : formatMoney(x.expected_output, lang)),
    f('jobs', x.jobs === null ? EMPTY : `${formatCount(x.jobs)} ${t('unit.people')}`),
    f('land', x.land_ha === null || x.land_ha === undefined ? EMPTY : `${formatScaled(x.land_ha, 1, 2)} ${t('parks.unitHa')}`),
    f('floorArea', x.floor_area_m2 === null || x.floor_area_m2 === undefined ? EMPTY : `${formatCount(Math.round(x.floor_area_m2))} ${t('projectProfile.squareMetres')}`),
    f('lead', p.lead ? p.lead.firm_name : EMPTY)
  ];
  const rest = FACT_COLUMNS - (facts.length % FACT_COLUMNS);
  return [...facts, { ...f('source', orEmpty(x.source)), span: rest }];
}

export interface MilestoneRow {
  name: string;
  label: string;
  planned: string;
  actual: string;
  state: MilestoneState;
}

const MILESTONE_KEYS: Record<string, string> = { 开工: 'start', 投产: 'production', 竣工: 'completion' };

/** The milestones with where each stands at `asOf` (the latest round, else today). */
export function milestoneRows(p: ProjectProfile, asOf: string | null, t: Translate, te: TranslateExists): MilestoneRow[] {
  return p.milestones.map((m) => {
    const key = MILESTONE_KEYS[m.name] ? `projectProfile.milestoneName.${MILESTONE_KEYS[m.name]}` : '';
    return {
      name: m.name,
      label: key && te(key) ? t(key) : m.name,
      planned: orEmpty(m.planned),
      actual: orEmpty(m.actual),
      state: milestoneState(m.planned, m.actual, asOf)
    };
  });
}

/** The report month the profile is read at: its latest record's round, else the current month. */
export function profileAsOf(p: ProjectProfile, now: Date = new Date()): string {
  const last = p.records.at(-1)?.round;
  if (last) return last;
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** Stage changes, newest first. */
export function stageRows(p: ProjectProfile) {
  return [...p.stages].sort((a, b) => b.on_date.localeCompare(a.on_date));
}

export interface NeedRow {
  kind: string;
  amount: string;
  status: string;
  note: string;
}

export function needRows(p: ProjectProfile): NeedRow[] {
  return p.needs.map((n) => ({
    kind: n.kind,
    amount: n.amount === null ? EMPTY : `${formatAmount(n.amount)}${n.unit ? ` ${n.unit}` : ''}`,
    status: orEmpty(n.status),
    note: orEmpty(n.note)
  }));
}

/** A plain quantity: integers as they are, else up to two decimals. */
export function formatAmount(v: number): string {
  return Number.isInteger(v) ? formatCount(v) : formatScaled(v, 1, 2).replace(/\.?0+$/, '');
}

/** The tag colour of an approval or need status. */
export function statusType(status: string | null | undefined): 'success' | 'warning' | 'info' | 'danger' {
  if (!status) return 'info';
  if (/已办结|已保障|已批|已取得|完成/.test(status)) return 'success';
  if (/办理中|协调中|进行/.test(status)) return 'warning';
  if (/未|待/.test(status)) return 'danger';
  return 'info';
}

// ---- round history ---------------------------------------------------------------------

export interface RecordRow {
  id: number;
  round: string;
  stage: string;
  period: string;
  thisYear: string;
  total: string;
  progress: string;
  workers: string;
  problems: string;
  filedAt: string;
  by: string;
  source: string;
  late: boolean;
  record: ProjectRecord;
}

/** Where a record came from: 页面填报 / API / Excel 导入; unknown sources as sent. */
export function sourceLabel(source: string, t: Translate, te: TranslateExists): string {
  const key = `projectProfile.source.${source}`;
  return te(key) ? t(key) : source;
}

/** One row per record, newest round first (and the later filing of a round first). */
export function recordRows(p: ProjectProfile): RecordRow[] {
  return [...p.records]
    .sort((a, b) => b.round.localeCompare(a.round) || b.filed_at - a.filed_at || b.id - a.id)
    .map((r) => ({
      id: r.id,
      round: r.round,
      stage: r.stage,
      period: formatWan(r.completed_period),
      thisYear: formatWan(r.completed_this_year),
      total: formatWan(r.completed_total),
      progress: formatShare(r.progress_pct),
      workers: formatCount(r.workers),
      problems: orEmpty(r.problems),
      filedAt: formatUnixTime(r.filed_at),
      by: orEmpty(r.username),
      source: r.source,
      late: r.late,
      record: r
    }));
}

/** The record that counts for each round (the latest filing), oldest round first. */
export function latestPerRound(records: readonly ProjectRecord[]): ProjectRecord[] {
  const byRound = new Map<string, ProjectRecord>();
  for (const r of records) {
    const seen = byRound.get(r.round);
    if (!seen || r.filed_at > seen.filed_at || (r.filed_at === seen.filed_at && r.id > seen.id)) byRound.set(r.round, r);
  }
  return [...byRound.values()].sort((a, b) => a.round.localeCompare(b.round));
}

/** 年度计划投资 of a round's year (from the project's years), or null. */
export function planOfRound(p: ProjectProfile, round: string): number | null {
  const year = Number(round.slice(0, 4));
  return p.years.find((y) => y.year === year)?.annual_plan ?? null;
}

/** Bars: 本年累计完成投资 per round; lines: that year's 年度计划投资 and 累计完成投资; all in 万元. */
export function recordsChartOption(p: ProjectProfile, t: Translate): ChartOption {
  const records = latestPerRound(p.records);
  const thisYear = t('projectProfile.chart.thisYear');
  const plan = t('projectProfile.chart.plan');
  const total = t('projectProfile.chart.total');
  const wan = t('unit.wan');
  return {
    tooltip: {
      trigger: 'axis',
      formatter: axisTooltip(records, (r) => [
        r.round,
        `${thisYear}: ${formatWan(r.completed_this_year)} ${wan}`,
        `${plan}: ${formatWan(planOfRound(p, r.round))} ${wan}`,
        `${total}: ${formatWan(r.completed_total)} ${wan}`
      ])
    },
    legend: { data: [thisYear, plan, total], top: 0 },
    grid: { left: 80, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: records.map((r) => r.round) },
    yAxis: { type: 'value', name: wan },
    series: [
      { name: thisYear, type: 'bar', barMaxWidth: 28, data: records.map((r) => wanValue(r.completed_this_year)), itemStyle: { color: '#3b6fd8' } },
      {
        name: plan,
        type: 'line',
        step: 'end',
        symbol: 'none',
        data: records.map((r) => wanValue(planOfRound(p, r.round))),
        lineStyle: { type: 'dashed', color: '#d9363e' },
        itemStyle: { color: '#d9363e' }
      },
      { name: total, type: 'line', data: records.map((r) => wanValue(r.completed_total)), itemStyle: { color: '#e08a2b' } }
    ]
  };
}

export function recordsExport(p: ProjectProfile, t: Translate): ExportRequest {
  const wan = t('unit.wan');
  const columns: ExportColumn<RecordRow>[] = [
    col.text(t('projectProfile.record.round'), (r) => r.round),
    col.text(t('projectProfile.record.stage'), (r) => enumLabel(t, 'stage', r.stage)),
    col.money(t('projectProfile.record.period', { unit: wan }), (r) => r.record.completed_period, 'firm', 'zh-CN'),
    col.money(t('projectProfile.record.thisYear', { unit: wan }), (r) => r.record.completed_this_year, 'firm', 'zh-CN'),
    col.money(t('projectProfile.record.total', { unit: wan }), (r) => r.record.completed_total, 'firm', 'zh-CN'),
    col.percent(t('projectProfile.record.progress'), (r) => r.record.progress_pct),
    col.integer(t('projectProfile.record.workers'), (r) => r.record.workers),
    col.text(t('projectProfile.record.problems'), (r) => r.record.problems, 40),
    col.text(t('projectProfile.record.filedAt'), (r) => r.filedAt),
    col.text(t('projectProfile.record.by'), (r) => r.record.username),
    col.text(t('projectProfile.record.source'), (r) => r.source),
    col.text(t('projectProfile.record.late'), (r) => (r.late ? t('common.yes') : t('common.no')))
  ];
  return tableExport(`${p.project.name}_${t('projectProfile.recordsTitle')}`, t('projectProfile.recordsTitle'), columns, recordRows(p));
}

// ---- land ------------------------------------------------------------------------------

export function landNeedText(land: LandMatch, t: Translate): string {
  const n = land.need;
  if (!n) return t('projectProfile.land.noNeed');
  if (n.text) return n.text;
  if (n.amount === undefined) return n.hectares === null ? EMPTY : `${formatScaled(n.hectares, 1, 2)} ${t('parks.unitHa')}`;
  const amount = `${formatAmount(n.amount)} ${n.unit ?? ''}`.trim();
  if (n.hectares === null || n.hectares === undefined || n.unit === '公顷') return amount;
  return t('projects.paren', { label: amount, n: `${formatScaled(n.hectares, 1, 2)} ${t('parks.unitHa')}` });
}

export function landExport(land: LandMatch, projectName: string, t: Translate): ExportRequest {
  type Row = LandMatch['parcels'][number];
  const columns: ExportColumn<Row>[] = [
    col.text(t('parks.col.code'), (r) => r.code),
    col.decimal(t('parks.col.area'), (r) => r.area_ha),
    col.text(t('parks.col.landUse'), (r) => r.land_use),
    col.text(t('parks.col.status'), (r) => r.status),
    col.text(t('projectProfile.land.fit'), (r) => r.fit, 40)
  ];
  return tableExport(`${projectName}_${t('projectProfile.land.title')}`, t('projectProfile.land.title'), columns, land.parcels);
}

// ---- the "填报本期" form ---------------------------------------------------------------------

/** What the form holds; money in 万元 as typed. */
export interface RecordForm {
  round: string;
  stage: string;
  reason: string;
  onDate: string;
  completedTotalWan: number | null;
  completedPeriodWan: number | null;
  completedThisYearWan: number | null;
  progressPct: number | null;
  workers: number | null;
  problems: string;
}

/** 元 → 万元 for a form field (2 decimals), null stays null. */
export function yuanToWan(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return null;
  return Math.round(yuan / 100) / 100;
}

/** 万元 as typed → integer 元, rounded half away from zero; null stays null. */
export function wanToYuan(wan: number | null | undefined): number | null {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return null;
  const cents = Math.round(Math.abs(wan) * 10000 * 100) / 100; // cut binary drift before rounding
  return Math.sign(wan) * Math.round(cents);
}

/** The open rounds a record can be filed for, newest first. */
export function openRounds(rounds: readonly Round[]): Round[] {
  return rounds.filter((r) => r.status === 'open').sort((a, b) => b.period.localeCompare(a.period));
}

/**
 * The form's starting values: the newest open round, the project's stage, and the figures of
 * its latest record (so a filing only changes what moved). 本期完成 starts empty.
 */
export function initialForm(p: ProjectProfile, rounds: readonly Round[]): RecordForm {
  const last = latestPerRound(p.records).at(-1) ?? null;
  const round = openRounds(rounds)[0]?.period ?? '';
  const sameYear = !!last && !!round && last.round.slice(0, 4) === round.slice(0, 4);
  return {
    round,
    stage: p.project.stage,
    reason: '',
    onDate: '',
    completedTotalWan: yuanToWan(last?.completed_total ?? p.project.completed_total),
    completedPeriodWan: null,
    completedThisYearWan: sameYear ? yuanToWan(last?.completed_this_year) : null,
    progressPct: last?.progress_pct ?? null,
    workers: last?.workers ?? null,
    problems: ''
  };
}

/**
 * The cumulative figures after this period's investment: the starting 本年累计 (0 in a new year)
 * and 累计 (unknown stays unknown) plus 本期完成, in 万元 with two decimals.
 */
export function cumulativesAfter(start: Pick<RecordForm, 'completedThisYearWan' | 'completedTotalWan'>, periodWan: number | null): { thisYear: number | null; total: number | null } {
  if (periodWan === null || !Number.isFinite(periodWan)) return { thisYear: start.completedThisYearWan, total: start.completedTotalWan };
  const add = (a: number, b: number) => Math.round((a + b) * 100) / 100;
  return {
    thisYear: add(start.completedThisYearWan ?? 0, periodWan),
    total: start.completedTotalWan === null ? null : add(start.completedTotalWan, periodWan)
  };
}

/** What is wrong with the form before it is sent (locale messages), empty when it can go. */
export function validateForm(f: RecordForm, t: Translate): string[] {
  const errors: string[] = [];
  if (!f.round) errors.push(t('projectProfile.form.needRound'));
  if (!f.stage) errors.push(t('projectProfile.form.needStage'));
  if (REASON_STAGES.includes(f.stage) && !f.reason.trim()) errors.push(t('projectProfile.form.needReason', { stage: enumLabel(t, 'stage', f.stage) }));
  const money: [number | null, string][] = [
    [f.completedTotalWan, 'projectProfile.form.completedTotal'],
    [f.completedPeriodWan, 'projectProfile.form.completedPeriod'],
    [f.completedThisYearWan, 'projectProfile.form.completedThisYear']
  ];
  for (const [v, key] of money) if (v !== null && v < 0) errors.push(t('projectProfile.form.negative', { field: t(key) }));
  if (f.progressPct !== null && (f.progressPct < 0 || f.progressPct > 100)) errors.push(t('projectProfile.form.badProgress'));
  if (f.workers !== null && (f.workers < 0 || !Number.isInteger(f.workers))) errors.push(t('projectProfile.form.badWorkers'));
  return errors;
}

/** The request body: money in integer 元, empty fields left out. */
export function formToInput(f: RecordForm): RecordInput {
  const body: RecordInput = { round: f.round, stage: f.stage };
  if (f.reason.trim()) body.reason = f.reason.trim();
  if (f.onDate) body.on_date = f.onDate;
  const total = wanToYuan(f.completedTotalWan);
  const period = wanToYuan(f.completedPeriodWan);
  const thisYear = wanToYuan(f.completedThisYearWan);
  if (total !== null) body.completed_total = total;
  if (period !== null) body.completed_period = period;
  if (thisYear !== null) body.completed_this_year = thisYear;
  if (f.progressPct !== null) body.progress_pct = f.progressPct;
  if (f.workers !== null) body.workers = f.workers;
  if (f.problems.trim()) body.problems = f.problems.trim();
  return body;
}

/**
 * The text of a refused filing: the server's own message for the codes whose message says
 * why (bad_transition, bad_request, not_found: the round is not open), after a short title.
 */
export function recordErrorText(e: unknown, t: Translate, te: TranslateExists): { title: string; detail: string; code: string } {
  if (isApiError(e)) {
    const key = `projectProfile.form.error.${e.code}`;
    const title = te(key) ? t(key) : te(`error.${e.code}`) ? t(`error.${e.code}`) : t('projectProfile.form.error.other');
    const detail = e.message && e.message !== e.code && e.message !== title ? e.message : '';
    return { title, detail, code: e.code };
  }
  return { title: t('projectProfile.form.error.other'), detail: e instanceof Error ? e.message : String(e), code: 'unknown' };
}
