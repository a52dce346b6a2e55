// Loads a page's data for the current region, and again whenever the region (or one of the
// page's own parameters) changes. Answers to an older request are dropped; when the stored
// region turns out to be out of the user's scope, the switcher goes back to the default
// region (which re-queries).
import { shallowRef, ref, watch, type WatchSource } from 'vue';
import { isApiError } from '@/service/request';
import { useAppStore, useAuthStore } from '@/store';

export function useRegionQuery<T>(load: (region: string) => Promise<T>, deps: WatchSource[] = []) {
  const app = useAppStore();
  const auth = useAuthStore();
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let sequence = 0;

  async function run(): Promise<void> {
    const region = app.regionCode;
    const id = ++sequence;
    if (!region) {
      data.value = null;
      error.value = null;
      loading.value = false;
      return;
    }
    loading.value = true;
    error.value = null;
    try {
      const result = await load(region);
      if (id === sequence) data.value = result;
    } catch (e) {
      if (id !== sequence) return;
      data.value = null;
      if (isApiError(e) && e.code === 'out_of_scope' && app.resetRegion(auth.user)) return;
      error.value = e;
    } finally {
      if (id === sequence) loading.value = false;
    }
  }

  watch([() => app.regionCode, ...deps], () => void run(), { immediate: true });

  return { data, loading, error, reload: run };
}
