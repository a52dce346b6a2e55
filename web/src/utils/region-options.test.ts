import { describe, expect, it } from 'vitest';
import { buildRegionOptions, defaultRegion, initialRegion, regionsFromPlans } from './region-options';
import type { Plan } from '@/typings/api/plans';
import type { User } from '@/typings/api/auth';

function plan(id: number, code: string, name: string): Plan {
  return { id, region: { code, name }, name: `${name}规划`, framework: '2+4', period: { from: 2021, to: 2025 }, source: '', clusters: [] };
}

const user: User = {
  username: 'admin',
  display_name: '管理员',
  role: 'admin',
  role_label: '管理员',
  regions: [{ code: '100000', name: '全国' }]
};

describe('region options', () => {
  it('takes the distinct plan regions in plan order', () => {
    const plans = [plan(1, '370117', '钢城区'), plan(2, '370114', '章丘区'), plan(3, '370117', '钢城区'), plan(4, '370303', '周村区')];
    expect(regionsFromPlans(plans)).toEqual([
      { code: '370117', name: '钢城区' },
      { code: '370114', name: '章丘区' },
      { code: '370303', name: '周村区' }
    ]);
    expect(regionsFromPlans([])).toEqual([]);
  });

  it('lists plan regions first, then search results not already listed', () => {
    const groups = buildRegionOptions({
      planRegions: [{ code: '370117', name: '钢城区' }],
      searchResults: [
        { code: '370117', name: '钢城区' },
        { code: '370116', name: '莱芜区' },
        { code: '370116', name: '莱芜区' }
      ],
      current: { code: '370117', name: '钢城区' }
    });
    expect(groups).toEqual([
      { kind: 'plans', options: [{ code: '370117', name: '钢城区' }] },
      { kind: 'search', options: [{ code: '370116', name: '莱芜区' }] }
    ]);
  });

  it('keeps the current region selectable when it is in neither list', () => {
    const groups = buildRegionOptions({
      planRegions: [{ code: '370117', name: '钢城区' }],
      searchResults: [{ code: '370116', name: '莱芜区' }],
      current: { code: '370102', name: '历下区' }
    });
    expect(groups[1]).toEqual({
      kind: 'search',
      options: [
        { code: '370102', name: '历下区' },
        { code: '370116', name: '莱芜区' }
      ]
    });
  });

  it('leaves out empty groups', () => {
    expect(buildRegionOptions({ planRegions: [], searchResults: [], current: null })).toEqual([]);
    expect(buildRegionOptions({ planRegions: [], searchResults: [{ code: '370116', name: '莱芜区' }], current: null })).toEqual([
      { kind: 'search', options: [{ code: '370116', name: '莱芜区' }] }
    ]);
  });

  it('defaults to the first plan region, else the user first region', () => {
    expect(defaultRegion([{ code: '370117', name: '钢城区' }, { code: '370114', name: '章丘区' }], user)).toEqual({ code: '370117', name: '钢城区' });
    expect(defaultRegion([], user)).toEqual({ code: '100000', name: '全国' });
    expect(defaultRegion([], null)).toBeNull();
  });

  it('starts from the stored choice when there is one', () => {
    const plans = [{ code: '370117', name: '钢城区' }];
    expect(initialRegion({ code: '370114', name: '章丘区' }, plans, user)).toEqual({ code: '370114', name: '章丘区' });
    expect(initialRegion(null, plans, user)).toEqual({ code: '370117', name: '钢城区' });
    expect(initialRegion({ code: '', name: '' }, plans, user)).toEqual({ code: '370117', name: '钢城区' });
  });
});
