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
