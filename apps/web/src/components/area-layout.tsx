import type { ReactNode } from "react";
import type { Area } from "../areas.ts";
import { requireArea } from "../auth/guard.ts";
import { loadHomeLocation } from "../auth/location.ts";
import { AreaShell } from "./area-shell.tsx";

/** The server half of every area layout: the role check, then the shell. */
export async function AreaLayout({ area, children }: { area: Area; children: ReactNode }) {
  const user = await requireArea(area);
  const home = await loadHomeLocation(user);
  return (
    <AreaShell area={area} user={{ name: user.name, role: user.role }} locationName={home.status === "ok" ? home.location.name : null}>
      {children}
    </AreaShell>
  );
}
