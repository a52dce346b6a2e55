// Wire types of the key-project library (重点项目库), its scheduling rounds (调度) and the land
// a project needs (docs/api.md, "Key projects ..."). Money in integer 元, months "YYYY-MM",
// dates "YYYY-MM-DD", rates in percent with one decimal or null when there is no base.
import type { IsoDate, RegionRef, YearMonth, Yuan } from './common';
import type { Parcel } from './parks';

export type ProjectLevel = '省重大' | '省优选' | '省重点' | '市重点' | '区级重点';
export type ProjectStage =
  | '谋划'
  | '签约'
  | '开工'
  | '在建'
  | '试投产'
  | '投产'
  | '达产'
  | '暂停'
  | '终止';

export interface Project {
  id: number;
  name: string;
  region: RegionRef;
  town: RegionRef | null;
  level: ProjectLevel | (string & {}) | null;
  stage: ProjectStage | (string & {});
  /** The chain's name, or null / "" when the project belongs to none. */
  chain?: string | null;
  cluster?: string | null;
  /** The park's name. */
  park?: string | null;
  park_id?: number | null;
  total_investment: Yuan;
  annual_plan: Yuan | null;
  completed_this_year: Yuan | null;
  /** 累计完成投资 since the start. */
  completed_total?: Yuan | null;
  planned_start: YearMonth | null;
  actual_start: YearMonth | null;
  planned_production: YearMonth | null;
  actual_production: YearMonth | null;
  planned_completion?: YearMonth | null;
  floor_area_m2: number | null;
  land_ha?: number | null;
  capacity: string | null;
  capacity_unit?: string | null;
  expected_output: Yuan | null;
  jobs: number | null;
  /** 项目管家. */
  manager?: string | null;
  /** 分管领导. */
  leader?: string | null;
  /** Why it is 暂停 or 终止. */
  stage_reason?: string | null;
  source?: string | null;
}

/** One project's filing for one round; immutable (a correction is a new record, the latest counts). */
export interface ProjectRecord {
  id: number;
  round: YearMonth;
  /** Unix seconds. */
  filed_at: number;
  completed_total: Yuan | null;
  completed_period: Yuan | null;
  completed_this_year: Yuan | null;
  progress_pct: number | null;
  stage: ProjectStage | (string & {});
  workers: number | null;
  problems: string | null;
  source: 'page' | 'api' | 'import' | (string & {});
  username: string | null;
  late: boolean;
}

/** A row of GET /projects: the project plus its figures in the requested year and round. */
export interface ProjectRow extends Project {
  year_level: ProjectLevel | (string & {}) | null;
  year_plan: Yuan | null;
  filed: boolean;
  last_record: ProjectRecord | null;
  completion_rate: number | null;
}

/** A scheduling round (调度): one period of a region with its deadline. */
export interface Round {
  id: number;
  region: RegionRef;
  period: YearMonth;
  deadline: IsoDate;
  status: 'open' | 'closed' | (string & {});
  projects: number;
  filed: number;
  late: number;
}

export interface ProjectQuery {
  region?: string;
  year?: number;
  stage?: string;
  level?: string;
  chain?: string;
  park?: string;
  town?: string;
  /** Name contains. */
  q?: string;
  /** "YYYY-MM"; default the latest round of the year. */
  round?: string;
}

export interface ProjectList {
  year: number;
  /** The report month the rows stand at (the round's period, else December or the current month). */
  as_of?: YearMonth;
  round: Round | null;
  items: ProjectRow[];
}

/** POST /projects/{id}/records. Money in 元. */
export interface RecordInput {
  round: YearMonth;
  stage: string;
  /** Needed for 暂停 and 终止. */
  reason?: string;
  /** Stage change date; default the filing day. */
  on_date?: IsoDate;
  completed_total?: Yuan | null;
  completed_period?: Yuan | null;
  completed_this_year?: Yuan | null;
  progress_pct?: number | null;
  workers?: number | null;
  problems?: string;
}

export interface RecordAnswer {
  record: ProjectRecord;
  project: Project;
}

export interface ProjectYear {
  year: number;
  level: ProjectLevel | (string & {}) | null;
  annual_plan: Yuan | null;
}

export interface StageChange {
  on_date: IsoDate;
  from: string | null;
  to: string;
  reason: string | null;
  username: string | null;
}

export interface Approval {
  /** 立项/备案, 用地, 环评, 施工许可. */
  kind: string;
  on_date: IsoDate | null;
  /** 未办理, 办理中, 已办结. */
  status: string;
  note: string | null;
}

/** 要素保障: land, energy, funds … with their status. */
export interface Need {
  id?: number;
  kind: string;
  amount: number | null;
  unit: string | null;
  /** The amount in hectares for a land need in 公顷 or 亩, else null. */
  hectares?: number | null;
  /** 待保障, 协调中, 已保障. */
  status: string;
  note: string | null;
}

export interface Milestone {
  name: '开工' | '投产' | '竣工' | (string & {});
  planned: YearMonth | null;
  actual: YearMonth | null;
}

export interface ProjectProfile {
  project: Project;
  years: ProjectYear[];
  stages: StageChange[];
  approvals: Approval[];
  needs: Need[];
  /** Every round, oldest first. */
  records: ProjectRecord[];
  milestones: Milestone[];
  lead: { id: number; firm_name: string } | null;
}

/** One group of a summary cut (by stage, level, chain, park or town). */
export interface SummaryGroup {
  /** The category ("" = none): a stage, level, chain, park, or a town's 9-digit code. */
  key: string;
  /** The category's name (a town's name in by_town). */
  name?: string;
  count: number;
  total_investment: Yuan;
  annual_plan: Yuan;
  completed_this_year: Yuan;
  completion_rate: number | null;
}

export interface ListedProject {
  id: number;
  name: string;
  reason: string;
}

/** A number of the paragraph and the summary field it comes from. */
export interface SummaryFact {
  text: string;
  field: string;
  value: number | string | null;
}

export interface ProjectSummary {
  region: RegionRef | string;
  year: number;
  as_of: YearMonth;
  /** 时序进度 = month / 12, in percent. */
  schedule_pct: number;
  count: number;
  total_investment: Yuan;
  annual_plan: Yuan;
  completed_this_year: Yuan;
  completion_rate: number | null;
  /** Projects at 开工 or later. */
  started: number;
  /** Projects planned to start by the report month. */
  start_due: number;
  /** Of those due, the ones started (开工率 = started_due / start_due); absent from older servers. */
  started_due?: number;
  start_rate: number | null;
  producing: number;
  production_due: number;
  producing_due?: number;
  production_rate: number | null;
  /** Each cut in lifecycle / level / name order (the client orders the server's objects). */
  by_stage: SummaryGroup[];
  by_level: SummaryGroup[];
  by_chain: SummaryGroup[];
  by_park: SummaryGroup[];
  by_town: SummaryGroup[];
  lagging: ListedProject[];
  behind_pace: ListedProject[];
  not_filed: ListedProject[];
  /** Whether the report month has a round (without one, nobody is "not filed"). */
  has_round?: boolean;
  paragraph: string;
  facts: SummaryFact[];
}

export interface SummaryQuery {
  region?: string;
  year?: number;
  as_of?: string;
  stage?: string;
  level?: string;
  chain?: string;
  park?: string;
  town?: string;
}

export interface RoundList {
  rounds: Round[];
}

export interface RoundItem {
  project: { id: number; name: string; level: string | null; stage: string };
  filed: boolean;
  late: boolean;
  record: ProjectRecord | null;
}

export interface RoundDetail {
  round: Round;
  items: RoundItem[];
}

/** A land need: as the server words it ("17.1公顷"), or as amount and unit; and in hectares. */
export interface LandNeed {
  text?: string;
  amount?: number;
  unit?: string;
  hectares: number | null;
}

export interface LandMatch {
  need: LandNeed | null;
  /** Available parcels (可供 or 闲置) matching the need, each with why it fits. */
  parcels: (Parcel & { fit: string })[];
}
