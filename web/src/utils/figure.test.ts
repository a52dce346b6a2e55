import { describe, expect, it } from 'vitest';
import { growthFigure } from './figure';

describe('growthFigure', () => {
  it('shows a rate with its sign and keeps the raw value', () => {
    expect(growthFigure(12.34)).toEqual({ text: '+12.3%', raw: 12.34, trend: 'up' });
    expect(growthFigure(-3)).toEqual({ text: '-3.0%', raw: -3, trend: 'down' });
  });

  it('calls a rate that rounds to zero flat', () => {
    expect(growthFigure(0.04).trend).toBe('flat');
  });

  it('shows a missing rate as a dash with a null raw value', () => {
    expect(growthFigure(null)).toEqual({ text: '—', raw: null, trend: 'none' });
    expect(growthFigure(undefined)).toEqual({ text: '—', raw: null, trend: 'none' });
  });
});
