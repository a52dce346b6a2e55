// vue-i18n setup: zh-CN by default, en-US on request; the choice is kept in localStorage.
import { createI18n } from 'vue-i18n';
import zhCN, { type LocaleSchema } from './zh-cn';
import enUS from './en-us';
import type { Lang } from '@/utils/format';
import { localStg } from '@/utils/storage';

export type { LocaleSchema };
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
export const DEFAULT_LANG: Lang = 'zh-CN';

export const messages: Record<Lang, LocaleSchema> = { 'zh-CN': zhCN, 'en-US': enUS };

/** The stored language, or zh-CN when none (or an unknown one) is stored. */
export function storedLang(): Lang {
  const value = localStg.get('lang');
  return value === 'en-US' || value === 'zh-CN' ? value : DEFAULT_LANG;
}

export const i18n = createI18n<[LocaleSchema], Lang, false>({
  legacy: false,
  locale: storedLang(),
  fallbackLocale: DEFAULT_LANG,
  messages,
  missingWarn: false,
  fallbackWarn: false
});

/** Switches the UI language (vue-i18n, <html lang>) and keeps the choice. */
export function setLang(lang: Lang): void {
  i18n.global.locale.value = lang;
  localStg.set('lang', lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Translates outside components (router titles, the request client's messages). */
export function $t(key: string, named?: Record<string, unknown>): string {
  return named ? i18n.global.t(key, named) : i18n.global.t(key);
}
