// Wire types of /api/v1/auth.
import type { RegionRef } from './common';

export type RoleCode = 'admin' | 'analyst' | 'chain_chief' | 'liaison' | 'viewer';

export interface User {
  username: string;
  display_name: string;
  /** One of RoleCode; kept as string so an unknown future role still renders. */
  role: RoleCode | (string & {});
  /** The role's label in Chinese, from the server. */
  role_label: string;
  regions: RegionRef[];
}

export interface LoginRequest {
  username: string;
  password: string;
}

/** Answer of POST /auth/login and GET /auth/me. */
export interface SessionInfo {
  user: User;
  csrf_token: string;
}
