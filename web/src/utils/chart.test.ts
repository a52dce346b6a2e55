import { describe, expect, it } from 'vitest';
import { axisTooltip } from './chart';

describe('axisTooltip', () => {
  const rows = [
    { month: '2024-01', value: 1 },
    { month: '2024-02', value: 2 }
  ];
  const format = axisTooltip(rows, (r) => [r.month, `产值: ${r.value}`]);

  it('shows the lines of the hovered row, one per line', () => {
    expect(format([{ dataIndex: 1 }, { dataIndex: 1 }])).toBe('2024-02<br/>产值: 2');
    expect(format({ dataIndex: 0 })).toBe('2024-01<br/>产值: 1');
  });

  it('escapes what the lines hold', () => {
    const names = axisTooltip([{ name: 'A&B <Co>' }], (r) => [r.name]);
    expect(names([{ dataIndex: 0 }])).toBe('A&amp;B &lt;Co&gt;');
  });

  it('shows nothing when no row is hovered', () => {
    expect(format([])).toBe('');
    expect(format([{ dataIndex: 5 }])).toBe('');
    expect(format(null)).toBe('');
  });
});
