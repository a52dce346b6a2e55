// Loads a page's data for the current region, and again whenever the region (or one of the
// page's own parameters) changes. Answers to an older request are dropped; when the stored
// region turns out to be out of the user's scope, the switcher goes back to the default
// region (which re-queries).
import { watch, type WatchSource } from 'vue';
import { isApiError } from '@/service/request';
import { useAppStore, useAuthStore } from '@/store';
import { useLoader } from './use-loader';

export function useRegionQuery<T>(load: (region: string) => Promise<T>, deps: WatchSource[] = []) {
  const app = useAppStore();
  const auth = useAuthStore();
  const query = useLoader(() => (app.regionCode ? load(app.regionCode) : null), {
    handled: (e) => isApiError(e) && e.code === 'out_of_scope' && app.resetRegion(auth.user)
  });

  watch([() => app.regionCode, ...deps], () => void query.reload(), { immediate: true });

  return query;
}
