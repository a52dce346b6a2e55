// The 产业集群 page's view model: plans with their clusters and the targets that name them.
import type { Plan, PlanCluster } from '@/typings/api/plans';
import type { Target } from '@/typings/api/targets';
import { EMPTY, formatMoney, formatScaled, type Lang } from '@/utils/format';
import { enumLabel } from '@/utils/enums';

type Translate = (key: string, named?: Record<string, unknown>) => string;

const COMPARATOR: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '', '>': '>', '<': '<' };

/** A target's value with comparator and unit: money in 亿元 / bn yuan, other units as sent. */
export function formatTargetValue(target: Target, lang: Lang): string {
  const prefix = COMPARATOR[target.comparator] ?? target.comparator;
  const value =
    target.unit === '元'
      ? formatMoney(target.value, lang)
      : `${formatScaled(target.value, 1, Number.isInteger(target.value) ? 0 : 2)} ${target.unit}`.trim();
  return prefix ? `${prefix} ${value}` : value;
}

/** When the target is due: the deadline year, "每年"/"per year", both, or "—". */
export function formatTargetWhen(target: Target, t: Translate): string {
  const parts: string[] = [];
  if (target.deadline) parts.push(String(target.deadline));
  if (target.per_year) parts.push(t('clusters.perYear'));
  return parts.length ? parts.join(' · ') : EMPTY;
}

/** One line per target: "营业收入 ≥ 1,000.00 亿元（2025）". */
export function describeTarget(target: Target, lang: Lang, t: Translate): string {
  const when = formatTargetWhen(target, t);
  const metric = enumLabel(t, 'metric', target.metric);
  return when === EMPTY ? `${metric} ${formatTargetValue(target, lang)}` : `${metric} ${formatTargetValue(target, lang)}（${when}）`;
}

/** The targets whose subject is this cluster. */
export function targetsOfCluster(cluster: PlanCluster, targets: readonly Target[]): Target[] {
  return targets.filter((x) => x.subject.kind === 'cluster' && String(x.subject.id) === String(cluster.id));
}

/** The targets whose subject is not one of these plans' clusters (region and chain targets). */
export function otherTargets(plans: readonly Plan[], targets: readonly Target[]): Target[] {
  const clusterIds = new Set(plans.flatMap((p) => p.clusters.map((c) => String(c.id))));
  return targets.filter((x) => !(x.subject.kind === 'cluster' && clusterIds.has(String(x.subject.id))));
}
