// The chains a page picks from (GET /chains, in their order) and the one picked: the chain the
// URL names (?chain=ID) when it is one of them, else the first. Loaded when the page mounts.
import { onMounted, ref, shallowRef } from 'vue';
import { useRoute } from 'vue-router';
import { fetchChains } from '@/service/api';
import type { ChainSummary } from '@/typings/api/chains';

/** A positive whole number from the URL's query (?chain=3), else null. */
export function queryId(value: unknown): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function useChainList() {
  const route = useRoute();
  const chains = ref<ChainSummary[]>([]);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const chainId = ref<number | null>(null);

  async function load() {
    loading.value = true;
    error.value = null;
    try {
      chains.value = [...(await fetchChains()).chains].sort((a, b) => a.order - b.order);
      const wanted = queryId(route.query.chain);
      chainId.value = chains.value.some((c) => c.id === wanted) ? wanted : (chains.value[0]?.id ?? null);
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }
  onMounted(load);

  return { chains, loading, error, chainId, reload: load };
}
