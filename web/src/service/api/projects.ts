// /api/v1/projects: the key-project library.
import { request } from '../request';
import type { ProjectList, ProjectQuery } from '@/typings/api/projects';

/** GET /projects of a region, optionally of one stage. */
export function fetchProjects(query: ProjectQuery): Promise<ProjectList> {
  return request<ProjectList>('/projects', { query: { ...query } });
}
