// App-wide choices: the UI language and the current region (both kept in localStorage; the
// region per user), and the regions that have plans (the switcher's first options).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchPlans } from '@/service/api';
import { setLang as applyLang, storedLang } from '@/locales';
import type { Lang } from '@/utils/format';
import type { RegionRef } from '@/typings/api/common';
import type { User } from '@/typings/api/auth';
import { defaultRegion, initialRegion, regionsFromPlans } from '@/utils/region-options';
import { localStg } from '@/utils/storage';

export const useAppStore = defineStore('app', () => {
  const lang = ref<Lang>(storedLang());
  const region = ref<RegionRef | null>(null);
  const planRegions = ref<RegionRef[]>([]);
  /** The user the regions were loaded for (the region is stored per user). */
  const regionsFor = ref<string | null>(null);

  const regionCode = computed(() => region.value?.code ?? '');

  function setLang(next: Lang) {
    lang.value = next;
    applyLang(next);
  }

  function setRegion(next: RegionRef) {
    region.value = { code: next.code, name: next.name };
    if (regionsFor.value) localStg.set(`region.${regionsFor.value}`, region.value);
  }

  /**
   * Loads the regions with plans for this user (once per user) and picks the starting
   * region: the stored choice, else the first plan's region, else the user's first region.
   */
  async function initRegions(user: User): Promise<void> {
    if (regionsFor.value === user.username && region.value) return;
    regionsFor.value = user.username;
    try {
      planRegions.value = regionsFromPlans((await fetchPlans()).plans);
    } catch {
      planRegions.value = [];
    }
    region.value = initialRegion(localStg.get(`region.${user.username}`), planRegions.value, user);
  }

  /** Goes back to the default region (after the stored one turned out to be out of scope). */
  function resetRegion(user: User | null): boolean {
    const fallback = defaultRegion(planRegions.value, user);
    if (!fallback || fallback.code === region.value?.code) return false;
    setRegion(fallback);
    return true;
  }

  function clearRegions() {
    region.value = null;
    planRegions.value = [];
    regionsFor.value = null;
  }

  return { lang, region, regionCode, planRegions, setLang, setRegion, initRegions, resetRegion, clearRegions };
});
