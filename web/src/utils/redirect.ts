// Where to go after login: only a path inside the app (no "//host", no absolute URL, not
// /login itself); anything else goes to the overview.
export function safeRedirect(value: unknown): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (
    typeof path === 'string' &&
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !path.startsWith('/\\') &&
    !/^\/login(?:[/?#]|$)/.test(path)
  ) {
    return path;
  }
  return '/overview';
}
