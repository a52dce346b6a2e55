// "← 返回" of a profile page: back to the page the user came from, or to the named route when
// the profile was opened directly (a pasted link, a new tab).
import { useRouter } from 'vue-router';

export function useBack(fallback: string): () => void {
  const router = useRouter();
  return () => {
    if (window.history.state?.back) router.back();
    else void router.push({ name: fallback });
  };
}
