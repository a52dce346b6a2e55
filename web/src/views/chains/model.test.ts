import { describe, expect, it } from 'vitest';
import type { ChainAnalysis, LinkStats } from '@/typings/api/chains';
import { tZh, teZh } from '@/locales/translator';
import {
  canEditChains,
  decisionsFor,
  evidenceText,
  firmsExport,
  gapRows,
  gapsExport,
  layoutChainMap,
  linkReason,
  linkState,
  linksExport,
  strengthBasisLabel,
  nodeFacts,
  parseEvidence,
  positionsOf,
  recommendAction,
  summaryFigures
} from './model';

const t = tZh;
const te = teZh;

function link(id: number, position: string, state: string, over: Partial<LinkStats> = {}): LinkStats {
  const tagging = state !== 'context';
  return {
    id,
    key: `k${id}`,
    name: `环节${id}`,
    parent: null,
    position,
    tagging,
    firms: state === 'missing' || !tagging ? 0 : 3,
    above_scale_firms: state === 'missing' || !tagging ? 0 : 1,
    revenue: state === 'missing' || !tagging ? 0 : 250_000_000,
    growth: null,
    national_firms: tagging ? 100 : 0,
    strength: state === 'missing' || !tagging ? null : 1,
    revenue_share: null,
    state,
    reason: '',
    ...over
  };
}

// 装配式建筑 in 章丘区 as the demo serves it: two context links, one weak downstream link.
const prefab: LinkStats[] = [
  link(18, '上游', 'context'),
  link(19, '中游', 'normal'),
  link(20, '中游', 'normal'),
  link(21, '中游', 'normal'),
  link(22, '下游', 'weak', { strength: 0.357, reason: '企业占比不足全国格局的一半 (less than half the national share)' }),
  link(23, '下游', 'strong', { strength: 1.6 }),
  link(24, '下游', 'context')
];

function analysis(links: LinkStats[]): ChainAnalysis {
  return {
    region: { code: '370114', name: '章丘区' },
    chain_id: 3,
    chain: '装配式建筑',
    month: '2024-12',
    firms: 31,
    revenue: 8_123_456_789,
    coverage: 100,
    coverage_above_scale: 80,
    completeness: 94.7,
    links,
    leaders: [],
    links_from: 'tags',
    strength_basis: 'firms'
  };
}

describe('roles', () => {
  it('lets the roles with edit_chains decide tags and manage leads', () => {
    expect(['admin', 'analyst', 'chain_chief'].every(canEditChains)).toBe(true);
    expect(['liaison', 'viewer', '', null, undefined].some(canEditChains)).toBe(false);
  });
});

describe('the chain map layout', () => {
  it('puts each position in its own column, upstream to downstream, and joins the columns', () => {
    const layout = layoutChainMap(prefab, { width: 900, nodeHeight: 80, gap: 20, top: 50, bottom: 10 });
    expect(layout.columns.map((c) => [c.position, c.nodes.map((n) => n.link.id)])).toEqual([
      ['上游', [18]],
      ['中游', [19, 20, 21]],
      ['下游', [22, 23, 24]]
    ]);
    expect(layout.columns.map((c) => c.x)).toEqual([150, 450, 750]);
    // Three nodes of 80 with gaps of 20 under a 50 px header, and 10 px below.
    expect(layout.height).toBe(50 + 3 * 80 + 2 * 20 + 10);
    // The single upstream node sits level with the middle of the others.
    const up = layout.nodes.find((n) => n.link.id === 18)!;
    const mid = layout.nodes.find((n) => n.link.id === 20)!;
    expect(up.y).toBe(mid.y);
    expect(layout.edges).toEqual([
      { id: 'flow-0', source: 'column-0', target: 'column-1', kind: 'flow' },
      { id: 'flow-1', source: 'column-1', target: 'column-2', kind: 'flow' }
    ]);
    expect(layout.nodeWidth).toBe(244);
  });

  it('skips empty positions, keeps unknown ones last and draws parent edges', () => {
    const links = [link(2, '下游', 'normal'), link(1, '中游', 'normal', { key: 'a' }), link(3, '其他', 'normal', { parent: 'a' })];
    expect(positionsOf(links)).toEqual(['中游', '下游', '其他']);
    const layout = layoutChainMap(links, { width: 600 });
    expect(layout.edges.filter((e) => e.kind === 'parent')).toEqual([{ id: 'parent-3', source: 'link-1', target: 'link-3', kind: 'parent' }]);
    expect(layoutChainMap([], { width: 600 }).nodes).toEqual([]);
  });

  it('writes firms and revenue on a node, or why it has none', () => {
    expect(nodeFacts(prefab[1]!, 'zh-CN', t, te)).toMatchObject({ stateText: '一般', detail: '3 家 · 2.50 亿元', strength: '区位熵 1.00' });
    expect(nodeFacts(link(9, '上游', 'missing', { strength: 0 }), 'zh-CN', t, te)).toMatchObject({ state: 'missing', detail: '本地暂无企业', strength: '' });
    expect(nodeFacts(prefab[0]!, 'zh-CN', t, te).detail).toBe('展示环节，不计入');
    expect(linkState({ state: 'unheard-of' })).toBe('context');
  });
});

describe('recommended actions', () => {
  it('strengthens weak links', () => {
    expect(gapRows(analysis(prefab))).toEqual([{ link: prefab[4], action: 'strengthen' }]);
  });

  it('fills gaps between covered positions and extends beyond them', () => {
    const links = [
      link(1, '上游', 'missing'),
      link(2, '中游', 'normal'),
      link(3, '中游', 'missing'),
      link(4, '下游', 'strong'),
      link(5, '下游', 'context')
    ];
    expect(gapRows(analysis(links)).map((r) => [r.link.id, r.action])).toEqual([
      [1, 'extend'],
      [3, 'fill']
    ]);
    const downstreamGap = [link(1, '上游', 'normal'), link(2, '中游', 'normal'), link(3, '下游', 'missing')];
    expect(recommendAction(downstreamGap[2]!, downstreamGap)).toBe('extend');
  });

  it('builds a chain the region has no firm on', () => {
    const links = [link(1, '上游', 'context'), link(2, '中游', 'missing'), link(3, '下游', 'missing')];
    expect(gapRows(analysis(links)).map((r) => r.action)).toEqual(['build', 'build']);
    expect(recommendAction(links[0]!, links)).toBeNull();
  });

  it('explains the state in the UI language', () => {
    expect(linkReason(prefab[4]!, t)).toBe('企业占比不足全国格局的一半');
    expect(linkReason(link(1, '中游', 'weak', { reason: '没有规上企业 (no 规上 firm)' }), t)).toBe('没有规上企业');
    expect(linkReason(link(1, '中游', 'weak', { reason: '营收占比不足全国格局的一半 (less than half the national output share)' }), t)).toBe('营业收入占比不足全国格局的一半');
    expect(linkReason(link(1, '中游', 'missing'), t)).toBe('本地没有该环节企业');
    expect(linkReason(link(1, '中游', 'weak', { reason: 'something new' }), t)).toBe('something new');
  });
});

describe('summary', () => {
  it('names what the location quotient compares', () => {
    expect(strengthBasisLabel('output', t, te)).toBe('营业收入');
    expect(strengthBasisLabel('firms', t, te)).toBe('企业数');
    expect(strengthBasisLabel('jobs', t, te)).toBe('jobs');
  });

  it('shows coverage, completeness and how many links are in each state', () => {
    const s = summaryFigures(analysis(prefab), 'zh-CN');
    expect(s).toMatchObject({ coverage: '100.0%', coverageAboveScale: '80.0%', completeness: '94.7', firms: '31', revenue: '81.23 亿元', covered: 5, tagging: 5 });
    expect(s.counts).toEqual([
      { state: 'strong', count: 1 },
      { state: 'normal', count: 3 },
      { state: 'weak', count: 1 },
      { state: 'missing', count: 0 },
      { state: 'context', count: 2 }
    ]);
  });
});

describe('evidence', () => {
  it('splits the rule, the term and the field', () => {
    expect(parseEvidence('关键词“钢结构安装”(经营范围)')).toMatchObject({ rule: '关键词', term: '钢结构安装', field: '经营范围' });
    expect(parseEvidence('行业代码(需关键词印证)“4790”(行业代码)')).toMatchObject({ rule: '行业代码(需关键词印证)', term: '4790', field: '行业代码' });
    const free = parseEvidence('行业代码与环节代码相符 (industry code matches; not tagged yet)');
    expect(free.rule).toBe('');
    expect(evidenceText(free, t)).toBe('行业代码与环节相符（尚未打标签）');
    expect(evidenceText(parseEvidence('近似词“钢结沟”(经营范围)'), t)).toBe('近似词“钢结沟” · 经营范围');
  });

  it('offers the decision a tag does not have yet', () => {
    expect(decisionsFor('auto')).toEqual({ confirm: true, reject: true });
    expect(decisionsFor('confirmed')).toEqual({ confirm: false, reject: true });
    expect(decisionsFor('rejected')).toEqual({ confirm: true, reject: false });
  });
});

describe('exports', () => {
  it('exports every link with money in 亿元 and the reason', () => {
    const body = linksExport(analysis(prefab), 'zh-CN', t, te);
    expect(body.file_name).toBe('章丘区_装配式建筑_环节明细.xlsx');
    const sheet = body.sheets[0]!;
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '环节', '位置', '状态', '企业数', '规上企业数', '营业收入（亿元）', '同比', '占本链营收', '区位熵', '全国企业数', '说明'
    ]);
    expect(sheet.columns[5]).toMatchObject({ type: 'money', unit: '亿元' });
    expect(sheet.rows[4]).toEqual(['环节22', '下游', '薄弱', 3, 1, 250_000_000, null, null, 0.357, 100, '企业占比不足全国格局的一半']);
  });

  it('exports the gaps with their action and a link’s firms with readable evidence', () => {
    const a = analysis(prefab);
    expect(gapsExport(a, gapRows(a), t, te).sheets[0]!.rows[0]!.slice(-2)).toEqual(['强链', '企业占比不足全国格局的一半']);
    const firms = firmsExport('章丘区', '装配式建筑', prefab[4]!, [
      {
        uscc: '91370114MA4XHDTU21',
        name: '济南宝联装配式建筑制造有限公司',
        town: '枣园街道',
        status: 'auto',
        above_scale: true,
        revenue: 430_544_000,
        growth: 13.26,
        score: 1.5,
        evidence: ['行业代码(需关键词印证)“4790”(行业代码)', '关键词“钢结构安装”(经营范围)']
      }
    ], 'zh-CN', t, te);
    expect(firms.file_name).toBe('章丘区_装配式建筑_环节22.xlsx');
    expect(firms.sheets[0]!.rows[0]).toEqual([
      '济南宝联装配式建筑制造有限公司', '91370114MA4XHDTU21', '枣园街道', '是', 430_544_000, 13.26, '自动标注', 1.5,
      '行业代码(需关键词印证)“4790” · 行业代码；关键词“钢结构安装” · 经营范围'
    ]);
  });
});
