// One thing a page or card loads: the answer, whether it is loading, and the error of the last
// try. Answers to an older request are dropped, so a quick change of what is asked (another
// region, another project) never ends with the previous answer on screen.
import { ref, shallowRef } from 'vue';

export interface LoaderOptions {
  /** Called with an error before it is shown; true = dealt with, so `error` stays null. */
  handled?: (error: unknown) => boolean;
}

/**
 * `load` starts the request, or returns null when there is nothing to load (then `data` and
 * `error` are cleared). `reload` runs it again; the page decides when (usually in a watch).
 * A failed load clears `data` and sets `error`.
 */
export function useLoader<T>(load: () => Promise<T> | null, options: LoaderOptions = {}) {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let sequence = 0;

  async function reload(): Promise<void> {
    const id = ++sequence;
    loading.value = true;
    error.value = null;
    try {
      const pending = load();
      if (pending === null) {
        data.value = null;
        return;
      }
      const result = await pending;
      if (id === sequence) data.value = result;
    } catch (e) {
      if (id !== sequence) return;
      data.value = null;
      if (!options.handled?.(e)) error.value = e;
    } finally {
      if (id === sequence) loading.value = false;
    }
  }

  return { data, loading, error, reload };
}
