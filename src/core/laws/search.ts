/** Bounds of a provision search page, shared by the service, the API contract and the CLI. */

/** Hits per page (default and most), deepest start of a page, and longest query. */
export const searchLimits = {
  defaultLimit: 20,
  maxLimit: 100,
  maxOffset: 1000,
  maxQueryChars: 1000,
} as const;
