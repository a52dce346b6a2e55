import { describe, expect, it } from 'vitest';
import type { ChainLink } from '@/typings/api/chains';
import { buildLinkTree, countByPosition } from './model';

function link(key: string, parent: string | null, position = '中游'): ChainLink {
  return { id: key.length, key, name: key, parent, position, tagging: true, industry_codes: [], keywords: [] };
}

describe('buildLinkTree', () => {
  it('nests links under their parents in the order sent', () => {
    const tree = buildLinkTree([
      link('design', null, '上游'),
      link('eda', 'design', '上游'),
      link('fab', null),
      link('ip', 'design', '上游'),
      link('app', null, '下游')
    ]);
    expect(tree.map((n) => n.key)).toEqual(['design', 'fab', 'app']);
    expect(tree[0]!.children.map((n) => n.key)).toEqual(['eda', 'ip']);
  });

  it('accepts children listed before their parent', () => {
    const tree = buildLinkTree([link('eda', 'design'), link('design', null)]);
    expect(tree.map((n) => n.key)).toEqual(['design']);
    expect(tree[0]!.children.map((n) => n.key)).toEqual(['eda']);
  });

  it('never drops a link: unknown parents and cycles become roots', () => {
    const tree = buildLinkTree([link('a', 'b'), link('b', 'a'), link('c', 'missing'), link('d', 'd')]);
    const all: string[] = [];
    const walk = (nodes: typeof tree) => nodes.forEach((n) => (all.push(n.key), walk(n.children)));
    walk(tree);
    expect(all.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(tree.map((n) => n.key)).toEqual(['b', 'c', 'd']);
  });

  it('counts links per position, upstream first', () => {
    expect(countByPosition([link('a', null, '下游'), link('b', null, '上游'), link('c', null, '上游')])).toEqual([
      { position: '上游', count: 2 },
      { position: '下游', count: 1 }
    ]);
  });
});
