import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureRequest } from '../request';
import {
  fetchAttraction,
  fetchChainAnalysis,
  fetchFirmTags,
  fetchLeadEvents,
  fetchLeads,
  fetchLinkFirms,
  fetchRelatedness,
  postLead,
  postLeadMove,
  postTagDecision
} from './index';

describe('the chains client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds the documented paths and query strings', async () => {
    configureRequest({ getCsrfToken: () => null, onUnauthorized: () => {} });
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await fetchChainAnalysis(3, '370114');
    await fetchLinkFirms(22, '370114');
    await fetchFirmTags('91370114MA4XHDTU21');
    await fetchRelatedness('370114');
    await fetchAttraction('370114', '装配式建筑');
    await fetchAttraction('370114', '集成电路', 5);
    await fetchLeads('370114', '装配式建筑');
    await fetchLeads('370114');
    await fetchLeadEvents(7);
    const e = encodeURIComponent;
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/chains/3/analysis?region=370114',
      '/api/v1/links/22/firms?region=370114',
      '/api/v1/enterprises/91370114MA4XHDTU21/tags',
      '/api/v1/relatedness?region=370114',
      `/api/v1/attraction?region=370114&chain=${e('装配式建筑')}`,
      `/api/v1/attraction?region=370114&chain=${e('集成电路')}&limit=5`,
      `/api/v1/leads?region=370114&chain=${e('装配式建筑')}`,
      '/api/v1/leads?region=370114',
      '/api/v1/leads/7/events'
    ]);
  });

  it('posts decisions, new leads (region in the query) and moves with the CSRF token', async () => {
    configureRequest({ getCsrfToken: () => 'csrf-1', onUnauthorized: () => {} });
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('{}', { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    await postTagDecision('91370114MA4XHDTU21', { chain: '装配式建筑', link: 'fitout', decision: 'reject', note: '核实' });
    await postLead('370114', { chain: '装配式建筑', uscc: '91370117MA26L2GH7Q', link_id: 22, expected_investment: 500_000_000 });
    await postLeadMove(7, { stage: '签约', note: '签约仪式' });
    const calls = fetchMock.mock.calls.map(([url, init]) => {
      const i = init as RequestInit & { headers: Record<string, string> };
      return [url, i.method, i.headers['X-CSRF-Token'], JSON.parse(String(i.body))];
    });
    expect(calls).toEqual([
      ['/api/v1/enterprises/91370114MA4XHDTU21/tags', 'POST', 'csrf-1', { chain: '装配式建筑', link: 'fitout', decision: 'reject', note: '核实' }],
      ['/api/v1/leads?region=370114', 'POST', 'csrf-1', { chain: '装配式建筑', uscc: '91370117MA26L2GH7Q', link_id: 22, expected_investment: 500_000_000 }],
      ['/api/v1/leads/7/move', 'POST', 'csrf-1', { stage: '签约', note: '签约仪式' }]
    ]);
  });

  it('turns a refused move into an ApiError with the server reason', async () => {
    configureRequest({ getCsrfToken: () => 'csrf-1', onUnauthorized: () => {} });
    const body = { error: { code: 'bad_request', message: 'a lead moves forward only (from 签约 to 线索)', details: [] } };
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status: 400 })));
    await expect(postLeadMove(7, { stage: '线索' })).rejects.toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'a lead moves forward only (from 签约 to 线索)'
    });
  });
});
