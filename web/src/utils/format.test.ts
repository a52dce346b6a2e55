import { describe, expect, it } from 'vitest';
import {
  EMPTY,
  formatCount,
  formatGrowth,
  formatMoney,
  formatMoneyNumber,
  formatRatio,
  formatScaled,
  formatWan,
  formatBytes,
  formatPoints,
  formatShare,
  formatTce,
  formatUnixTime,
  growthTrend,
  monthNumber,
  wanValue
} from './format';

describe('formatMoney', () => {
  it('shows 亿元 with 2 decimals and thousands separators in Chinese', () => {
    expect(formatMoney(123_456_000_000, 'zh-CN')).toBe('1,234.56 亿元');
    expect(formatMoney(180_000_000_000, 'zh-CN')).toBe('1,800.00 亿元');
    expect(formatMoney(0, 'zh-CN')).toBe('0.00 亿元');
  });

  it('shows bn yuan with 2 decimals in English', () => {
    expect(formatMoney(123_456_000_000, 'en-US')).toBe('123.46 bn yuan');
    expect(formatMoney(180_000_000_000, 'en-US')).toBe('180.00 bn yuan');
    expect(formatMoney(1_234_567_890_123, 'en-US')).toBe('1,234.57 bn yuan');
  });

  it('shows — for a missing amount', () => {
    expect(formatMoney(null, 'zh-CN')).toBe(EMPTY);
    expect(formatMoney(undefined, 'en-US')).toBe(EMPTY);
    expect(formatMoney(Number.NaN, 'zh-CN')).toBe(EMPTY);
    expect(formatMoneyNumber(null, 'zh-CN')).toBe('—');
  });

  it('rounds half away from zero on the integer, without float drift', () => {
    expect(formatMoneyNumber(1_500_000, 'zh-CN')).toBe('0.02'); // 0.015 亿
    expect(formatMoneyNumber(1_499_999, 'zh-CN')).toBe('0.01');
    expect(formatMoneyNumber(234_500_000, 'zh-CN')).toBe('2.35'); // 2.345 亿
    expect(formatMoneyNumber(100_499_999, 'zh-CN')).toBe('1.00');
    expect(formatMoneyNumber(100_500_000, 'zh-CN')).toBe('1.01');
    expect(formatMoneyNumber(5_000_000, 'en-US')).toBe('0.01'); // 0.005 bn
  });

  it('keeps the sign of negative amounts and drops it when they round to zero', () => {
    expect(formatMoney(-123_456_000_000, 'zh-CN')).toBe('-1,234.56 亿元');
    expect(formatMoneyNumber(-1_500_000, 'zh-CN')).toBe('-0.02');
    expect(formatMoneyNumber(-400_000, 'zh-CN')).toBe('0.00');
  });

  it('handles amounts up to 2^53 exactly', () => {
    expect(formatMoneyNumber(9_007_199_254_740_991, 'zh-CN')).toBe('90,071,992.55');
  });
});

describe('formatWan', () => {
  it('shows 万元 with 2 decimals', () => {
    expect(formatWan(50_000_000)).toBe('5,000.00');
    expect(formatWan(12_345)).toBe('1.23');
    expect(formatWan(12_355)).toBe('1.24');
    expect(formatWan(null)).toBe(EMPTY);
  });
});

describe('formatGrowth', () => {
  it('signs and rounds to one decimal', () => {
    expect(formatGrowth(7.09)).toBe('+7.1%');
    expect(formatGrowth(-3.24)).toBe('-3.2%');
    expect(formatGrowth(-3.25)).toBe('-3.3%');
    expect(formatGrowth(6.2)).toBe('+6.2%');
    expect(formatGrowth(125)).toBe('+125.0%');
    expect(formatGrowth(1234.5)).toBe('+1,234.5%');
  });

  it('shows no sign at zero, also when a small value rounds to zero', () => {
    expect(formatGrowth(0)).toBe('0.0%');
    expect(formatGrowth(0.04)).toBe('0.0%');
    expect(formatGrowth(-0.04)).toBe('0.0%');
  });

  it('shows — for null (no base)', () => {
    expect(formatGrowth(null)).toBe('—');
    expect(formatGrowth(undefined)).toBe('—');
  });

  it('classifies the trend as displayed', () => {
    expect(growthTrend(7.09)).toBe('up');
    expect(growthTrend(-0.04)).toBe('flat');
    expect(growthTrend(-0.06)).toBe('down');
    expect(growthTrend(null)).toBe('none');
  });
});

describe('other formats', () => {
  it('formats counts, ratios and months', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe(EMPTY);
    expect(formatRatio(1.4)).toBe('140.0%');
    expect(formatRatio(0.8765)).toBe('87.7%');
    expect(formatRatio(null)).toBe(EMPTY);
    expect(monthNumber('2024-12')).toBe(12);
    expect(monthNumber('2024-03')).toBe(3);
    expect(monthNumber('2024-13')).toBeNull();
    expect(monthNumber(null)).toBeNull();
    expect(formatScaled(1234.5, 1, 0)).toBe('1,235');
  });
});

describe('shares, points, energy and sizes', () => {
  it('formats 占比 without sign and 拉动 in percentage points with sign', () => {
    expect(formatShare(72.33)).toBe('72.3%');
    expect(formatShare(100)).toBe('100.0%');
    expect(formatShare(null)).toBe('—');
    expect(formatPoints(5.22)).toBe('+5.22');
    expect(formatPoints(-0.4)).toBe('-0.40');
    expect(formatPoints(-0.004)).toBe('0.00');
    expect(formatPoints(0)).toBe('0.00');
    expect(formatPoints(null)).toBe('—');
  });

  it('shows energy in 吨标准煤 from 千克标准煤, and 万元 as a chart number', () => {
    expect(formatTce(21_707_625)).toBe('21,707.63');
    expect(formatTce(2_033_165_673)).toBe('2,033,165.67');
    expect(formatTce(undefined)).toBe('—');
    expect(wanValue(716_232_000)).toBe(71_623.2);
    expect(wanValue(12_355)).toBe(1.24);
    expect(wanValue(null)).toBeNull();
  });

  it('formats file sizes and Unix times', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5860)).toBe('5.7 KB');
    expect(formatBytes(2_400_000)).toBe('2.3 MB');
    expect(formatUnixTime(null)).toBe('—');
    expect(formatUnixTime(0)).toMatch(/^19(70|69)-\d\d-\d\d \d\d:\d\d$/);
  });
});
