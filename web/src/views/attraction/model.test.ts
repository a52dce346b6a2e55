import { describe, expect, it } from 'vitest';
import type { Candidate, Lead, LinkCandidates, LinkStats, Relatedness } from '@/typings/api/chains';
import { tZh, teZh } from '@/locales/translator';
import {
  boardColumns,
  canMove,
  candidatesExport,
  createsProject,
  densityLevel,
  initialLinkTab,
  leadOfCandidate,
  leadsExport,
  linkDensity,
  linkIndustries,
  nextStages,
  regionInScope,
  relatednessOfIndustries,
  scoreComponents,
  scoreFromComponents,
  stageLabel,
  yuanFromWan
} from './model';

const t = tZh;
const te = teZh;

// Two candidates of 装配化施工 (weak in 章丘区) as GET /attraction sends them.
const first: Candidate = {
  uscc: '91370117MA26L2GH7Q',
  name: '济南恒捷装配式建筑科技有限公司',
  region: { code: '370117', name: '钢城区' },
  industry: '4790',
  score: 77.8,
  components: { match: 1, scale: 1, growth: 0.14, density: 0.537 },
  reasons: ['环节匹配：装配化施工，行业代码(需关键词印证)“4790”(行业代码)', '规模：营业收入23.36亿元(1-N月累计)', '增长：营业收入同比+15.9%', '关联度：该环节行业与本地产业的关联密度0.54']
};
const second: Candidate = {
  ...first,
  uscc: '91341372MA30NB112R',
  name: '宿州麟航装配式建筑科技有限公司',
  region: { code: '341372', name: '宿州经济技术开发区' },
  industry: '4710',
  score: 73.2,
  components: { match: 1, scale: 0.876, growth: 0.076, density: 0.537 }
};
const weakLink = { id: 22, key: 'construction', name: '装配化施工', position: '下游', state: 'weak' } as LinkStats;
const item: LinkCandidates = { link: weakLink, candidates: [first, second] };

function lead(id: number, stage: string, over: Partial<Lead> = {}): Lead {
  return {
    id,
    region: '370114',
    chain: '装配式建筑',
    link_id: 22,
    firm_name: `企业${id}`,
    uscc: null,
    stage,
    owner: '章丘区链长',
    expected_investment: null,
    note: '',
    project_id: null,
    created_at: 1_700_000_000 + id,
    updated_at: 1_700_000_000 + id,
    ...over
  };
}

describe('candidate scores', () => {
  it('breaks the score into weighted components that add up to it', () => {
    const parts = scoreComponents(first);
    expect(parts.map((p) => [p.key, p.weight, Number(p.points.toFixed(2))])).toEqual([
      ['match', 0.35, 35],
      ['scale', 0.3, 30],
      ['growth', 0.15, 2.1],
      ['density', 0.2, 10.74]
    ]);
    expect(parts[1]!.text).toBe('1.00 × 30% = 30.0');
    for (const c of [first, second]) expect(Math.abs(scoreFromComponents(c) - c.score!)).toBeLessThan(0.06);
  });

  it('shows a missing component as missing and scores it nothing', () => {
    const parts = scoreComponents({ ...first, components: { match: 1, scale: null, growth: null, density: null } });
    expect(parts.map((p) => p.text)).toEqual(['1.00 × 35% = 35.0', '—', '—', '—']);
    expect(scoreFromComponents({ ...first, components: { match: 1, scale: null, growth: null, density: null } })).toBe(35);
  });
});

describe('relatedness of a link', () => {
  it('takes the link’s density from its candidates and grades it', () => {
    expect(linkDensity(item)).toBe(0.537);
    expect(linkDensity({ link: weakLink, candidates: [] })).toBeNull();
    expect([0.8, 0.5, 0.3, 0.1, null].map(densityLevel)).toEqual(['high', 'high', 'medium', 'low', 'none']);
  });

  it('finds the link’s 中类 in the region’s lists', () => {
    expect(linkIndustries(['3022'], item)).toEqual(['302', '471', '479']);
    const r: Relatedness = {
      region: { code: '370114', name: '章丘区' },
      level: 'county × 中类',
      regions: 2849,
      industries: 121,
      present: [{ code: '302', name: '石膏、水泥制品及类似制品制造', rca: 2.5, density: 0.7, present: true, firms: 6 }],
      possible_entrants: [{ code: '479', name: '其他土木工程建筑', rca: 0.2, density: 0.44, present: false, firms: 0 }]
    };
    expect(relatednessOfIndustries(['302', '471', '479'], r).map((x) => [x.code, x.list])).toEqual([
      ['302', 'present'],
      ['471', null],
      ['479', 'possible_entrants']
    ]);
    expect(relatednessOfIndustries(['302'], null)).toEqual([{ code: '302', entry: null, list: null }]);
  });

  it('knows which candidates the user may open, as the server scopes regions', () => {
    expect(regionInScope(['370114'], '370114')).toBe(true);
    expect(regionInScope(['370114'], '370114001')).toBe(true);
    expect(regionInScope(['370114'], '370117')).toBe(false);
    expect(regionInScope(['370100'], '370117')).toBe(true);
    expect(regionInScope(['370000'], '341372')).toBe(false);
    expect(regionInScope(['370000'], '370306')).toBe(true);
    expect(regionInScope(['370114001'], '370114')).toBe(false);
    expect(regionInScope(['100000'], '652827')).toBe(true);
    expect(regionInScope([], '370114')).toBe(false);
  });

  it('opens the link asked for, else the first', () => {
    const other: LinkCandidates = { link: { ...weakLink, id: 19 }, candidates: [] };
    expect(initialLinkTab([other, item], 22)).toBe(22);
    expect(initialLinkTab([other, item], 99)).toBe(19);
    expect(initialLinkTab([], 22)).toBeNull();
  });
});

describe('leads', () => {
  it('moves forward or to 放弃, never back, and not at all once given up', () => {
    expect(nextStages('线索')).toEqual(['接洽', '考察', '洽谈', '签约', '落地', '放弃']);
    expect(nextStages('签约')).toEqual(['落地', '放弃']);
    expect(nextStages('落地')).toEqual(['放弃']);
    expect(nextStages('放弃')).toEqual([]);
    expect(canMove('洽谈', '接洽')).toBe(false);
    expect(canMove('洽谈', '签约')).toBe(true);
    expect(canMove('洽谈', '洽谈')).toBe(false);
  });

  it('creates the project at 签约 or later, once', () => {
    expect(createsProject(lead(1, '洽谈'), '签约')).toBe(true);
    expect(createsProject(lead(1, '线索'), '落地')).toBe(true);
    expect(createsProject(lead(1, '线索'), '洽谈')).toBe(false);
    expect(createsProject(lead(1, '线索'), '放弃')).toBe(false);
    expect(createsProject(lead(1, '签约', { project_id: 166 }), '落地')).toBe(false);
  });

  it('puts each lead in its stage’s column, newest first, unknown stages last', () => {
    const cols = boardColumns([lead(1, '线索'), lead(2, '线索', { updated_at: 1_800_000_000 }), lead(3, '签约'), lead(4, '搁置')], [
      '线索', '接洽', '考察', '洽谈', '签约', '落地', '放弃'
    ]);
    expect(cols.map((c) => [c.stage, c.leads.map((l) => l.id)])).toEqual([
      ['线索', [2, 1]],
      ['接洽', []],
      ['考察', []],
      ['洽谈', []],
      ['签约', [3]],
      ['落地', []],
      ['放弃', []],
      ['搁置', [4]]
    ]);
  });

  it('knows which candidates are leads already (by name, not given up)', () => {
    const leads = [lead(7, '接洽', { firm_name: '济南恒捷装配式建筑科技有限公司' }), lead(8, '放弃', { firm_name: '宿州麟航装配式建筑科技有限公司' })];
    expect(leadOfCandidate(leads, '装配式建筑', first)?.id).toBe(7);
    expect(leadOfCandidate(leads, '装配式建筑', second)).toBeNull();
    expect(leadOfCandidate(leads, '钢铁', first)).toBeNull();
  });

  it('matches by USCC when the lead carries one, whatever the name', () => {
    const leads = [lead(9, '洽谈', { firm_name: '恒捷公司', uscc: first.uscc })];
    expect(leadOfCandidate(leads, '装配式建筑', first)?.id).toBe(9);
    const other = [lead(10, '洽谈', { firm_name: first.name, uscc: '91370100MA3C5R2X40' })];
    expect(leadOfCandidate(other, '装配式建筑', first)).toBeNull();  // same name, another firm
  });

  it('reads 万元 from the form as 元', () => {
    expect(yuanFromWan('5000')).toBe(50_000_000);
    expect(yuanFromWan('1,234.5')).toBe(12_345_000);
    expect(yuanFromWan(0.01)).toBe(100);
    expect([yuanFromWan(''), yuanFromWan('abc'), yuanFromWan('-1'), yuanFromWan(null)]).toEqual([null, null, null, null]);
  });

  it('labels stages in the UI language and passes unknown ones through', () => {
    expect(stageLabel('签约', t, te)).toBe('签约');
    expect(stageLabel('搁置', t, te)).toBe('搁置');
  });
});

describe('exports', () => {
  it('exports candidates with every component and the reasons', () => {
    const body = candidatesExport('章丘区', '装配式建筑', item, t);
    expect(body.file_name).toBe('章丘区_装配式建筑_装配化施工_补链招商候选企业.xlsx');
    const sheet = body.sheets[0]!;
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '企业', '统一社会信用代码', '所在地区', '行业代码', '综合得分', '环节匹配', '规模', '增长', '关联度', '理由'
    ]);
    expect(sheet.rows[1]!.slice(0, 9)).toEqual(['宿州麟航装配式建筑科技有限公司', '91341372MA30NB112R', '宿州经济技术开发区', '4710', 73.2, 1, 0.876, 0.076, 0.537]);
  });

  it('exports the board with link names, stages, money in 万元 and the project', () => {
    const body = leadsExport('章丘区', '装配式建筑', [lead(3, '签约', { project_id: 166, expected_investment: 50_000_000 })], () => '装配化施工', 'zh-CN', t, te);
    const sheet = body.sheets[0]!;
    expect(sheet.columns[6]).toMatchObject({ header: '预计投资（万元）', type: 'money', unit: '万元' });
    expect(sheet.rows[0]!.slice(0, 8)).toEqual([3, '企业3', '装配式建筑', '装配化施工', '签约', '章丘区链长', 50_000_000, '#166']);
  });
});
