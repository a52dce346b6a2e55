// The 园区 page's view model (GET /parks): one card per park with its land by status, the
// parcels table (土地超市) with the firm or project on each, and the revitalisation sentence.
// Areas in 公顷 with two decimals; prices in 万元. Pure, so it is unit-tested.
import type { ExportRequest } from '@/typings/api/export';
import type { LandFigures, Park, Parcel } from '@/typings/api/parks';
import { col, tableExport, type ExportColumn } from '@/utils/export';
import { EMPTY, formatCount, formatScaled, formatWan, orEmpty } from '@/utils/format';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

export const PARCEL_STATUSES: readonly string[] = ['闲置', '可供', '已供'];

/** Hectares with two decimals; null → "—". */
export function formatHa(ha: number | null | undefined): string {
  if (ha === null || ha === undefined || !Number.isFinite(ha)) return EMPTY;
  return formatScaled(ha, 1, 2);
}

/** The tag colour of a parcel status: 闲置 red (to revitalise), 可供 green (on offer), 已供 grey. */
export function parcelStatusType(status: string): 'danger' | 'success' | 'info' | 'warning' {
  if (status === '闲置') return 'danger';
  if (status === '可供') return 'success';
  if (status === '已供') return 'info';
  return 'warning';
}

/** The locale key of a parcel status, or null when the app does not know it. */
export function parcelStatusKey(status: string): string | null {
  return { 闲置: 'parks.status.idle', 可供: 'parks.status.available', 已供: 'parks.status.supplied' }[status] ?? null;
}

export function parcelStatusLabel(status: string, t: Translate): string {
  const key = parcelStatusKey(status);
  return key ? t(key) : status;
}

export interface LandBar {
  status: string;
  ha: number;
  text: string;
  /** Share of the park's parcel land in percent, for the stacked bar. */
  pct: number;
}

export interface ParkCard {
  id: number;
  name: string;
  industry: string;
  chain: string;
  taskForce: string;
  area: string;
  parcels: number;
  bars: LandBar[];
  park: Park;
}

/** The cards, in the server's order, with idle / available / supplied hectares as a bar. */
export function parkCards(parks: readonly Park[]): ParkCard[] {
  return parks.map((p) => {
    const sum = p.idle_ha + p.available_ha + p.supplied_ha;
    const bar = (status: string, ha: number): LandBar => ({ status, ha, text: formatHa(ha), pct: sum > 0 ? Math.round((ha / sum) * 1000) / 10 : 0 });
    return {
      id: p.id,
      name: p.name,
      industry: orEmpty(p.featured_industry),
      chain: orEmpty(p.chain),
      taskForce: orEmpty(p.task_force),
      area: formatHa(p.area_ha),
      parcels: p.parcels.length,
      bars: [bar('闲置', p.idle_ha), bar('可供', p.available_ha), bar('已供', p.supplied_ha)],
      park: p
    };
  });
}

export interface ParcelRow {
  id: number;
  code: string;
  parkId: number;
  parkName: string;
  area: string;
  areaHa: number;
  landUse: string;
  price: string;
  status: string;
  enterprise: { uscc: string; name: string } | null;
  project: { id: number; name: string } | null;
  idleSince: string;
  revitalizedAt: string;
  parcel: Parcel;
}

/** Every parcel of every park (park order, then parcel code), optionally of one park and status. */
export function parcelRows(parks: readonly Park[], filter: { parkId?: number | null; status?: string | null } = {}): ParcelRow[] {
  const rows: ParcelRow[] = [];
  for (const p of parks) {
    if (filter.parkId && p.id !== filter.parkId) continue;
    const parcels = [...p.parcels].sort((a, b) => a.code.localeCompare(b.code));
    for (const x of parcels) {
      if (filter.status && x.status !== filter.status) continue;
      rows.push({
        id: x.id,
        code: x.code,
        parkId: p.id,
        parkName: p.name,
        area: formatHa(x.area_ha),
        areaHa: x.area_ha,
        landUse: orEmpty(x.land_use),
        price: formatWan(x.price),
        status: x.status,
        enterprise: x.enterprise,
        project: x.project,
        idleSince: orEmpty(x.idle_since),
        revitalizedAt: orEmpty(x.revitalized_at),
        parcel: x
      });
    }
  }
  return rows;
}

/** Totals over parcels by status (hectares and counts). */
export function statusTotals(rows: readonly ParcelRow[]): { status: string; count: number; ha: string }[] {
  return PARCEL_STATUSES.map((status) => {
    const of = rows.filter((r) => r.status === status);
    return { status, count: of.length, ha: formatHa(of.reduce((s, r) => s + r.areaHa, 0)) };
  });
}

/** The sentence to show; a fallback built from the figures when the server sends none. */
export function landSentence(land: LandFigures | null | undefined, t: Translate): string {
  if (!land) return '';
  if (land.sentence) return land.sentence;
  if (!land.revitalized_firms && !land.revitalized_ha) return '';
  return t('parks.sentenceFallback', { year: land.year ?? '', firms: formatCount(land.revitalized_firms), ha: formatHa(land.revitalized_ha) });
}

export function parksExport(cards: readonly ParkCard[], t: Translate, fileName: string): ExportRequest {
  const columns: ExportColumn<ParkCard>[] = [
    col.text(t('parks.col.park'), (c) => c.name, 24),
    col.text(t('parks.featured'), (c) => c.park.featured_industry, 20),
    col.text(t('parks.chain'), (c) => c.park.chain),
    col.text(t('parks.taskForce'), (c) => c.park.task_force, 24),
    col.decimal(t('parks.areaHa'), (c) => c.park.area_ha),
    col.integer(t('parks.parcelCount'), (c) => c.parcels),
    col.decimal(t('parks.idleHa'), (c) => c.park.idle_ha),
    col.decimal(t('parks.availableHa'), (c) => c.park.available_ha),
    col.decimal(t('parks.suppliedHa'), (c) => c.park.supplied_ha)
  ];
  return tableExport(fileName, t('parks.parksTitle'), columns, cards);
}

export function parcelsExport(rows: readonly ParcelRow[], t: Translate, fileName: string): ExportRequest {
  const columns: ExportColumn<ParcelRow>[] = [
    col.text(t('parks.col.code'), (r) => r.code),
    col.text(t('parks.col.park'), (r) => r.parkName, 24),
    col.decimal(t('parks.col.area'), (r) => r.areaHa),
    col.text(t('parks.col.landUse'), (r) => r.parcel.land_use),
    col.money(t('parks.col.price'), (r) => r.parcel.price, 'firm', 'zh-CN'),
    col.text(t('parks.col.status'), (r) => parcelStatusLabel(r.status, t)),
    col.text(t('parks.col.enterprise'), (r) => r.enterprise?.name ?? null, 30),
    col.text(t('parks.col.project'), (r) => r.project?.name ?? null, 30),
    col.text(t('parks.col.idleSince'), (r) => r.parcel.idle_since),
    col.text(t('parks.col.revitalizedAt'), (r) => r.parcel.revitalized_at)
  ];
  return tableExport(fileName, t('parks.parcelsTitle'), columns, rows);
}
