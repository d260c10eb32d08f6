import type { ApiScope, Channel } from "@oms/contracts";

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  channel: Channel;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const apiKeySummarySelect = {
  id: true,
  name: true,
  prefix: true,
  channel: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export function toSummary(row: { id: string; name: string; prefix: string; channel: Channel; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiKeySummary {
  return { ...row, scopes: row.scopes as ApiScope[] };
}
