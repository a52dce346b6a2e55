// A plain translator over one locale's messages, with {name} placeholders: what the view
// models' unit tests use instead of vue-i18n (same keys, same texts).
import zhCN from './zh-cn';
import enUS from './en-us';

export type PlainTranslate = (key: string, named?: Record<string, unknown>) => string;

export function translator(messages: unknown): PlainTranslate {
  return (key, named) => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') return key;
    return node.replace(/\{(\w+)\}/g, (_, name: string) => String(named?.[name] ?? ''));
  };
}

/** Whether a key exists (vue-i18n's `te`). */
export function exists(messages: unknown): (key: string) => boolean {
  return (key) => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return typeof node === 'string';
  };
}

export const tZh = translator(zhCN);
export const tEn = translator(enUS);
export const teZh = exists(zhCN);
