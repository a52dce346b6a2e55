// The Chinese enumerations the API sends (stage, level, tier, role, position, metric) and
// their locale keys. The API's value stays the data; the label follows the UI language, and a
// value the app does not know is shown as sent.
import type { LocaleSchema } from '@/locales/zh-cn';

type Enums = LocaleSchema['enums'];
export type EnumKind = keyof Enums;

const KEYS: { [K in EnumKind]: Record<string, keyof Enums[K]> } = {
  stage: {
    谋划: 'planning',
    签约: 'signed',
    开工: 'started',
    在建: 'construction',
    试投产: 'trial',
    投产: 'production',
    达产: 'capacity',
    暂停: 'paused',
    终止: 'terminated'
  },
  level: {
    省重大: 'provinceMajor',
    省优选: 'provinceSelected',
    省重点: 'provinceKey',
    市重点: 'cityKey',
    区级重点: 'districtKey'
  },
  tier: { 千亿级: 'hundredBillion', 百亿级: 'tenBillion' },
  role: { 主导: 'leading', 新兴: 'emerging', 传统: 'traditional' },
  position: { 上游: 'upstream', 中游: 'midstream', 下游: 'downstream' },
  metric: {
    规上工业总产值: 'output',
    工业总产值: 'output',
    营业收入: 'revenue',
    利润: 'profit',
    利润总额: 'profit',
    税收: 'tax',
    用工: 'employment',
    研发投入: 'rnd',
    能耗: 'energy',
    投资: 'investment'
  }
};

/** Project stages in their life-cycle order (谋划 → 达产, then 暂停, 终止). */
export const STAGE_ORDER: readonly string[] = Object.keys(KEYS.stage);
/** Project levels, highest first (省重大 → 区级重点). */
export const LEVEL_ORDER: readonly string[] = Object.keys(KEYS.level);

/** Sorts by life-cycle stage; stages the app does not know go last, in their given order. */
export function sortByStage<T extends { stage: string }>(items: readonly T[]): T[] {
  const rank = (stage: string) => {
    const i = STAGE_ORDER.indexOf(stage);
    return i < 0 ? STAGE_ORDER.length : i;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.stage) - rank(b.item.stage) || a.index - b.index)
    .map(({ item }) => item);
}

/** The locale key of an API value, e.g. ('stage', '在建') → 'enums.stage.construction'. */
export function enumKey(kind: EnumKind, value: string | null | undefined): string | null {
  if (!value) return null;
  const key = (KEYS[kind] as Record<string, string>)[value];
  return key ? `enums.${kind}.${key}` : null;
}

/** The label of an API value in the current language; the value itself when unknown; "—" when null. */
export function enumLabel(
  t: (key: string) => string,
  kind: EnumKind,
  value: string | null | undefined
): string {
  if (value === null || value === undefined || value === '') return '—';
  const key = enumKey(kind, value);
  return key ? t(key) : value;
}
