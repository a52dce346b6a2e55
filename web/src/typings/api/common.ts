// Wire types shared by several areas of the API (docs/api.md, "Conventions").

/** An integer number of 元 (yuan), as the API sends money. */
export type Yuan = number;
/** A month as `"YYYY-MM"`. */
export type YearMonth = string;
/** A date as `"YYYY-MM-DD"`. */
export type IsoDate = string;
/** A growth rate in percent (`7.09` = +7.09 %), or null when there is no base. */
export type GrowthPercent = number | null;

/** A region reference as embedded in other objects. */
export interface RegionRef {
  code: string;
  name: string;
}

/** The error envelope of every non-2xx answer. */
export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    details?: unknown[];
  };
}

/** The stable error codes the server documents. */
export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'out_of_scope'
  | 'not_found'
  | 'bad_request'
  | 'bad_credentials'
  | 'account_locked'
  | 'csrf_failed'
  | 'conflict'
  | 'internal';
