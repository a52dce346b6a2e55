import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureRequest } from '../request';
import { fetchEnterprises, fetchLogin, fetchMe, fetchOverview, fetchRegions } from './index';

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
