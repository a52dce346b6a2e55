import { describe, expect, it } from 'vitest';
import { queryId } from './use-chain-list';

describe('queryId', () => {
  it('reads a positive whole number', () => {
    expect(queryId('3')).toBe(3);
    expect(queryId('12')).toBe(12);
  });

  it('reads anything else as none', () => {
    for (const v of [undefined, null, '', '0', '-2', '1.5', 'abc', ['3', '4']]) expect(queryId(v)).toBeNull();
  });
});
