import { describe, expect, it } from 'vitest';
import { ApiError } from '@/service/request';
import { tZh, teZh } from '@/locales/translator';
import { errorMessage, errorWithReason } from './error';
import { safeRedirect } from './redirect';
import { enumLabel, sortByStage } from './enums';
import { escapeHtml, formatGrowth } from './format';

const known: Record<string, string> = { 'error.bad_credentials': '用户名或密码错误', 'error.loadFailed': '加载失败' };
const t = (key: string) => known[key] ?? key;
const te = (key: string) => key in known;

describe('errorMessage', () => {
  it('translates a known code and falls back to the server message', () => {
    expect(errorMessage(new ApiError(401, 'bad_credentials', 'wrong password'), t, te)).toBe('用户名或密码错误');
    expect(errorMessage(new ApiError(409, 'import_running', '导入正在进行'), t, te)).toBe('导入正在进行');
    expect(errorMessage(new ApiError(500, 'weird', ''), t, te)).toBe('加载失败');
    expect(errorMessage(new Error('boom'), t, te)).toBe('boom');
    expect(errorMessage('??', t, te)).toBe('加载失败');
  });
});

describe('errorWithReason', () => {
  it('keeps the server reason after the translated code', () => {
    const moveBack = new ApiError(400, 'bad_request', 'a lead moves forward only (from 签约 to 线索)');
    expect(errorWithReason(moveBack, tZh, teZh)).toBe('请求有误：a lead moves forward only (from 签约 to 线索)');
    expect(errorWithReason(new ApiError(412, 'failed_precondition', 'lead #3 was given up'), tZh, teZh)).toBe('lead #3 was given up');
    expect(errorWithReason(new ApiError(0, 'network', 'network'), tZh, teZh)).toBe('无法连接服务器');
    expect(errorWithReason(new Error('boom'), tZh, teZh)).toBe('boom');
    expect(errorWithReason(42, tZh, teZh)).toBe('加载失败');
  });
});

describe('safeRedirect', () => {
  it('follows paths inside the app only', () => {
    expect(safeRedirect('/projects?stage=在建')).toBe('/projects?stage=在建');
    expect(safeRedirect(['/chains'])).toBe('/chains');
    expect(safeRedirect('//evil.example/x')).toBe('/overview');
    expect(safeRedirect('/\\evil.example')).toBe('/overview');
    expect(safeRedirect('https://evil.example')).toBe('/overview');
    expect(safeRedirect('/login?redirect=/x')).toBe('/overview');
    expect(safeRedirect('/loginfo')).toBe('/loginfo');
    expect(safeRedirect(undefined)).toBe('/overview');
  });
});

describe('enums', () => {
  it('labels known values and passes unknown ones through', () => {
    const tr = (key: string) => `<${key}>`;
    expect(enumLabel(tr, 'stage', '在建')).toBe('<enums.stage.construction>');
    expect(enumLabel(tr, 'stage', '新阶段')).toBe('新阶段');
    expect(enumLabel(tr, 'tier', null)).toBe('—');
  });

  it('sorts stages by life cycle, unknown last', () => {
    const sorted = sortByStage([{ stage: '终止' }, { stage: 'x' }, { stage: '签约' }, { stage: '达产' }, { stage: '谋划' }]);
    expect(sorted.map((s) => s.stage)).toEqual(['谋划', '签约', '达产', '终止', 'x']);
  });
});

describe('small formats', () => {
  it('escapes HTML and rounds decimal halves as written', () => {
    expect(escapeHtml('<b>"A&B"</b>')).toBe('&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;');
    expect(formatGrowth(7.05)).toBe('+7.1%');
    expect(formatGrowth(-7.05)).toBe('-7.1%');
    expect(formatGrowth(0.05)).toBe('+0.1%');
  });
});
