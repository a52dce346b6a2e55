// A figure as a page shows it: its text, and the raw API value the page also puts in data-value
// (so browser tests compare numbers, not formatting).
import { formatGrowth, growthTrend } from './format';

export interface Figure {
  text: string;
  raw: number | null;
}

/** A growth rate, with where it sits for colouring (trend-up, trend-down, ...). */
export interface GrowthFigure extends Figure {
  trend: 'up' | 'down' | 'flat' | 'none';
}

/** A growth rate in percent ("+12.3%", "—" when missing); undefined counts as missing. */
export function growthFigure(percent: number | null | undefined): GrowthFigure {
  const value = percent ?? null;
  return { text: formatGrowth(value), raw: value, trend: growthTrend(value) };
}
