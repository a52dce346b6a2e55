// The options of the header's region switcher: the regions that have plans (from GET /plans
// without a region), then the county search results, then the current choice if it is in
// neither list (so the select can still show its name).
import type { RegionRef } from '@/typings/api/common';
import type { Plan } from '@/typings/api/plans';
import type { User } from '@/typings/api/auth';

export interface RegionOptionGroup {
  kind: 'plans' | 'search';
  options: RegionRef[];
}

function uniqueByCode(regions: readonly RegionRef[]): RegionRef[] {
  const seen = new Set<string>();
  const out: RegionRef[] = [];
  for (const r of regions) {
    if (!r || !r.code || seen.has(r.code)) continue;
    seen.add(r.code);
    out.push({ code: r.code, name: r.name });
  }
  return out;
}

/** The distinct regions of the plans, in the order the server sent the plans. */
export function regionsFromPlans(plans: readonly Plan[]): RegionRef[] {
  return uniqueByCode(plans.map((p) => p.region));
}

/**
 * The switcher's groups: regions with plans first; then the search results that are not
 * already listed; the current region is added to the search group when it is in neither.
 * Empty groups are left out.
 */
export function buildRegionOptions(input: {
  planRegions: readonly RegionRef[];
  searchResults: readonly RegionRef[];
  current: RegionRef | null;
}): RegionOptionGroup[] {
  const plans = uniqueByCode(input.planRegions);
  const planCodes = new Set(plans.map((r) => r.code));
  let search = uniqueByCode(input.searchResults).filter((r) => !planCodes.has(r.code));
  const current = input.current;
  if (current && current.code && !planCodes.has(current.code) && !search.some((r) => r.code === current.code)) {
    search = [{ code: current.code, name: current.name }, ...search];
  }
  const groups: RegionOptionGroup[] = [];
  if (plans.length) groups.push({ kind: 'plans', options: plans });
  if (search.length) groups.push({ kind: 'search', options: search });
  return groups;
}

/** The default region: the first plan's region, else the user's first region, else null. */
export function defaultRegion(planRegions: readonly RegionRef[], user: User | null): RegionRef | null {
  const first = planRegions[0] ?? user?.regions?.[0];
  return first ? { code: first.code, name: first.name } : null;
}

/** The region to start with: the stored choice when there is one, else the default. */
export function initialRegion(
  stored: RegionRef | null,
  planRegions: readonly RegionRef[],
  user: User | null
): RegionRef | null {
  if (stored && typeof stored.code === 'string' && stored.code) {
    return { code: stored.code, name: typeof stored.name === 'string' ? stored.name : stored.code };
  }
  return defaultRegion(planRegions, user);
}
