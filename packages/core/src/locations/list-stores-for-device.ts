import type { DomainContext } from "../context.ts";

export interface DeviceStore {
  id: string;
  code: string;
  name: string;
  city: string;
}

/**
 * Active stores, for choosing a shared device's store before anyone signs in (public:
 * the PIN screen). Only what a shop floor sees anyway.
 */
export async function listStoresForDevice(ctx: Pick<DomainContext, "db">): Promise<DeviceStore[]> {
  return ctx.db.location.findMany({
    where: { kind: "STORE", active: true },
    select: { id: true, code: true, name: true, city: true },
    orderBy: [{ name: "asc" }, { code: "asc" }],
  });
}
