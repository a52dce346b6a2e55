// Turns a chain's flat link list (each naming its parent by key) into a tree.
import type { ChainLink } from '@/typings/api/chains';

export interface LinkNode extends ChainLink {
  children: LinkNode[];
}

/**
 * Builds the link tree in the order the links were sent. A link whose parent key is unknown
 * (or that would close a cycle) becomes a root, so no link is ever dropped.
 */
export function buildLinkTree(links: readonly ChainLink[]): LinkNode[] {
  const nodes: LinkNode[] = links.map((link) => ({ ...link, children: [] }));
  const byKey = new Map<string, LinkNode>();
  for (const node of nodes) if (!byKey.has(node.key)) byKey.set(node.key, node);
  const roots: LinkNode[] = [];
  for (const node of nodes) {
    const parent = node.parent !== null ? byKey.get(node.parent) : undefined;
    if (parent && parent !== node && !isAncestor(node, parent)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function isAncestor(candidate: LinkNode, of: LinkNode): boolean {
  const stack = [...candidate.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === of) return true;
    stack.push(...n.children);
  }
  return false;
}

/** How many links sit at each position (上游/中游/下游), in that order, then any other. */
export function countByPosition(links: readonly ChainLink[]): { position: string; count: number }[] {
  const order = ['上游', '中游', '下游'];
  const counts = new Map<string, number>();
  for (const l of links) counts.set(l.position, (counts.get(l.position) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => {
      const ia = order.indexOf(a[0]);
      const ib = order.indexOf(b[0]);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    })
    .map(([position, count]) => ({ position, count }));
}
