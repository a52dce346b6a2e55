// /api/v1/auth: login, logout, the current session.
import { request } from '../request';
import type { LoginRequest, SessionInfo } from '@/typings/api/auth';

/** POST /auth/login. Throws ApiError `bad_credentials` (401) or `account_locked` (423). */
export function fetchLogin(body: LoginRequest): Promise<SessionInfo> {
  return request<SessionInfo>('/auth/login', { method: 'POST', body, skipAuthRedirect: true });
}

/** POST /auth/logout (204). */
export function fetchLogout(): Promise<void> {
  return request<void>('/auth/logout', { method: 'POST', skipAuthRedirect: true });
}

/** GET /auth/me. Throws ApiError `unauthenticated` (401) without a live session. */
export function fetchMe(): Promise<SessionInfo> {
  return request<SessionInfo>('/auth/me', { skipAuthRedirect: true });
}
