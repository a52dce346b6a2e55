// Typed access to the few values the app keeps in localStorage (prefix "qq.").
// Failing storage (private mode, tests without DOM) behaves as empty.

interface StorageValues {
  lang: string;
  /** The chosen region per user: key `region.<username>`. */
  [key: `region.${string}`]: { code: string; name: string };
}

const PREFIX = 'qq.';

function backend(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const localStg = {
  get<K extends keyof StorageValues>(key: K): StorageValues[K] | null {
    const raw = backend()?.getItem(PREFIX + key);
    if (raw === null || raw === undefined) return null;
    try {
      return JSON.parse(raw) as StorageValues[K];
    } catch {
      return null;
    }
  },
  set<K extends keyof StorageValues>(key: K, value: StorageValues[K]): void {
    try {
      backend()?.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the choice lasts for this page only.
    }
  },
  remove(key: keyof StorageValues): void {
    try {
      backend()?.removeItem(PREFIX + key);
    } catch {
      // Ignored, as above.
    }
  }
};
