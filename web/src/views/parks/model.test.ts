import { describe, expect, it } from 'vitest';
import { tEn, tZh } from '@/locales/translator';
import type { Park, Parcel } from '@/typings/api/parks';
import {
  formatHa,
  landSentence,
  parcelRows,
  parcelStatusLabel,
  parcelStatusType,
  parcelsExport,
  parkCards,
  parksExport,
  statusTotals
} from './model';

function parcel(over: Partial<Parcel>): Parcel {
  return {
    id: 1,
    code: 'P-01',
    park_id: 1,
    area_ha: 1,
    land_use: '工业',
    price: null,
    status: '可供',
    enterprise: null,
    project: null,
    idle_since: null,
    revitalized_at: null,
    ...over
  };
}

const parks: Park[] = [
  {
    id: 1,
    name: '明水经济开发区',
    region: { code: '370114', name: '章丘区' },
    featured_industry: '新能源汽车',
    chain: '新能源汽车',
    task_force: '新能源汽车产业链工作专班',
    area_ha: 1200,
    parcels: [
      parcel({ id: 2, code: 'MS-02', status: '闲置', area_ha: 6.5, enterprise: { uscc: '91370181MA3C000001', name: '甲公司' }, idle_since: '2021-05-01' }),
      parcel({ id: 1, code: 'MS-01', status: '可供', area_ha: 10.25, price: 45_000_000 }),
      parcel({ id: 3, code: 'MS-03', status: '已供', area_ha: 3.25, project: { id: 7, name: '新能源汽车零部件项目' } })
    ],
    idle_ha: 6.5,
    available_ha: 10.25,
    supplied_ha: 3.25
  },
  {
    id: 2,
    name: '刁镇化工产业园',
    region: { code: '370114', name: '章丘区' },
    featured_industry: null,
    chain: null,
    task_force: null,
    area_ha: null,
    parcels: [],
    idle_ha: 0,
    available_ha: 0,
    supplied_ha: 0
  }
];

describe('parks', () => {
  it('formats hectares and parcel statuses', () => {
    expect(formatHa(109.5)).toBe('109.50');
    expect(formatHa(1234.567)).toBe('1,234.57');
    expect(formatHa(null)).toBe('—');
    expect(parcelStatusType('闲置')).toBe('danger');
    expect(parcelStatusType('可供')).toBe('success');
    expect(parcelStatusType('已供')).toBe('info');
    expect(parcelStatusType('出让中')).toBe('warning');
    expect(parcelStatusLabel('闲置', tEn)).toBe('Idle');
    expect(parcelStatusLabel('出让中', tEn)).toBe('出让中');
  });

  it('builds park cards with land shares', () => {
    const cards = parkCards(parks);
    expect(cards[0]).toMatchObject({ name: '明水经济开发区', industry: '新能源汽车', taskForce: '新能源汽车产业链工作专班', area: '1,200.00', parcels: 3 });
    expect(cards[0]!.bars.map((b) => [b.status, b.text, b.pct])).toEqual([
      ['闲置', '6.50', 32.5],
      ['可供', '10.25', 51.3],
      ['已供', '3.25', 16.3]
    ]);
    expect(cards[1]).toMatchObject({ industry: '—', area: '—', parcels: 0 });
    expect(cards[1]!.bars.every((b) => b.pct === 0)).toBe(true);
  });

  it('lists parcels by park and code, filtered by park and status', () => {
    const rows = parcelRows(parks);
    expect(rows.map((r) => r.code)).toEqual(['MS-01', 'MS-02', 'MS-03']);
    expect(rows[0]).toMatchObject({ parkName: '明水经济开发区', area: '10.25', price: '4,500.00' });
    expect(rows[1]!.enterprise?.name).toBe('甲公司');
    expect(rows[2]!.project?.id).toBe(7);
    expect(parcelRows(parks, { status: '闲置' }).map((r) => r.code)).toEqual(['MS-02']);
    expect(parcelRows(parks, { parkId: 2 })).toEqual([]);
    expect(statusTotals(rows)).toEqual([
      { status: '闲置', count: 1, ha: '6.50' },
      { status: '可供', count: 1, ha: '10.25' },
      { status: '已供', count: 1, ha: '3.25' }
    ]);
  });

  it('shows the server’s sentence, or one built from the figures', () => {
    const land = { year: 2023, revitalized_firms: 21, revitalized_ha: 109.5, sentence: '2023年为21家企业盘活闲置低效用地109.5公顷' };
    expect(landSentence(land, tZh)).toBe('2023年为21家企业盘活闲置低效用地109.5公顷');
    expect(landSentence({ ...land, sentence: '' }, tZh)).toBe('2023年为21家企业盘活闲置低效用地109.50公顷');
    expect(landSentence({ ...land, sentence: '', revitalized_firms: 0, revitalized_ha: 0 }, tZh)).toBe('');
    expect(landSentence(null, tZh)).toBe('');
  });

  it('exports parks and parcels with raw numbers', () => {
    const p = parksExport(parkCards(parks), tZh, '章丘区_园区');
    expect(p.sheets[0]!.columns.map((c) => c.header)).toEqual(['园区', '主导产业', '产业链', '工作专班', '面积（公顷）', '地块数', '闲置（公顷）', '可供（公顷）', '已供（公顷）']);
    expect(p.sheets[0]!.rows[0]).toEqual(['明水经济开发区', '新能源汽车', '新能源汽车', '新能源汽车产业链工作专班', 1200, 3, 6.5, 10.25, 3.25]);
    const x = parcelsExport(parcelRows(parks), tZh, '章丘区_园区_地块');
    expect(x.sheets[0]!.rows[0]!.slice(0, 6)).toEqual(['MS-01', '明水经济开发区', 10.25, '工业', 45_000_000, '可供']);
    expect(x.sheets[0]!.rows[1]![6]).toBe('甲公司');
    expect(x.sheets[0]!.rows[2]![7]).toBe('新能源汽车零部件项目');
  });
});
