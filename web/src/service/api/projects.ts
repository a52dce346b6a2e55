// /api/v1/projects and /api/v1/rounds: the key-project library, its summary, a project's
// profile and land matches, filing a round's record, the rounds and their pre-filled sheet,
// and the import of a filled sheet.
import { request, type Download } from '../request';
import type {
  LandMatch,
  ProjectList,
  ProjectProfile,
  ProjectQuery,
  ProjectSummary,
  RecordAnswer,
  RecordInput,
  RoundDetail,
  RoundList,
  SummaryGroup,
  SummaryQuery
} from '@/typings/api/projects';
import { LEVEL_ORDER, STAGE_ORDER } from '@/utils/enums';
import type { ImportReport } from '@/typings/api/imports';

/** GET /projects: the library of a region and year, filtered, with each project's figures for the round. */
export function fetchProjects(query: ProjectQuery): Promise<ProjectList> {
  return request<ProjectList>('/projects', { query: { ...query } });
}

type WireGroups = Record<string, Omit<SummaryGroup, 'key'>>;
type WireSummary = Omit<ProjectSummary, 'by_stage' | 'by_level' | 'by_chain' | 'by_park' | 'by_town'> &
  Record<'by_stage' | 'by_level' | 'by_chain' | 'by_park' | 'by_town', WireGroups>;

/** A cut sent as an object keyed by category, as a list in `order` (others after, by key). */
export function groupList(groups: WireGroups | undefined, order: readonly string[] = []): SummaryGroup[] {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.entries(groups ?? {})
    .map(([key, g]) => ({ key, ...g }))
    .sort((a, b) => rank(a.key) - rank(b.key) || (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key)));
}

/** GET /projects/summary: counts, money, rates, the three lists and the paragraph. */
export async function fetchProjectSummary(query: SummaryQuery): Promise<ProjectSummary> {
  const s = await request<WireSummary>('/projects/summary', { query: { ...query } });
  return {
    ...s,
    by_stage: groupList(s.by_stage, STAGE_ORDER),
    by_level: groupList(s.by_level, LEVEL_ORDER),
    by_chain: groupList(s.by_chain),
    by_park: groupList(s.by_park),
    by_town: groupList(s.by_town)
  };
}

/** GET /projects/{id}. Throws ApiError `not_found`. */
export function fetchProjectProfile(id: number | string): Promise<ProjectProfile> {
  return request<ProjectProfile>(`/projects/${encodeURIComponent(String(id))}`);
}

/** GET /projects/{id}/land: the project's land need and the available parcels that fit it. */
export function fetchProjectLand(id: number | string): Promise<LandMatch> {
  return request<LandMatch>(`/projects/${encodeURIComponent(String(id))}/land`);
}

/**
 * POST /projects/{id}/records. Throws ApiError `bad_transition` (the message says why),
 * `bad_request` naming the field, `not_found` when the round is not open.
 */
export function postProjectRecord(id: number | string, body: RecordInput): Promise<RecordAnswer> {
  return request<RecordAnswer>(`/projects/${encodeURIComponent(String(id))}/records`, { method: 'POST', body });
}

/** GET /rounds of a region (and year), newest first. */
export function fetchRounds(region: string, year?: number): Promise<RoundList> {
  return request<RoundList>('/rounds', { query: { region, year } });
}

/** GET /rounds/{id}: each project of the round, filed or not. */
export function fetchRound(id: number): Promise<RoundDetail> {
  return request<RoundDetail>(`/rounds/${encodeURIComponent(String(id))}`);
}

/** GET /rounds/{id}/template.xlsx: the pre-filled sheet for project owners. */
export function downloadRoundTemplate(id: number): Promise<Download> {
  return request.download(`/rounds/${encodeURIComponent(String(id))}/template.xlsx`);
}

/**
 * POST /imports/projects?region&as_of with the filled sheet as multipart `file`. A refused
 * import (422) resolves to its report like an accepted one; other failures throw ApiError.
 */
export function uploadProjectSheet(
  file: Blob,
  fileName: string,
  query: { region: string; as_of: string; dry_run?: boolean }
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, fileName);
  return request<ImportReport>('/imports/projects', {
    method: 'POST',
    body: form,
    query: { region: query.region, as_of: query.as_of, dry_run: query.dry_run ? 'true' : undefined },
    answerStatuses: [422]
  });
}
