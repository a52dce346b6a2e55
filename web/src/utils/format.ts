// Display formatting of the API's numbers. Money arrives as integer 元 and is shown in 亿元
// (zh) or bn yuan (en) with 2 decimals, rounded half away from zero on the integer, so the
// page shows exactly what a check computing from the database expects. Growth arrives in
// percent and is shown with a sign and one decimal; null (no base) shows as "—".

export type Lang = 'zh-CN' | 'en-US';

/** What the app shows for a missing value. */
export const EMPTY = '—';

const YUAN_PER_YI = 100_000_000; // 亿
const YUAN_PER_BN = 1_000_000_000;
const YUAN_PER_WAN = 10_000; // 万

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats `value / unit` with `decimals` decimals and thousands separators, rounding half
 * away from zero. With an integer `value` and `unit / 10^decimals` an integer the rounding is
 * exact; for fractional input (growth rates) the quotient is first cut to 15 significant
 * digits so that binary drift (0.8765 * 100 = 87.64999…) does not flip a half.
 */
export function formatScaled(value: number, unit: number, decimals: number): string {
  const scale = 10 ** decimals;
  const step = unit / scale;
  const abs = Math.abs(value);
  const quotient = step >= 1 ? abs / step : (abs * scale) / unit;
  const units = Math.round(Number(quotient.toPrecision(15)));
  const whole = Math.floor(units / scale);
  const frac = units - whole * scale;
  const sign = value < 0 && units !== 0 ? '-' : '';
  const body = groupThousands(String(whole));
  return decimals > 0 ? `${sign}${body}.${String(frac).padStart(decimals, '0')}` : `${sign}${body}`;
}

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

/** A count with thousands separators: 1234 → "1,234"; null → "—". */
export function formatCount(value: number | null | undefined): string {
  if (isMissing(value)) return EMPTY;
  return formatScaled(value, 1, 0);
}

/** The number part of a big money amount: 亿元 (zh) or bn yuan (en), 2 decimals. */
export function formatMoneyNumber(yuan: number | null | undefined, lang: Lang): string {
  if (isMissing(yuan)) return EMPTY;
  return lang === 'en-US' ? formatScaled(yuan, YUAN_PER_BN, 2) : formatScaled(yuan, YUAN_PER_YI, 2);
}

/** The unit that goes with formatMoneyNumber: "亿元" or "bn yuan". */
export function moneyUnit(lang: Lang): string {
  return lang === 'en-US' ? 'bn yuan' : '亿元';
}

/** A big money amount with its unit: 123456000000 → "1,234.56 亿元" / "123.46 bn yuan". */
export function formatMoney(yuan: number | null | undefined, lang: Lang): string {
  if (isMissing(yuan)) return EMPTY;
  return `${formatMoneyNumber(yuan, lang)} ${moneyUnit(lang)}`;
}

/** A money amount in 万元 with 2 decimals (registered capital), same in both languages. */
export function formatWan(yuan: number | null | undefined): string {
  if (isMissing(yuan)) return EMPTY;
  return formatScaled(yuan, YUAN_PER_WAN, 2);
}

/** A growth rate in percent: 7.09 → "+7.1%", -3.24 → "-3.2%", 0 → "0.0%", null → "—". */
export function formatGrowth(percent: number | null | undefined): string {
  if (isMissing(percent)) return EMPTY;
  const text = formatScaled(percent, 1, 1);
  if (/^-?0\.0$/.test(text)) return '0.0%';
  return percent > 0 ? `+${text}%` : `${text}%`;
}

/** A ratio as a percentage without sign: 1.4 → "140.0%", null → "—". */
export function formatRatio(ratio: number | null | undefined): string {
  if (isMissing(ratio)) return EMPTY;
  return `${formatScaled(ratio * 100, 1, 1)}%`;
}

/** Where a growth rate sits, for colouring: up, down, flat or none. */
export function growthTrend(percent: number | null | undefined): 'up' | 'down' | 'flat' | 'none' {
  if (isMissing(percent)) return 'none';
  const rounded = Math.round(percent * 10) / 10;
  if (rounded > 0) return 'up';
  if (rounded < 0) return 'down';
  return 'flat';
}

/** The month number of a "YYYY-MM": "2024-12" → 12; null when malformed. */
export function monthNumber(month: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  if (!m) return null;
  const n = Number(m[2]);
  return n >= 1 && n <= 12 ? n : null;
}

/** A value that may be missing, as text: null/undefined/"" → "—". */
export function orEmpty(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  return String(value);
}

/** A big money amount as a number in the display unit (亿元 or bn yuan), rounded to 2 decimals, for charts. */
export function moneyValue(yuan: number | null | undefined, lang: Lang): number | null {
  if (isMissing(yuan)) return null;
  return Number(formatMoneyNumber(yuan, lang).replace(/,/g, ''));
}

/** Escapes text for the few places that build HTML strings (chart tooltips). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A share in percent without sign, one decimal: 72.33 → "72.3%"; null → "—". */
export function formatShare(percent: number | null | undefined): string {
  if (isMissing(percent)) return EMPTY;
  return `${formatScaled(percent, 1, 1)}%`;
}

/** Percentage points with sign and two decimals (拉动): 5.22 → "+5.22", -0.4 → "-0.40"; null → "—". */
export function formatPoints(points: number | null | undefined): string {
  if (isMissing(points)) return EMPTY;
  const text = formatScaled(points, 1, 2);
  if (/^-?0\.00$/.test(text)) return '0.00';
  return points > 0 ? `+${text}` : text;
}

/** Energy in 吨标准煤 (2 decimals) from the API's 千克标准煤: 21707625 → "21,707.63". */
export function formatTce(kilograms: number | null | undefined): string {
  if (isMissing(kilograms)) return EMPTY;
  return formatScaled(kilograms, 1000, 2);
}

/** A money amount as a number in 万元, rounded to 2 decimals, for charts. */
export function wanValue(yuan: number | null | undefined): number | null {
  if (isMissing(yuan)) return null;
  return Number(formatWan(yuan).replace(/,/g, ''));
}

/** A Unix time (seconds) as local "YYYY-MM-DD HH:mm"; null → "—". */
export function formatUnixTime(seconds: number | null | undefined): string {
  if (isMissing(seconds)) return EMPTY;
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A file size: 5860 → "5.7 KB", 2_400_000 → "2.3 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (isMissing(bytes)) return EMPTY;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatScaled(bytes / 1024, 1, 1)} KB`;
  return `${formatScaled(bytes / (1024 * 1024), 1, 1)} MB`;
}
