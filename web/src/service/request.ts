// The one HTTP client of the app: same-origin JSON over fetch under /api/v1.
// - sends the session cookie (credentials: 'same-origin') and, on every request that is not
//   GET/HEAD, the X-CSRF-Token header with the token from login or /auth/me;
// - turns every non-2xx answer into an ApiError (from the {"error": {...}} envelope when the
//   body has one);
// - on 401 `unauthenticated` calls the unauthorized handler (the app sends the user to /login);
// - sends a FormData body as multipart (the browser sets Content-Type with its boundary);
// - `request.download` fetches a binary answer (xlsx) through the same rules.

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** Sent as JSON; a FormData is sent as multipart/form-data instead. */
  body?: unknown;
  /** Do not call the unauthorized handler on 401 (the session probe and login use this). */
  skipAuthRedirect?: boolean;
  /**
   * Non-2xx statuses whose JSON body is the answer rather than an error (an import's 422
   * carries its report). An error envelope under such a status is still an ApiError.
   */
  answerStatuses?: readonly number[];
  signal?: AbortSignal;
}

/** A binary answer: its bytes, the file name from Content-Disposition (or null) and its type. */
export interface Download {
  blob: Blob;
  fileName: string | null;
  contentType: string;
}

/** An error answer of the API, or a failure to reach it (code `network`). */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The stable code from the envelope (`bad_credentials`, `out_of_scope`, ...). */
  readonly code: string;
  readonly details: unknown[];

  constructor(status: number, code: string, message: string, details: unknown[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export interface ClientConfig {
  /** Prefix of every path; '/api/v1' for the app. */
  baseURL: string;
  /** The fetch to use (tests pass a mock). */
  fetch?: typeof fetch;
  /** The current CSRF token, or null before login. */
  getCsrfToken: () => string | null;
  /** Called on 401 `unauthenticated` unless the request opted out. */
  onUnauthorized?: (error: ApiError) => void;
}

export type DownloadOptions = Omit<RequestOptions, 'answerStatuses'>;

/** The client: call it for JSON; `download` for a binary answer. */
export type RequestFn = (<T>(path: string, options?: RequestOptions) => Promise<T>) & {
  download: (path: string, options?: DownloadOptions) => Promise<Download>;
};

/** Builds `base + path + ?query`, leaving out null, undefined and empty values. */
export function buildUrl(baseURL: string, path: string, query?: Query): string {
  const url = baseURL.replace(/\/$/, '') + (path.startsWith('/') ? path : `/${path}`);
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

/** Reads the error envelope of a failed answer; falls back to the status text. */
export async function parseErrorResponse(response: Response): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    text = '';
  }
  if (text) {
    try {
      const body = JSON.parse(text) as unknown;
      const err = (body as { error?: unknown } | null)?.error as
        | { code?: unknown; message?: unknown; details?: unknown }
        | undefined;
      if (err && typeof err === 'object' && typeof err.code === 'string') {
        const message = typeof err.message === 'string' ? err.message : err.code;
        const details = Array.isArray(err.details) ? err.details : [];
        return new ApiError(response.status, err.code, message, details);
      }
    } catch {
      // Not JSON (a proxy's HTML page, say): fall through.
    }
  }
  const fallbackCode = response.status === 401 ? 'unauthenticated' : `http_${response.status}`;
  const message = response.statusText || `HTTP ${response.status}`;
  return new ApiError(response.status, fallbackCode, message);
}

/**
 * The file name of a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` first (the
 * server sends Chinese names that way), else `filename="…"`; null when there is none.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      // Malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  if (!plain) return null;
  const name = (plain[2] ?? plain[1] ?? '').trim();
  return name || null;
}

function isFormData(body: unknown): body is FormData {
  return typeof FormData !== 'undefined' && body instanceof FormData;
}

/** Creates a client bound to one configuration. */
export function createRequest(config: ClientConfig): RequestFn {
  async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { Accept: accept };
    const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
    if (isFormData(options.body)) {
      init.body = options.body; // the browser writes the multipart Content-Type and boundary
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const token = config.getCsrfToken();
      if (token) headers['X-CSRF-Token'] = token;
    }

    const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
    try {
      return await doFetch(buildUrl(config.baseURL, path, options.query), init);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
    }
  }

  async function fail(response: Response, options: RequestOptions): Promise<never> {
    const error = await parseErrorResponse(response);
    if (response.status === 401 && error.code === 'unauthenticated' && !options.skipAuthRedirect) {
      config.onUnauthorized?.(error);
    }
    throw error;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const response = await send(path, options, 'application/json');
    const isAnswer = !response.ok && (options.answerStatuses ?? []).includes(response.status);
    if (!response.ok && !isAnswer) return fail(response, options);
    if (response.status === 204 || method === 'HEAD') return undefined as T;
    const text = await response.text();
    if (!text) {
      if (isAnswer) throw new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`);
      return undefined as T;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'bad_response', 'The server sent an answer that is not JSON.');
    }
    if (isAnswer) {
      // An error envelope under an answer status is still an error.
      const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
      if (err && typeof err === 'object' && typeof err.code === 'string') {
        throw new ApiError(
          response.status,
          err.code,
          typeof err.message === 'string' ? err.message : err.code,
          Array.isArray(err.details) ? err.details : []
        );
      }
    }
    return body as T;
  }

  async function download(path: string, options: DownloadOptions = {}): Promise<Download> {
    const response = await send(path, options, '*/*');
    if (!response.ok) return fail(response, options);
    const blob = await response.blob();
    return {
      blob,
      fileName: fileNameFromDisposition(response.headers.get('Content-Disposition')),
      contentType: response.headers.get('Content-Type') ?? blob.type
    };
  }

  return Object.assign(request, { download });
}

let unauthorizedHandler: ((error: ApiError) => void) | null = null;
let csrfTokenSource: () => string | null = () => null;

/** Wires the app's client to the auth store and the router (called once in main.ts). */
export function configureRequest(hooks: {
  getCsrfToken: () => string | null;
  onUnauthorized: (error: ApiError) => void;
}): void {
  csrfTokenSource = hooks.getCsrfToken;
  unauthorizedHandler = hooks.onUnauthorized;
}

/** The app's client: same-origin /api/v1. */
export const request: RequestFn = createRequest({
  baseURL: '/api/v1',
  getCsrfToken: () => csrfTokenSource(),
  onUnauthorized: (error) => unauthorizedHandler?.(error)
});
