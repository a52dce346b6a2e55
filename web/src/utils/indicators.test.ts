import { describe, expect, it } from 'vitest';
import {
  INDICATORS,
  formatIndicatorValue,
  indicatorByCode,
  indicatorByLabel,
  indicatorChartValue,
  indicatorOfNote,
  unitKey
} from './indicators';

describe('indicators', () => {
  it('maps breakdown codes to the labels the answers use', () => {
    expect(INDICATORS.map((i) => [i.code, i.label])).toEqual([
      ['output', '工业总产值'],
      ['revenue', '营业收入'],
      ['main_revenue', '主营业务收入'],
      ['profit', '利润总额'],
      ['tax', '税收'],
      ['rnd', '研发费用'],
      ['employees', '从业人员'],
      ['energy', '综合能源消费量']
    ]);
    expect(indicatorByCode('energy').kind).toBe('energy');
    expect(indicatorByCode('nonsense').code).toBe('output');
    expect(indicatorByLabel('从业人员')?.kind).toBe('people');
    expect(indicatorByLabel('x')).toBeNull();
  });

  it('finds the indicator a watch-list note starts with', () => {
    expect(indicatorOfNote('综合能源消费量同比下降超过一半')?.code).toBe('energy');
    expect(indicatorOfNote('营业收入同比下降超过一半')?.code).toBe('revenue');
    expect(indicatorOfNote('主营业务收入疑似单位错误')?.code).toBe('main_revenue');
    expect(indicatorOfNote('接近门槛')).toBeNull();
  });

  it('shows money in 亿元 or bn yuan for a region and 万元 for a firm, people in 人, energy in 吨标准煤', () => {
    expect(formatIndicatorValue('money', 69_816_958_000, 'zh-CN', 'region')).toBe('698.17');
    expect(formatIndicatorValue('money', 69_816_958_000, 'en-US', 'region')).toBe('69.82');
    expect(formatIndicatorValue('money', 716_232_000, 'zh-CN', 'firm')).toBe('71,623.20');
    expect(formatIndicatorValue('people', 51_735, 'zh-CN', 'region')).toBe('51,735');
    expect(formatIndicatorValue('energy', 21_707_625, 'zh-CN', 'firm')).toBe('21,707.63');
    expect(formatIndicatorValue('energy', null, 'zh-CN', 'firm')).toBe('—');
    expect([unitKey('money', 'region'), unitKey('money', 'firm'), unitKey('people', 'firm'), unitKey('energy', 'region')]).toEqual([
      'unit.yi',
      'unit.wan',
      'unit.people',
      'unit.tce'
    ]);
    expect(indicatorChartValue('energy', 21_707_625, 'zh-CN', 'firm')).toBe(21_707.63);
    expect(indicatorChartValue('money', 716_232_000, 'zh-CN', 'firm')).toBe(71_623.2);
    expect(indicatorChartValue('money', null, 'zh-CN', 'firm')).toBeNull();
  });
});
