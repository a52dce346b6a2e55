// Wire types of GET /api/v1/projects.
import type { RegionRef, YearMonth, Yuan } from './common';

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
  level: ProjectLevel | (string & {});
  stage: ProjectStage | (string & {});
  total_investment: Yuan;
  annual_plan: Yuan | null;
  completed_this_year: Yuan | null;
  planned_start: YearMonth | null;
  actual_start: YearMonth | null;
  planned_production: YearMonth | null;
  actual_production: YearMonth | null;
  floor_area_m2: number | null;
  capacity: string | null;
  expected_output: Yuan | null;
  jobs: number | null;
}

export interface ProjectQuery {
  region?: string;
  stage?: string;
}

export interface ProjectList {
  items: Project[];
}
