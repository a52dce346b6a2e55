// Saving a downloaded file: a temporary object URL on a temporary <a download>.
import type { Download } from '@/service/request';

/** Starts the browser's save of `download`, named as the server said, else `fallbackName`. */
export function saveDownload(download: Download, fallbackName: string): void {
  const url = URL.createObjectURL(download.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = download.fileName || fallbackName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
