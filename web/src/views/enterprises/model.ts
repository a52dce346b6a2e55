// The 企业库 page's export: the page of firms on screen, with the columns of the table.
import type { Enterprise } from '@/typings/api/enterprises';
import type { ExportRequest } from '@/typings/api/export';
import { col, tableExport, type ExportColumn } from '@/utils/export';

type Translate = (key: string, named?: Record<string, unknown>) => string;

export function enterprisesExport(items: readonly Enterprise[], region: string, page: number, t: Translate): ExportRequest {
  const columns: ExportColumn<Enterprise>[] = [
    col.text(t('enterprises.uscc'), (e) => e.uscc, 22),
    col.text(t('enterprises.name'), (e) => e.name, 36),
    col.text(t('enterprises.town'), (e) => e.town?.name),
    col.text(t('enterprises.industry'), (e) => (e.industry ? `${e.industry.code} ${e.industry.name}` : null), 28),
    col.text(t('enterprises.founded'), (e) => e.founded),
    col.money(t('enterprises.capital'), (e) => e.registered_capital, 'firm', 'zh-CN'),
    col.text(t('enterprises.aboveScale'), (e) => (e.above_scale ? t('common.yes') : t('common.no')))
  ];
  return tableExport(`${region}_${t('enterprises.title')}_${t('enterprises.pageN', { n: page })}`, t('enterprises.title'), columns, items);
}
