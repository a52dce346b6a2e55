// The canonical answer lines and their FNV-1a 64 checksum, as qq_indicators_bench and
// peers.py compute them (docs/benchmarks.md, "Monthly indicators"). Values arrive as strings
// (or null for SQL NULL).
const yyyymm = (m) => Math.floor(m / 12) * 100 + (m % 12) + 1;
const big = (v) => (v === null ? 0n : BigInt(v));

export function canonical(key, rows, params) {
  let lines = [];
  if (key === 'b1') {
    for (const [county, m, s] of rows) if (big(s) !== 0n) lines.push(`${county},${yyyymm(Number(m))},${big(s)}`);
    lines.sort();
  } else if (key === 'b2') {
    for (const [link, a, b, c] of rows) {
      if (big(a) === 0n && big(b) === 0n && big(c) === 0n) continue;
      lines.push(`${link},${big(a)},${big(b)},${big(c)}`);
    }
    lines.sort();
  } else if (key === 'b3') {
    rows.forEach(([firm, n, b], k) => lines.push(`${k + 1},${firm},${big(n)},${big(b)}`));
  } else if (key === 'b4') {
    for (const [firm, ttm] of rows) lines.push(`${firm},${big(ttm)}`);
    lines.sort();
  } else if (key === 'c') {
    lines = [`${big(rows[0][0])},${big(rows[0][1])}`];
  }
  return lines;
}

export function fnv1a64(lines) {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  const bytes = Buffer.from(lines.map((l) => l + '\n').join(''), 'utf8');
  for (const c of bytes) h = ((h ^ BigInt(c)) * prime) & mask;
  return h.toString(16).padStart(16, '0');
}
