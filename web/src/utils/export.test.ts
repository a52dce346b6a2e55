import { describe, expect, it, vi } from 'vitest';
import { createRequest, type Download } from '@/service/request';
import type { ExportRequest } from '@/typings/api/export';
import { buildExportRequest, buildSheet, col, exportFileName, exportXlsx, tableExport } from './export';

interface Row {
  name: string;
  revenue: number | null;
  yoy: number | null;
  firms: number;
  energyKg: number | null;
  capital: number | null;
}

const rows: Row[] = [
  { name: '精品钢', revenue: 133_500_000_000, yoy: 3.49, firms: 36, energyKg: 21_707_625, capital: 50_000_000 },
  { name: '新能源', revenue: null, yoy: null, firms: 0, energyKg: null, capital: null }
];

describe('export request', () => {
  it('sends money as integer 元 with the unit on screen (亿元 for a region, 万元 for a firm), rates as percent', () => {
    const req = tableExport('钢城区_产业集群', '集群', [
      col.text<Row>('集群', (r) => r.name, 16),
      col.money<Row>('营业收入（亿元）', (r) => r.revenue, 'region', 'zh-CN'),
      col.percent<Row>('同比', (r) => r.yoy),
      col.integer<Row>('企业数', (r) => r.firms),
      col.energy<Row>('综合能源消费量（吨标准煤）', (r) => r.energyKg),
      col.money<Row>('注册资本（万元）', (r) => r.capital, 'firm', 'zh-CN')
    ], rows);
    expect(req).toEqual({
      file_name: '钢城区_产业集群.xlsx',
      sheets: [
        {
          name: '集群',
          columns: [
            { header: '集群', type: 'text', width: 16 },
            { header: '营业收入（亿元）', type: 'money', unit: '亿元', decimals: 2 },
            { header: '同比', type: 'percent', decimals: 1 },
            { header: '企业数', type: 'integer', decimals: 0 },
            { header: '综合能源消费量（吨标准煤）', type: 'decimal', decimals: 2 },
            { header: '注册资本（万元）', type: 'money', unit: '万元', decimals: 2 }
          ],
          rows: [
            ['精品钢', 133_500_000_000, 3.49, 36, 21_707.625, 50_000_000],
            ['新能源', null, null, 0, null, null]
          ]
        }
      ]
    });
    // Integers stay integers on the wire (the server reads money as an integer number of 元).
    expect(JSON.stringify(req.sheets[0]!.rows[0])).toBe('["精品钢",133500000000,3.49,36,21707.625,50000000]');
  });

  it('writes big money in English as bn yuan numbers, since the export has no bn-yuan unit', () => {
    const [sheet] = buildExportRequest('x', [
      buildSheet('Clusters', [col.money<Row>('Revenue (bn yuan)', (r) => r.revenue, 'region', 'en-US')], rows)
    ]).sheets;
    expect(sheet!.columns).toEqual([{ header: 'Revenue (bn yuan)', type: 'decimal', decimals: 2 }]);
    expect(sheet!.rows).toEqual([[133.5], [null]]);
    // A firm's money stays 万元 money in English too.
    const [firm] = buildExportRequest('x', [buildSheet('Firms', [col.money<Row>('Capital (10k yuan)', (r) => r.capital, 'firm', 'en-US')], rows)]).sheets;
    expect(firm!.columns[0]).toEqual({ header: 'Capital (10k yuan)', type: 'money', unit: '万元', decimals: 2 });
  });

  it('picks the column type of a monitoring indicator by its kind', () => {
    expect(col.indicator<Row>('从业人员（人）', 'people', (r) => r.firms, 'firm', 'zh-CN').spec.type).toBe('integer');
    expect(col.indicator<Row>('能耗', 'energy', (r) => r.energyKg, 'region', 'zh-CN').value(rows[0]!)).toBe(21_707.625);
    expect(col.indicator<Row>('当月（亿元）', 'money', (r) => r.revenue, 'region', 'zh-CN').spec).toMatchObject({ type: 'money', unit: '亿元' });
  });

  it('rounds money to whole 元, drops non-finite numbers and empty texts', () => {
    const c = col.money<{ v: number }>('m', (r) => r.v, 'firm', 'zh-CN');
    expect(c.value({ v: 12.6 })).toBe(13);
    expect(c.value({ v: Number.NaN })).toBeNull();
    expect(col.text<{ v: string }>('t', (r) => r.v).value({ v: '' })).toBeNull();
    expect(col.text<{ v: number }>('t', (r) => r.v).value({ v: 2025 })).toBe('2025');
  });

  it('makes sheet and file names valid for Excel and unique', () => {
    const req = buildExportRequest('周村区/2024:月报?', [
      { name: '工业总产值[当月]/累计', columns: [], rows: [] },
      { name: '工业总产值[当月]/累计', columns: [], rows: [] },
      { name: '', columns: [], rows: [] },
      { name: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三', columns: [], rows: [] }
    ]);
    expect(req.file_name).toBe('周村区 2024 月报.xlsx');
    expect(req.sheets.map((s) => s.name)).toEqual([
      '工业总产值 当月  累计',
      '工业总产值 当月  累计(2)',
      'Sheet3',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一'
    ]);
    expect(exportFileName('a.xlsx')).toBe('a.xlsx');
    expect(exportFileName('  ')).toBe('export.xlsx');
  });
});

describe('exportXlsx', () => {
  it('POSTs the request through the app client (CSRF, JSON) and saves the answer under its name', async () => {
    const fetchMock = vi.fn<typeof fetch>(
      async () =>
        new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
          status: 200,
          headers: { 'Content-Disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('钢城区_集群.xlsx')}` }
        })
    );
    const client = createRequest({ baseURL: '/api/v1', fetch: fetchMock, getCsrfToken: () => 'tok' });
    const body: ExportRequest = tableExport('钢城区_集群', '集群', [col.text<Row>('集群', (r) => r.name)], rows);
    const saved: { d: Download; fallback: string }[] = [];
    await exportXlsx(body, {
      send: (b) => client.download('/export.xlsx', { method: 'POST', body: b }),
      save: (d, fallback) => saved.push({ d, fallback })
    });
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('/api/v1/export.xlsx');
    expect(init.method).toBe('POST');
    expect(init.headers['X-CSRF-Token']).toBe('tok');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual(body);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.d.fileName).toBe('钢城区_集群.xlsx');
    expect(saved[0]!.fallback).toBe('钢城区_集群.xlsx');
    expect(saved[0]!.d.blob.size).toBe(4);
  });

  it('lets a failed export fail (the button shows the message)', async () => {
    const send = vi.fn(async () => {
      throw new Error('boom');
    });
    const save = vi.fn();
    await expect(exportXlsx(tableExport('x', 's', [], []), { send, save })).rejects.toThrow('boom');
    expect(save).not.toHaveBeenCalled();
  });
});
