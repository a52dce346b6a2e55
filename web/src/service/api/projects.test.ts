import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureRequest } from '../request';
import {
  downloadRoundTemplate,
  fetchParks,
  fetchProjectLand,
  fetchProjectProfile,
  fetchProjects,
  fetchProjectSummary,
  fetchRound,
  fetchRounds,
  groupList,
  postProjectRecord,
  uploadProjectSheet
} from './index';

describe('the project library client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds the documented paths and query strings', async () => {
    configureRequest({ getCsrfToken: () => null, onUnauthorized: () => {} });
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await fetchProjects({ region: '370114', year: 2024, stage: '在建', q: '', round: '2024-12' });
    await fetchProjectSummary({ region: '370114', year: 2024, as_of: '2024-12', chain: '新能源汽车' });
    await fetchProjectProfile(17);
    await fetchProjectLand(17);
    await fetchRounds('370114', 2024);
    await fetchRound(12);
    await fetchParks('370114');
    const e = encodeURIComponent;
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      `/api/v1/projects?region=370114&year=2024&stage=${e('在建')}&round=2024-12`,
      `/api/v1/projects/summary?region=370114&year=2024&as_of=2024-12&chain=${e('新能源汽车')}`,
      '/api/v1/projects/17',
      '/api/v1/projects/17/land',
      '/api/v1/rounds?region=370114&year=2024',
      '/api/v1/rounds/12',
      '/api/v1/parks?region=370114'
    ]);
  });

  it('turns the summary cuts (objects keyed by category) into ordered lists', () => {
    const g = (count: number) => ({ count, total_investment: 0, annual_plan: 0, completed_this_year: 0, completion_rate: null });
    const stages = groupList({ 投产: g(3), 谋划: g(1), 暂停: g(1), 在建: g(2) }, ['谋划', '签约', '在建', '投产', '暂停']);
    expect(stages.map((s) => s.key)).toEqual(['谋划', '在建', '投产', '暂停']);
    expect(stages[2].count).toBe(3);
    // Keys outside the order come after it, "" (none) last.
    expect(groupList({ '': g(1), 钢铁: g(2), 氢能: g(1) }).map((s) => s.key)).toEqual(['氢能', '钢铁', '']);
    expect(groupList(undefined)).toEqual([]);
  });

  it('posts a record as JSON with the CSRF token and surfaces bad_transition', async () => {
    configureRequest({ getCsrfToken: () => 'csrf-rec', onUnauthorized: () => {} });
    const fetchMock = vi.fn<typeof fetch>(
      async () =>
        new Response(JSON.stringify({ error: { code: 'bad_transition', message: '从在建回到签约须先暂停', details: [] } }), { status: 400 })
    );
    vi.stubGlobal('fetch', fetchMock);
    const body = { round: '2024-12', stage: '签约', completed_total: 120_000_000 };
    await expect(postProjectRecord(5, body)).rejects.toMatchObject({ code: 'bad_transition', status: 400, message: '从在建回到签约须先暂停' });
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('/api/v1/projects/5/records');
    expect(init.method).toBe('POST');
    expect(init.headers['X-CSRF-Token']).toBe('csrf-rec');
    expect(JSON.parse(String(init.body))).toEqual(body);
  });

  it('uploads a round sheet with region and as_of and takes a 422 report as the answer', async () => {
    configureRequest({ getCsrfToken: () => 'csrf-up', onUnauthorized: () => {} });
    const report = { errors: [{ kind: 'non_numeric' }], warnings: [], applied: false };
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify(report), { status: 422 }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await uploadProjectSheet(new Blob(['x']), '调度.xlsx', { region: '370114', as_of: '2024-12' })).toEqual(report);
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit];
    expect(url).toBe('/api/v1/imports/projects?region=370114&as_of=2024-12');
    expect(((init.body as FormData).get('file') as File).name).toBe('调度.xlsx');
  });

  it('downloads the round template by its path', async () => {
    configureRequest({ getCsrfToken: () => null, onUnauthorized: () => {} });
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(new Uint8Array([0x50, 0x4b]), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await downloadRoundTemplate(12);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/rounds/12/template.xlsx');
  });
});
