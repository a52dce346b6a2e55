import { describe, expect, it } from 'vitest';
import { tEn, tZh } from '@/locales/translator';
import type { ProjectRow, ProjectSummary, RoundDetail, SummaryGroup } from '@/typings/api/projects';
import {
  barWidth,
  boardColumns,
  boardExport,
  breakdownExport,
  breakdownRows,
  canEditProjects,
  cutOptions,
  milestoneState,
  monthIndex,
  monthLabel,
  paceTone,
  paragraphSegments,
  projectsExport,
  roundItemsExport,
  roundLabel,
  roundStatus,
  shortName,
  stageTagType,
  summaryCards,
  timelineExport,
  timelineOption,
  timelineRows,
  watchExport,
  yearOptions
} from './model';

const region = { code: '370114', name: '章丘区' };

function row(over: Partial<ProjectRow>): ProjectRow {
  return {
    id: 1,
    name: '项目',
    region,
    town: null,
    level: '区级重点',
    stage: '谋划',
    chain: null,
    park: null,
    total_investment: 100_000_000,
    annual_plan: null,
    completed_this_year: null,
    planned_start: null,
    actual_start: null,
    planned_production: null,
    actual_production: null,
    floor_area_m2: null,
    capacity: null,
    expected_output: null,
    jobs: null,
    year_level: null,
    year_plan: null,
    filed: false,
    last_record: null,
    completion_rate: null,
    ...over
  };
}

function group(key: string, count: number, over: Partial<SummaryGroup> = {}): SummaryGroup {
  return { key, count, total_investment: count * 1e9, annual_plan: count * 2e8, completed_this_year: count * 1.5e8, completion_rate: 75, ...over };
}

const summary: ProjectSummary = {
  region,
  year: 2024,
  as_of: '2024-12',
  schedule_pct: 100,
  count: 78,
  total_investment: 54_850_000_000,
  annual_plan: 11_670_000_000,
  completed_this_year: 9_723_000_000,
  completion_rate: 83.3,
  started: 50,
  start_due: 60,
  started_due: 48,
  start_rate: 80,
  producing: 38,
  production_due: 45,
  production_rate: null,
  by_stage: [group('在建', 30), group('谋划', 10), group('投产', 20)],
  by_level: [group('区级重点', 40), group('省重大', 3)],
  by_chain: [group('新能源汽车', 12), group('', 5)],
  by_park: [group('明水经济开发区', 20)],
  by_town: [group('370114001', 9)],
  lagging: [{ id: 3, name: '甲项目', reason: '计划2024-05开工，仍处于签约阶段' }],
  behind_pace: [],
  not_filed: [{ id: 4, name: '乙项目', reason: '2024-12未填报' }],
  paragraph: '全年初步谋划项目78个,总投资548.5亿元,年度计划投资116.7亿元。',
  facts: [
    { text: '78', field: 'count', value: 78 },
    { text: '548.5', field: 'total_investment', value: 54_850_000_000 },
    { text: '116.7', field: 'annual_plan', value: 11_670_000_000 }
  ]
};

describe('roles and tones', () => {
  it('lets admins and analysts edit', () => {
    expect(canEditProjects('admin')).toBe(true);
    expect(canEditProjects('analyst')).toBe(true);
    expect(canEditProjects('viewer')).toBe(false);
    expect(canEditProjects(null)).toBe(false);
  });

  it('colours stages and pace', () => {
    expect(stageTagType('在建')).toBe('primary');
    expect(stageTagType('投产')).toBe('success');
    expect(stageTagType('暂停')).toBe('warning');
    expect(stageTagType('终止')).toBe('danger');
    expect(stageTagType('谋划')).toBe('info');
    expect(paceTone(83.3, 100)).toBe('behind');
    expect(paceTone(92, 100)).toBe('near');
    expect(paceTone(90, 100)).toBe('near');
    expect(paceTone(105, 100)).toBe('ahead');
    expect(paceTone(null, 100)).toBe('none');
    expect(barWidth(130)).toBe(100);
    expect(barWidth(-1)).toBe(0);
    expect(barWidth(null)).toBe(0);
  });
});

describe('summary', () => {
  it('shows the seven cards with raw values and the rates against 时序进度', () => {
    const cards = summaryCards(summary, 'zh-CN', tZh);
    expect(cards.map((c) => c.key)).toEqual(['count', 'total_investment', 'annual_plan', 'completed_this_year', 'completion_rate', 'start_rate', 'production_rate']);
    const by = Object.fromEntries(cards.map((c) => [c.key, c]));
    expect(by.count!.text).toBe('78');
    expect(by.total_investment!).toMatchObject({ text: '548.50', unit: '亿元', raw: 54_850_000_000 });
    expect(by.annual_plan!.label).toBe('2024年计划投资');
    expect(by.completion_rate!).toMatchObject({ text: '83.3', unit: '%', tone: 'behind', note: '时序进度 100.0%' });
    expect(by.start_rate!.note).toBe('48 / 应 60 个');
    expect(by.production_rate!).toMatchObject({ text: '—', unit: '', raw: null, note: '已投产 38 · 应投产 45' });
    const { started_due: _, ...older } = summary;
    expect(summaryCards(older, 'zh-CN', tZh)[5]!.note).toBe('已开工 50 · 应开工 60');
    const en = summaryCards(summary, 'en-US', tEn);
    expect(en[1]).toMatchObject({ text: '54.85', unit: 'bn yuan' });
    expect(en[5]!.note).toBe('48 of 60 due');
  });

  it('cuts the paragraph into text and its traceable numbers', () => {
    const segments = paragraphSegments(summary.paragraph, summary.facts);
    expect(segments.map((s) => s.text).join('')).toBe(summary.paragraph);
    expect(segments.filter((s) => s.fact).map((s) => [s.text, s.fact!.field])).toEqual([
      ['78', 'count'],
      ['548.5', 'total_investment'],
      ['116.7', 'annual_plan']
    ]);
    // A fact that does not occur after the previous one stays plain text.
    const odd = paragraphSegments('共3个，其中3个在建', [
      { text: '3', field: 'count', value: 3 },
      { text: '9', field: 'x', value: 9 },
      { text: '3', field: 'by_stage[在建].count', value: 3 }
    ]);
    expect(odd.map((s) => [s.text, s.fact?.field ?? null])).toEqual([
      ['共', null],
      ['3', 'count'],
      ['个，其中', null],
      ['3', 'by_stage[在建].count'],
      ['个在建', null]
    ]);
  });

  it('offers cut options and years', () => {
    expect(cutOptions(summary.by_chain, tZh)).toEqual([{ value: '新能源汽车', label: '新能源汽车（12）' }]);
    expect(cutOptions(summary.by_town, tEn, new Map([['370114001', '明水街道']]))).toEqual([{ value: '370114001', label: '明水街道 (9)' }]);
    expect(yearOptions(2024)).toEqual([2025, 2024, 2023, 2022]);
    expect(yearOptions(2024, [{ id: 1, region, period: '2020-03', deadline: '', status: 'closed', projects: 0, filed: 0, late: 0 }])).toContain(2020);
  });
});

describe('list, board and timeline', () => {
  const items = [
    row({ id: 1, name: '大项目', stage: '在建', total_investment: 5e9, planned_start: '2024-03', actual_start: '2024-04', planned_production: '2025-06', year_plan: 1e9, completed_this_year: 8e8, completion_rate: 80, filed: true }),
    row({ id: 2, name: '小项目', stage: '在建', total_investment: 1e8, planned_start: '2024-05' }),
    row({ id: 3, name: '暂停项目', stage: '暂停', stage_reason: '资金未到位' }),
    row({ id: 4, name: '怪项目', stage: '其他' })
  ];

  it('exports the list with units in the headers and the filing state', () => {
    const req = projectsExport(items, 'zh-CN', tZh, '章丘区_2024_项目库', '2024-12');
    expect(req.file_name).toBe('章丘区_2024_项目库.xlsx');
    const sheet = req.sheets[0]!;
    expect(sheet.columns.map((c) => c.header)).toContain('总投资（亿元）');
    expect(sheet.columns.at(-1)!.header).toBe('2024-12 填报');
    expect(sheet.rows[0]![0]).toBe('大项目');
    expect(sheet.rows[0]![6]).toBe(5e9);
    expect(sheet.rows[0]!.at(-1)).toBe('已填报');
    expect(sheet.rows[1]!.at(-1)).toBe('未填报');
  });

  it('puts projects in stage columns, biggest first, unknown stages last', () => {
    const cols = boardColumns(items);
    expect(cols.map((c) => c.stage)).toEqual(['谋划', '签约', '开工', '在建', '试投产', '投产', '达产', '暂停', '终止', '其他']);
    const building = cols.find((c) => c.stage === '在建')!;
    expect(building.items.map((p) => p.id)).toEqual([1, 2]);
    expect(building.total).toBe(5.1e9);
    const req = boardExport(cols, 'zh-CN', tZh, 'f');
    expect(req.sheets[0]!.rows.map((r) => r[1])).toEqual(['大项目', '小项目', '暂停项目', '怪项目']);
    expect(req.sheets[0]!.rows[2]!.at(-1)).toBe('资金未到位');
  });

  it('works with months and milestone states', () => {
    expect(monthIndex('2024-01')).toBe(2024 * 12);
    expect(monthLabel(monthIndex('2024-12')!)).toBe('2024-12');
    expect(monthIndex('2024-13')).toBeNull();
    expect(monthIndex(null)).toBeNull();
    expect(milestoneState('2024-03', '2024-03', '2024-12')).toBe('done');
    expect(milestoneState('2024-03', '2024-04', '2024-12')).toBe('late');
    expect(milestoneState(null, '2024-04', '2024-12')).toBe('done');
    expect(milestoneState('2024-12', null, '2024-12')).toBe('overdue');
    expect(milestoneState('2025-01', null, '2024-12')).toBe('pending');
    expect(milestoneState(null, null, '2024-12')).toBe('none');
    expect(shortName('一二三四五', 4)).toBe('一二三…');
  });

  it('builds timeline rows with planned and actual spans', () => {
    const rows = timelineRows(items, '2024-12');
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(rows[0]).toMatchObject({ start: 'late', production: 'pending', planned: [monthIndex('2024-03'), monthIndex('2025-06')], actual: [monthIndex('2024-04'), monthIndex('2024-12')] });
    expect(rows[1]).toMatchObject({ start: 'overdue', planned: [monthIndex('2024-05'), monthIndex('2024-05')], actual: null });
    const option = timelineOption(rows, '2024-12', tZh) as { series: { name: string; data: (number | null)[] }[]; yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['大项目', '小项目']);
    expect(option.series.map((s) => s.name)).toEqual(['planned-offset', '计划（开工→投产）', 'actual-offset', '实际（开工→投产/至今）']);
    expect(option.series[1]!.data).toEqual([16, 1]);
    expect(option.series[3]!.data).toEqual([9, null]);
    const req = timelineExport(rows, tZh, 't');
    expect(req.sheets[0]!.rows[1]).toEqual(['小项目', '在建', '2024-05', null, '已超期', null, null, '无计划']);
  });
});

describe('round status and lists', () => {
  const record = { id: 9, round: '2024-12', filed_at: 1_735_000_000, completed_total: 3e8, completed_period: 1e7, completed_this_year: 2e8, progress_pct: 60, stage: '在建', workers: 80, problems: null, source: 'page', username: 'zhangqiu', late: false };
  const detail: RoundDetail = {
    round: { id: 12, region, period: '2024-12', deadline: '2025-01-05', status: 'open', projects: 4, filed: 2, late: 1 },
    items: [
      { project: { id: 1, name: '乙', level: '省重点', stage: '在建' }, filed: true, late: false, record },
      { project: { id: 2, name: '甲', level: null, stage: '签约' }, filed: true, late: true, record: { ...record, id: 10, late: true } },
      { project: { id: 3, name: '丙', level: null, stage: '谋划' }, filed: false, late: false, record: null },
      { project: { id: 4, name: '丁', level: null, stage: '谋划' }, filed: false, late: false, record: null }
    ]
  };

  it('splits a round into on time, late and not filed', () => {
    const s = roundStatus(detail);
    expect(s.onTime.map((i) => i.project.id)).toEqual([1]);
    expect(s.late.map((i) => i.project.id)).toEqual([2]);
    expect(s.notFiled.map((i) => i.project.id).sort()).toEqual([3, 4]);
    expect(s.filedPct).toBe(50);
    expect(roundLabel(detail.round, tZh)).toBe('2024-12（填报中）');
    expect(roundLabel({ ...detail.round, status: 'closed' }, tEn)).toBe('2024-12 (Closed)');
    const req = roundItemsExport(s.onTime, 'onTime', detail.round, 'zh-CN', tZh);
    expect(req.sheets[0]!.name).toBe('2024-12 按期填报');
    expect(req.sheets[0]!.rows[0]!.slice(0, 3)).toEqual(['乙', '省重点', '在建']);
    expect(req.sheets[0]!.rows[0]!.slice(-2)).toEqual([2e8, 60]);
  });

  it('exports a watch list with its reasons', () => {
    const req = watchExport(summary.lagging, 'lagging', tZh, '章丘区_项目库_开工滞后');
    expect(req.sheets[0]!.name).toBe('开工滞后');
    expect(req.sheets[0]!.rows).toEqual([['甲项目', '计划2024-05开工，仍处于签约阶段']]);
  });
});

describe('breakdowns', () => {
  it('orders stages and levels, names towns, and adds the total row', () => {
    const stages = breakdownRows(summary, 'stage', 'zh-CN', tZh);
    expect(stages.rows.map((r) => r.key)).toEqual(['谋划', '在建', '投产']);
    expect(stages.rows[1]).toMatchObject({ label: '在建', count: 30, total: '300.00', rate: '75.0%', tone: 'behind' });
    expect(stages.total).toMatchObject({ label: '合计', count: 78, total: '548.50', rate: '83.3%' });
    expect(breakdownRows(summary, 'level', 'en-US', tEn).rows.map((r) => r.label)).toEqual(['Provincial major', 'District key']);
    expect(breakdownRows(summary, 'chain', 'zh-CN', tZh).rows.map((r) => r.label)).toEqual(['新能源汽车', '未归属']);
    expect(breakdownRows(summary, 'town', 'zh-CN', tZh, new Map([['370114001', '明水街道']])).rows[0]!.label).toBe('明水街道');
    const req = breakdownExport(summary, 'park', 'zh-CN', tZh, '章丘区_项目库_按园区');
    expect(req.sheets[0]!.columns[0]!.header).toBe('按园区');
    expect(req.sheets[0]!.rows).toHaveLength(2);
    expect(req.sheets[0]!.rows[1]![0]).toBe('合计');
  });
});
