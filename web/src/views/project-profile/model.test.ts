import { describe, expect, it } from 'vitest';
import { exists, tEn, tZh, teZh } from '@/locales/translator';
import enUS from '@/locales/en-us';
import { ApiError } from '@/service/request';
import type { ProjectProfile, ProjectRecord, Round } from '@/typings/api/projects';
import {
  capacityText,
  cumulativesAfter,
  formToInput,
  initialForm,
  landExport,
  landNeedText,
  latestPerRound,
  levelsText,
  milestoneRows,
  needRows,
  openRounds,
  planOfRound,
  profileAsOf,
  profileFacts,
  recordErrorText,
  recordRows,
  recordsChartOption,
  recordsExport,
  sourceLabel,
  stageRows,
  statusType,
  validateForm,
  wanToYuan,
  yuanToWan,
  type RecordForm
} from './model';

const teEn = exists(enUS);
const region = { code: '370114', name: '章丘区' };

function record(over: Partial<ProjectRecord>): ProjectRecord {
  return {
    id: 1,
    round: '2024-11',
    filed_at: 1_733_000_000,
    completed_total: 300_000_000,
    completed_period: 20_000_000,
    completed_this_year: 150_000_000,
    progress_pct: 55,
    stage: '在建',
    workers: 120,
    problems: null,
    source: 'page',
    username: 'zhangqiu',
    late: false,
    ...over
  };
}

const profile: ProjectProfile = {
  project: {
    id: 7,
    name: '新能源汽车零部件项目',
    region,
    town: { code: '370114001', name: '明水街道' },
    level: '省重点',
    stage: '在建',
    chain: '新能源汽车',
    cluster: '高端装备',
    park: '明水经济开发区',
    park_id: 2,
    total_investment: 1_250_000_000,
    annual_plan: 400_000_000,
    completed_this_year: 150_000_000,
    completed_total: 300_000_000,
    planned_start: '2024-03',
    actual_start: '2024-04',
    planned_production: '2025-06',
    actual_production: null,
    floor_area_m2: null,
    land_ha: 13.3333,
    capacity: '年产电机20万台',
    capacity_unit: '万台',
    expected_output: 3_000_000_000,
    jobs: 800,
    manager: '王五',
    leader: '李副区长',
    stage_reason: null,
    source: '2024年重点项目名单'
  },
  years: [
    { year: 2023, level: '市重点', annual_plan: 100_000_000 },
    { year: 2024, level: '省重点', annual_plan: 400_000_000 }
  ],
  stages: [
    { on_date: '2024-01-10', from: null, to: '签约', reason: null, username: 'admin' },
    { on_date: '2024-04-02', from: '签约', to: '在建', reason: null, username: 'zhangqiu' }
  ],
  approvals: [{ kind: '环评', on_date: '2024-02-01', status: '已办结', note: null }],
  needs: [
    { kind: '土地', amount: 200, unit: '亩', status: '协调中', note: '二期用地' },
    { kind: '能耗', amount: 1500.5, unit: '吨标准煤', status: '已保障', note: null }
  ],
  records: [
    record({ id: 1, round: '2024-10', filed_at: 1_730_000_000, completed_this_year: 100_000_000, completed_total: 250_000_000 }),
    record({ id: 2, round: '2024-11' }),
    record({ id: 3, round: '2024-11', filed_at: 1_733_100_000, completed_this_year: 160_000_000, late: true, source: 'import' })
  ],
  milestones: [
    { name: '开工', planned: '2024-03', actual: '2024-04' },
    { name: '投产', planned: '2025-06', actual: null },
    { name: '竣工', planned: null, actual: null }
  ],
  lead: { id: 3, firm_name: '某某汽车零部件有限公司' }
};

const rounds: Round[] = [
  { id: 11, region, period: '2024-11', deadline: '2024-12-05', status: 'closed', projects: 78, filed: 78, late: 2 },
  { id: 12, region, period: '2024-12', deadline: '2025-01-05', status: 'open', projects: 78, filed: 71, late: 3 }
];

describe('header facts', () => {
  it('shows levels per year, place, people and money', () => {
    expect(levelsText(profile, tZh)).toBe('2024 省重点 · 2023 市重点');
    expect(capacityText('年产电机20万台', '万台')).toBe('年产电机20万台');
    expect(capacityText('20', '万台')).toBe('20万台');
    expect(capacityText(null, '万台')).toBe('—');
    const facts = Object.fromEntries(profileFacts(profile, 'zh-CN', tZh).map((f) => [f.key, f]));
    expect(facts.level!.label).toBe('项目级别');
    expect(facts.region!.value).toBe('章丘区 · 明水街道');
    expect(facts.total!.value).toBe('12.50 亿元');
    expect(facts.completedTotal!.value).toBe('30,000.00 万元');
    expect(facts.jobs!.value).toBe('800 人');
    expect(facts.land!.value).toBe('13.33 公顷');
    expect(facts.manager!.value).toBe('王五');
    expect(facts.leader!.value).toBe('李副区长');
    expect(facts.lead!.value).toBe('某某汽车零部件有限公司');
    expect(facts.floorArea!.value).toBe('—');
    const all = profileFacts({ ...profile, project: { ...profile.project, floor_area_m2: 140000 } }, 'zh-CN', tZh);
    expect(all.find((f) => f.key === 'floorArea')!.value).toBe('140,000 平方米');
    // The source fills the last row of the four-column grid.
    expect(all.at(-1)!.key).toBe('source');
    expect(all.reduce((n, f) => n + f.span, 0) % 4).toBe(0);
    const paused = profileFacts({ ...profile, project: { ...profile.project, stage: '暂停', stage_reason: '资金未到位' } }, 'en-US', tEn);
    expect(paused.find((f) => f.key === 'stage')!.value).toBe('Paused (资金未到位)');
  });

  it('places milestones at the latest round', () => {
    expect(profileAsOf(profile)).toBe('2024-11');
    expect(profileAsOf({ ...profile, records: [] }, new Date(2025, 2, 9))).toBe('2025-03');
    const rows = milestoneRows(profile, '2024-11', tZh, teZh);
    expect(rows.map((r) => [r.label, r.state])).toEqual([
      ['开工', 'late'],
      ['投产', 'pending'],
      ['竣工', 'none']
    ]);
    expect(milestoneRows({ ...profile, milestones: [{ name: '其他', planned: '2024-01', actual: null }] }, '2024-11', tEn, teEn)[0]).toMatchObject({ label: '其他', state: 'overdue' });
  });

  it('lists stage changes newest first, needs with units, and colours statuses', () => {
    expect(stageRows(profile).map((s) => s.to)).toEqual(['在建', '签约']);
    expect(needRows(profile).map((n) => n.amount)).toEqual(['200 亩', '1,500.5 吨标准煤']);
    expect(statusType('已办结')).toBe('success');
    expect(statusType('协调中')).toBe('warning');
    expect(statusType('待保障')).toBe('danger');
    expect(statusType(null)).toBe('info');
  });
});

describe('round history', () => {
  it('keeps the latest filing of each round for the chart, all filings for the table', () => {
    expect(latestPerRound(profile.records).map((r) => r.id)).toEqual([1, 3]);
    const rows = recordRows(profile);
    expect(rows.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(rows[0]).toMatchObject({ round: '2024-11', thisYear: '16,000.00', total: '30,000.00', progress: '55.0%', late: true });
    expect(planOfRound(profile, '2024-11')).toBe(400_000_000);
    expect(planOfRound(profile, '2022-11')).toBeNull();
    expect(sourceLabel('import', tZh, teZh)).toBe('Excel 导入');
    expect(sourceLabel('fax', tZh, teZh)).toBe('fax');
  });

  it('charts this year against the plan and the total, in 万元', () => {
    const option = recordsChartOption(profile, tZh) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(option.xAxis.data).toEqual(['2024-10', '2024-11']);
    expect(option.series.map((s) => s.name)).toEqual(['本年累计完成投资', '年度计划投资', '累计完成投资']);
    expect(option.series[0]!.data).toEqual([10000, 16000]);
    expect(option.series[1]!.data).toEqual([40000, 40000]);
    expect(option.series[2]!.data).toEqual([25000, 30000]);
  });

  it('exports the records in 万元', () => {
    const req = recordsExport(profile, tZh);
    const sheet = req.sheets[0]!;
    expect(sheet.columns[2]).toMatchObject({ header: '本期完成（万元）', type: 'money', unit: '万元' });
    expect(sheet.rows[0]!.slice(0, 5)).toEqual(['2024-11', '在建', 20_000_000, 160_000_000, 300_000_000]);
    expect(sheet.rows[0]!.at(-1)).toBe('是');
  });
});

describe('land', () => {
  it('describes the need and exports the parcels', () => {
    expect(landNeedText({ need: { amount: 200, unit: '亩', hectares: 13.3333 }, parcels: [] }, tZh)).toBe('200 亩（13.33 公顷）');
    expect(landNeedText({ need: { amount: 12.5, unit: '公顷', hectares: 12.5 }, parcels: [] }, tZh)).toBe('12.5 公顷');
    expect(landNeedText({ need: null, parcels: [] }, tZh)).toBe('未登记用地需求');
    expect(landNeedText({ need: { text: '17.1公顷', hectares: 17.06 }, parcels: [] }, tZh)).toBe('17.1公顷');
    expect(landNeedText({ need: { hectares: 17.06 }, parcels: [] }, tEn)).toBe('17.06 ha');
    const parcel = { id: 1, code: 'MS-01', park_id: 2, area_ha: 14.2, land_use: '工业', price: null, status: '可供', enterprise: null, project: null, idle_since: null, revitalized_at: null, fit: '面积14.2公顷≥需求13.3公顷' };
    const req = landExport({ need: null, parcels: [parcel] }, '新能源汽车零部件项目', tZh);
    expect(req.sheets[0]!.rows).toEqual([['MS-01', 14.2, '工业', '可供', '面积14.2公顷≥需求13.3公顷']]);
  });
});

describe('the 填报本期 form', () => {
  it('converts between 元 and 万元 without drift', () => {
    expect(yuanToWan(123_456_789)).toBe(12345.68);
    expect(yuanToWan(null)).toBeNull();
    expect(wanToYuan(12.34)).toBe(123_400);
    expect(wanToYuan(0.01)).toBe(100);
    expect(wanToYuan(1234.5678)).toBe(12_345_678);
    expect(wanToYuan(4.35)).toBe(43_500);
    expect(wanToYuan(null)).toBeNull();
    expect(wanToYuan(0)).toBe(0);
  });

  it('starts from the newest open round and the latest figures', () => {
    expect(openRounds(rounds).map((r) => r.period)).toEqual(['2024-12']);
    const form = initialForm(profile, rounds);
    expect(form).toMatchObject({
      round: '2024-12',
      stage: '在建',
      reason: '',
      completedTotalWan: 30000,
      completedPeriodWan: null,
      completedThisYearWan: 16000,
      progressPct: 55,
      workers: 120
    });
    // A new year starts its 本年累计 afresh.
    const january: Round[] = [{ ...rounds[1]!, id: 13, period: '2025-01' }];
    expect(initialForm(profile, january).completedThisYearWan).toBeNull();
    expect(initialForm(profile, []).round).toBe('');
  });

  it('adds this period to the cumulative figures', () => {
    expect(cumulativesAfter({ completedThisYearWan: 16000, completedTotalWan: 30000.1 }, 1000.2)).toEqual({ thisYear: 17000.2, total: 31000.3 });
    expect(cumulativesAfter({ completedThisYearWan: null, completedTotalWan: null }, 500)).toEqual({ thisYear: 500, total: null });
    expect(cumulativesAfter({ completedThisYearWan: 1, completedTotalWan: 2 }, null)).toEqual({ thisYear: 1, total: 2 });
  });

  it('validates before sending', () => {
    const ok: RecordForm = { ...initialForm(profile, rounds) };
    expect(validateForm(ok, tZh)).toEqual([]);
    expect(validateForm({ ...ok, stage: '暂停' }, tZh)).toEqual(['暂停须填写原因']);
    expect(validateForm({ ...ok, stage: '终止', reason: '  ' }, tEn)).toEqual(['Terminated needs a reason']);
    expect(validateForm({ ...ok, round: '', completedPeriodWan: -1, progressPct: 120, workers: 1.5 }, tZh)).toEqual([
      '请选择调度期',
      '本期完成投资（万元）不能为负数',
      '形象进度应在 0 到 100 之间',
      '在场工人应为非负整数'
    ]);
  });

  it('sends money as integer 元 and leaves out empty fields', () => {
    const form: RecordForm = {
      round: '2024-12',
      stage: '暂停',
      reason: ' 资金未到位 ',
      onDate: '2024-12-20',
      completedTotalWan: 31000.5,
      completedPeriodWan: 1000,
      completedThisYearWan: null,
      progressPct: 60,
      workers: 0,
      problems: ''
    };
    expect(formToInput(form)).toEqual({
      round: '2024-12',
      stage: '暂停',
      reason: '资金未到位',
      on_date: '2024-12-20',
      completed_total: 310_005_000,
      completed_period: 10_000_000,
      progress_pct: 60,
      workers: 0
    });
  });

  it('shows the server’s reason for a refused filing', () => {
    const bad = recordErrorText(new ApiError(400, 'bad_transition', '在建项目不能回到签约阶段，须先暂停'), tZh, teZh);
    expect(bad).toEqual({ title: '阶段变更不被允许', detail: '在建项目不能回到签约阶段，须先暂停', code: 'bad_transition' });
    const field = recordErrorText(new ApiError(400, 'bad_request', 'progress_pct: 应在0到100之间'), tZh, teZh);
    expect(field.detail).toBe('progress_pct: 应在0到100之间');
    expect(recordErrorText(new ApiError(404, 'not_found', 'not_found'), tZh, teZh)).toEqual({ title: '该调度期未开放填报', detail: '', code: 'not_found' });
    expect(recordErrorText(new ApiError(409, 'conflict', '冲突'), tZh, teZh).title).toBe('数据冲突，请刷新后重试');
    expect(recordErrorText(new Error('boom'), tZh, teZh)).toEqual({ title: '提交失败', detail: 'boom', code: 'unknown' });
  });
});
