import { describe, expect, it } from 'vitest';
import { useLoader } from './use-loader';

/** A promise settled from outside, to order answers as a slow network would. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLoader', () => {
  it('keeps the answer and says when it is loading', async () => {
    const answer = deferred<string>();
    const q = useLoader(() => answer.promise);
    const run = q.reload();
    expect(q.loading.value).toBe(true);
    answer.resolve('a');
    await run;
    expect(q.data.value).toBe('a');
    expect(q.loading.value).toBe(false);
    expect(q.error.value).toBeNull();
  });

  it.each([
    ['answer', (old: ReturnType<typeof deferred<string>>) => old.resolve('old')],
    ['error', (old: ReturnType<typeof deferred<string>>) => old.reject(new Error('late'))]
  ])('drops the %s of an older request', async (_, settleOld) => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const queue = [slow, fast];
    const q = useLoader(() => queue.shift()!.promise);
    const first = q.reload();
    const second = q.reload();
    fast.resolve('new');
    await second;
    settleOld(slow);
    await first;
    expect(q.data.value).toBe('new');
    expect(q.error.value).toBeNull();
    expect(q.loading.value).toBe(false);
  });

  it('clears the answer and keeps the error when a load fails', async () => {
    let fail = false;
    const boom = new Error('boom');
    const q = useLoader(() => (fail ? Promise.reject(boom) : Promise.resolve(1)));
    await q.reload();
    expect(q.data.value).toBe(1);
    fail = true;
    await q.reload();
    expect(q.data.value).toBeNull();
    expect(q.error.value).toBe(boom);
    expect(q.loading.value).toBe(false);
    fail = false;
    await q.reload();
    expect(q.error.value).toBeNull();
  });

  it('leaves the error out when the page deals with it', async () => {
    const seen: unknown[] = [];
    const q = useLoader(() => Promise.reject(new Error('out of scope')), {
      handled: (e) => {
        seen.push(e);
        return true;
      }
    });
    await q.reload();
    expect(seen).toHaveLength(1);
    expect(q.error.value).toBeNull();
    expect(q.data.value).toBeNull();
  });

  it('clears everything when there is nothing to load', async () => {
    let what: string | null = 'x';
    const q = useLoader(() => (what === null ? null : Promise.reject(new Error(what))));
    await q.reload();
    expect(q.error.value).not.toBeNull();
    what = null;
    await q.reload();
    expect(q.data.value).toBeNull();
    expect(q.error.value).toBeNull();
    expect(q.loading.value).toBe(false);
  });
});
