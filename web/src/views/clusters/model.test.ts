import { describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-cn';
import type { Target } from '@/typings/api/targets';
import type { Plan } from '@/typings/api/plans';
import { describeTarget, formatTargetValue, formatTargetWhen, otherTargets, targetsOfCluster } from './model';

const t = (key: string) => {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return typeof node === 'string' ? node : key;
};

function target(over: Partial<Target>): Target {
  return {
    id: 1,
    region: { code: '370117', name: '钢城区' },
    subject: { kind: 'cluster', id: 1, name: '精品钢' },
    metric: '营业收入',
    value: 100000000000,
    unit: '元',
    comparator: '>=',
    deadline: 2025,
    per_year: false,
    source: '钢城区“十四五”规划',
    ...over
  };
}

const plans: Plan[] = [
  {
    id: 1,
    region: { code: '370117', name: '钢城区' },
    name: '钢城区工业强区规划',
    framework: '2+4',
    period: { from: 2021, to: 2025 },
    source: '',
    clusters: [{ id: 1, name: '精品钢', tier: '千亿级', role: '主导', chains: [], industry_codes: ['31'] }]
  }
];

describe('cluster targets', () => {
  it('formats money targets in 亿元 and other units as sent', () => {
    expect(formatTargetValue(target({}), 'zh-CN')).toBe('≥ 1,000.00 亿元');
    expect(formatTargetValue(target({}), 'en-US')).toBe('≥ 100.00 bn yuan');
    expect(formatTargetValue(target({ unit: '吨', value: 5000000, comparator: '=' }), 'zh-CN')).toBe('5,000,000 吨');
    expect(formatTargetValue(target({ unit: '%', value: 7.5, comparator: '<=' }), 'zh-CN')).toBe('≤ 7.50 %');
  });

  it('says when a target is due', () => {
    expect(formatTargetWhen(target({}), t)).toBe('2025');
    expect(formatTargetWhen(target({ deadline: null, per_year: true }), t)).toBe('每年');
    expect(formatTargetWhen(target({ deadline: null }), t)).toBe('—');
    expect(describeTarget(target({}), 'zh-CN', t)).toBe('营业收入 ≥ 1,000.00 亿元（2025）');
  });

  it('matches targets to clusters by subject and keeps the rest apart', () => {
    const list = [
      target({ id: 1 }),
      target({ id: 2, subject: { kind: 'region', id: '370117', name: '钢城区' } }),
      target({ id: 3, subject: { kind: 'cluster', id: '1', name: '精品钢' } }),
      target({ id: 4, subject: { kind: 'chain', id: 1, name: '集成电路' } })
    ];
    expect(targetsOfCluster(plans[0]!.clusters[0]!, list).map((x) => x.id)).toEqual([1, 3]);
    expect(otherTargets(plans, list).map((x) => x.id)).toEqual([2, 4]);
  });
});
