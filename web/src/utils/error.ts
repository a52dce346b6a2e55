// The text shown for an error: the translation of its code when the locale knows the code,
// else the server's own message.
import { isApiError } from '@/service/request';

export function errorMessage(
  error: unknown,
  t: (key: string) => string,
  te: (key: string) => boolean
): string {
  if (isApiError(error)) {
    const key = `error.${error.code}`;
    if (te(key)) return t(key);
    return error.message || t('error.loadFailed');
  }
  if (error instanceof Error && error.message) return error.message;
  return t('error.loadFailed');
}

/**
 * The text for a failed action or load that keeps the server's reason after the translated
 * code ("请求有误：a lead moves forward only (from 签约 to 线索)"), so the user learns what to fix.
 */
export function errorWithReason(
  error: unknown,
  t: (key: string, named?: Record<string, unknown>) => string,
  te: (key: string) => boolean
): string {
  if (isApiError(error)) {
    const key = `error.${error.code}`;
    const label = te(key) ? t(key) : '';
    const message = error.message && error.message !== error.code ? error.message : '';
    if (label && message && message !== label) return t('chains.errorWithReason', { label, reason: message });
    return label || message || t('error.loadFailed');
  }
  if (error instanceof Error && error.message) return error.message;
  return t('error.loadFailed');
}
