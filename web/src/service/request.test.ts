import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, createRequest, fileNameFromDisposition, isApiError, type ClientConfig } from './request';

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;

function jsonResponse(status: number, body: unknown, statusText = ''): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    statusText,
    headers: { 'Content-Type': 'application/json' }
  });
}

function client(fetchMock: FetchMock, overrides: Partial<ClientConfig> = {}) {
  const onUnauthorized = vi.fn();
  const request = createRequest({
    baseURL: '/api/v1',
    fetch: fetchMock,
    getCsrfToken: () => 'tok-123',
    onUnauthorized,
    ...overrides
  });
  return { request, onUnauthorized };
}

function sentInit(fetchMock: FetchMock): RequestInit & { headers: Record<string, string> } {
  return fetchMock.mock.calls[0]![1] as RequestInit & { headers: Record<string, string> };
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (isApiError(e)) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('request client', () => {
  it('sends GET same-origin to /api/v1 with the query, without a CSRF header', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => jsonResponse(200, { plans: [] }));
    const { request } = client(fetchMock);
    const answer = await request<{ plans: unknown[] }>('/plans', { query: { region: '370117', q: '', x: null, y: undefined } });
    expect(answer).toEqual({ plans: [] });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/plans?region=370117');
    const init = sentInit(fetchMock);
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers['X-CSRF-Token']).toBeUndefined();
  });

  it('sends the CSRF token and a JSON body on POST', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => jsonResponse(200, { ok: true }));
    const { request } = client(fetchMock);
    await request('/things', { method: 'POST', body: { name: '精品钢' } });
    const init = sentInit(fetchMock);
    expect(init.headers['X-CSRF-Token']).toBe('tok-123');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe(JSON.stringify({ name: '精品钢' }));
    expect(init.credentials).toBe('same-origin');
  });

  it('sends the CSRF token on every non-GET method but not on HEAD', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => new Response(null, { status: 204 }));
      await client(fetchMock).request('/x', { method });
      expect(sentInit(fetchMock).headers['X-CSRF-Token']).toBe('tok-123');
    }
    const head: FetchMock = vi.fn<typeof fetch>(async () => new Response(null, { status: 200 }));
    await client(head).request('/x', { method: 'HEAD' });
    expect(sentInit(head).headers['X-CSRF-Token']).toBeUndefined();
  });

  it('reads the token at request time and sends none before login', async () => {
    let token: string | null = null;
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => new Response(null, { status: 204 }));
    const { request } = client(fetchMock, { getCsrfToken: () => token });
    await request('/auth/logout', { method: 'POST' });
    expect(sentInit(fetchMock).headers['X-CSRF-Token']).toBeUndefined();
    token = 'later';
    await request('/auth/logout', { method: 'POST' });
    expect((fetchMock.mock.calls[1]![1] as { headers: Record<string, string> }).headers['X-CSRF-Token']).toBe('later');
  });

  it('returns undefined for 204', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => new Response(null, { status: 204 }));
    await expect(client(fetchMock).request('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('parses the error envelope into an ApiError', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse(403, {
        error: { code: 'out_of_scope', message: '地区 110000 不在您的权限范围内', details: [{ region: '110000' }] }
      })
    );
    const { request, onUnauthorized } = client(fetchMock);
    const e = await caught(request('/overview', { query: { region: '110000' } }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(403);
    expect(e.code).toBe('out_of_scope');
    expect(e.message).toBe('地区 110000 不在您的权限范围内');
    expect(e.details).toEqual([{ region: '110000' }]);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('keeps the server message for bad_credentials and locked accounts', async () => {
    const fetchMock: FetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse(401, { error: { code: 'bad_credentials', message: '用户名或密码错误', details: [] } }))
      .mockResolvedValueOnce(jsonResponse(423, { error: { code: 'account_locked', message: '账户已锁定' } }));
    const { request, onUnauthorized } = client(fetchMock);
    const bad = await caught(request('/auth/login', { method: 'POST', body: {}, skipAuthRedirect: true }));
    expect([bad.status, bad.code]).toEqual([401, 'bad_credentials']);
    const locked = await caught(request('/auth/login', { method: 'POST', body: {}, skipAuthRedirect: true }));
    expect([locked.status, locked.code, locked.message, locked.details]).toEqual([423, 'account_locked', '账户已锁定', []]);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('calls the unauthorized handler on 401 unauthenticated', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse(401, { error: { code: 'unauthenticated', message: '未登录', details: [] } })
    );
    const { request, onUnauthorized } = client(fetchMock);
    const e = await caught(request('/overview'));
    expect(e.code).toBe('unauthenticated');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]![0]).toBe(e);
  });

  it('treats a 401 without an envelope as unauthenticated', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => new Response('nope', { status: 401, statusText: 'Unauthorized' }));
    const { request, onUnauthorized } = client(fetchMock);
    const e = await caught(request('/overview'));
    expect(e.code).toBe('unauthenticated');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not redirect on 401 when the request opts out (session probe)', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse(401, { error: { code: 'unauthenticated', message: '未登录', details: [] } })
    );
    const { request, onUnauthorized } = client(fetchMock);
    await caught(request('/auth/me', { skipAuthRedirect: true }));
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('falls back to the status for bodies that are not an envelope', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () =>
      new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })
    );
    const e = await caught(client(fetchMock).request('/overview'));
    expect([e.status, e.code, e.message]).toEqual([502, 'http_502', 'Bad Gateway']);
    const other: FetchMock = vi.fn<typeof fetch>(async () => jsonResponse(500, { oops: true }));
    expect((await caught(client(other).request('/x'))).code).toBe('http_500');
  });

  it('reports an unreachable server as code network, status 0', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const e = await caught(client(fetchMock).request('/overview'));
    expect([e.status, e.code]).toEqual([0, 'network']);
  });
});

describe('buildUrl', () => {
  it('joins base and path and encodes the query', () => {
    expect(buildUrl('/api/v1', '/regions', { q: '钢城', level: 'county' })).toBe(
      '/api/v1/regions?q=%E9%92%A2%E5%9F%8E&level=county'
    );
    expect(buildUrl('/api/v1/', 'chains/3')).toBe('/api/v1/chains/3');
    expect(buildUrl('/api/v1', '/enterprises', { page: 2, page_size: 50, q: undefined })).toBe(
      '/api/v1/enterprises?page=2&page_size=50'
    );
  });
});

describe('multipart uploads', () => {
  it('sends FormData as the body without setting Content-Type, with the CSRF token', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => jsonResponse(200, { applied: true }));
    const { request } = client(fetchMock);
    const form = new FormData();
    form.append('file', new Blob(['a,b\n1,2'], { type: 'text/csv' }), '月报.csv');
    await request('/imports/indicators', { method: 'POST', body: form });
    const init = sentInit(fetchMock);
    expect(init.body).toBe(form);
    expect(init.headers['Content-Type']).toBeUndefined();
    expect(init.headers['X-CSRF-Token']).toBe('tok-123');
    expect(init.credentials).toBe('same-origin');
    // What the browser would put on the wire: multipart with the field `file` and its name.
    const wire = new Request('http://x/', { method: 'POST', body: init.body as FormData });
    expect(wire.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const text = await wire.text();
    expect(text).toContain('name="file"; filename="月报.csv"');
    expect(text).toContain('a,b\n1,2');
  });

  it('returns the body of an answer status (a refused import, 422) instead of throwing', async () => {
    const report = { errors: [{ kind: 'bad_uscc_checksum', cell: 'A4' }], applied: false };
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () => jsonResponse(422, report));
    const { request, onUnauthorized } = client(fetchMock);
    await expect(request('/imports/indicators', { method: 'POST', body: new FormData(), answerStatuses: [422] })).resolves.toEqual(report);
    expect(onUnauthorized).not.toHaveBeenCalled();
    // Without the option, 422 stays an error.
    const plain: FetchMock = vi.fn<typeof fetch>(async () => jsonResponse(422, report));
    expect((await caught(client(plain).request('/imports/indicators', { method: 'POST' }))).status).toBe(422);
  });

  it('still throws an error envelope sent under an answer status', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse(422, { error: { code: 'bad_request', message: '文件为空', details: [] } })
    );
    const e = await caught(client(fetchMock).request('/imports/indicators', { method: 'POST', answerStatuses: [422] }));
    expect([e.status, e.code, e.message]).toEqual([422, 'bad_request', '文件为空']);
  });
});

describe('downloads', () => {
  const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

  it('returns the bytes, the file name and the type, through the same rules (CSRF on POST)', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(
      async () =>
        new Response(xlsx, {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('集群.xlsx')}`
          }
        })
    );
    const { request } = client(fetchMock);
    const d = await request.download('/export.xlsx', { method: 'POST', body: { file_name: '集群', sheets: [] } });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/export.xlsx');
    const init = sentInit(fetchMock);
    expect(init.headers['X-CSRF-Token']).toBe('tok-123');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.headers.Accept).toBe('*/*');
    expect(d.fileName).toBe('集群.xlsx');
    expect(d.contentType).toContain('spreadsheetml');
    expect(new Uint8Array(await d.blob.arrayBuffer())).toEqual(xlsx);
  });

  it('sends no CSRF header on a GET download and sends the user to login on 401', async () => {
    const ok: FetchMock = vi.fn<typeof fetch>(async () => new Response(xlsx, { status: 200 }));
    const d = await client(ok).request.download('/imports/templates/indicators.xlsx');
    expect(sentInit(ok).headers['X-CSRF-Token']).toBeUndefined();
    expect(d.fileName).toBeNull();

    const expired: FetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse(401, { error: { code: 'unauthenticated', message: '未登录', details: [] } })
    );
    const { request, onUnauthorized } = client(expired);
    const e = await caught(request.download('/imports/reports/x.xlsx'));
    expect(e.code).toBe('unauthenticated');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns an error answer into an ApiError', async () => {
    const fetchMock: FetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse(404, { error: { code: 'not_found', message: '没有该报告', details: [] } })
    );
    const e = await caught(client(fetchMock).request.download('/imports/reports/nope.xlsx'));
    expect([e.status, e.code]).toEqual([404, 'not_found']);
  });

  it('reads file names from Content-Disposition', () => {
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E5%AF%BC%E5%87%BA.xlsx`)).toBe('导出.xlsx');
    expect(fileNameFromDisposition('attachment; filename="report.xlsx"')).toBe('report.xlsx');
    expect(fileNameFromDisposition('attachment; filename=plain.xlsx')).toBe('plain.xlsx');
    expect(fileNameFromDisposition(`attachment; filename="a.xlsx"; filename*=UTF-8''%ZZ`)).toBe('a.xlsx');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
