import type { ReactNode } from "react";
import { AreaLayout } from "../../../components/area-layout.tsx";

export default function Layout({ children }: { children: ReactNode }) {
  return <AreaLayout area="fulfillment">{children}</AreaLayout>;
}
