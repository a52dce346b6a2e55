import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureRequest } from '../request';
import {
  downloadImportReport,
  downloadImportTemplate,
  fetchEnterpriseProfile,
  fetchEnterprises,
  fetchLogin,
  fetchMe,
  fetchMonitorBreakdown,
  fetchMonitorMonthly,
  fetchMonitorWatch,
  fetchOverview,
  fetchRegions,
  uploadImport
} from './index';

function envelope(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message, details: [] } }), { status });
}

describe('the app client wired to the stores', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the token from the hook and redirects on 401, except for login and /auth/me', async () => {
    const onUnauthorized = vi.fn();
    configureRequest({ getCsrfToken: () => 'csrf-abc', onUnauthorized });
    const fetchMock = vi.fn<typeof fetch>(async () => envelope(401, 'unauthenticated', '未登录'));
    vi.stubGlobal('fetch', fetchMock);

    await expect(fetchMe()).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();

    await expect(fetchOverview('370117')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/v1/overview?region=370117');

    fetchMock.mockResolvedValueOnce(envelope(401, 'bad_credentials', '用户名或密码错误'));
    await expect(fetchLogin({ username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'bad_credentials' });
    const init = fetchMock.mock.calls[2]![1] as RequestInit & { headers: Record<string, string> };
    expect(fetchMock.mock.calls[2]![0]).toBe('/api/v1/auth/login');
    expect(init.method).toBe('POST');
    expect(init.headers['X-CSRF-Token']).toBe('csrf-abc');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'a', password: 'b' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('builds the documented query strings', async () => {
    configureRequest({ getCsrfToken: () => null, onUnauthorized: () => {} });
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await fetchRegions({ q: '钢城', level: 'county' });
    await fetchEnterprises({ region: '370117', q: '', page: 2, page_size: 50 });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      `/api/v1/regions?q=${encodeURIComponent('钢城')}&level=county`,
      '/api/v1/enterprises?region=370117&page=2&page_size=50'
    ]);
  });
});

describe('the new areas', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds the monitoring and profile query strings', async () => {
    configureRequest({ getCsrfToken: () => null, onUnauthorized: () => {} });
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await fetchMonitorMonthly({ region: '370306', scope: '规上', combine_jan_feb: true });
    await fetchMonitorMonthly({ region: '370306', scope: 'all', combine_jan_feb: false });
    await fetchMonitorBreakdown({ region: '370306', by: 'town', indicator: 'revenue', month: '2024-06', scope: '规上' });
    await fetchMonitorWatch({ region: '370306', month: undefined });
    await fetchEnterpriseProfile('91370306MA0CR9YX6A');
    const g = encodeURIComponent('规上');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      `/api/v1/monitor/monthly?region=370306&scope=${g}&combine_jan_feb=true`,
      '/api/v1/monitor/monthly?region=370306&scope=all',
      `/api/v1/monitor/breakdown?region=370306&by=town&indicator=revenue&month=2024-06&scope=${g}`,
      '/api/v1/monitor/watch?region=370306',
      '/api/v1/enterprises/91370306MA0CR9YX6A/profile'
    ]);
  });

  it('uploads an import as multipart field `file` and takes a 422 report as the answer', async () => {
    configureRequest({ getCsrfToken: () => 'csrf-up', onUnauthorized: () => {} });
    const report = { errors: [{ kind: 'bad_uscc_checksum', cell: 'A4' }], warnings: [], applied: false, report_id: 'r1' };
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify(report), { status: 422 }));
    vi.stubGlobal('fetch', fetchMock);
    const answer = await uploadImport('indicators', new Blob(['x']), 'bad_indicators.xlsx', '370117');
    expect(answer).toEqual(report);
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('/api/v1/imports/indicators?region=370117');
    expect(init.method).toBe('POST');
    expect(init.headers['X-CSRF-Token']).toBe('csrf-up');
    expect(init.headers['Content-Type']).toBeUndefined();
    const form = init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get('file') as File).name).toBe('bad_indicators.xlsx');
  });

  it('downloads reports and templates by their documented paths', async () => {
    configureRequest({ getCsrfToken: () => null, onUnauthorized: () => {} });
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(new Uint8Array([0x50, 0x4b]), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await downloadImportReport('20261124-095735_aeb64e7eadb7_bad_indicators.xlsx');
    await downloadImportTemplate('published');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/imports/reports/20261124-095735_aeb64e7eadb7_bad_indicators.xlsx.xlsx',
      '/api/v1/imports/templates/published.xlsx'
    ]);
  });
});
