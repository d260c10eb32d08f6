"use client";
import type { Role } from "@oms/contracts";
import { AppFrame, type AppFrameNavItem } from "@oms/ui";
import {
  IconArrowBackUp,
  IconBuildingStore,
  IconCash,
  IconChartBar,
  IconChecklist,
  IconDeviceDesktop,
  IconHistory,
  IconHome,
  IconMail,
  IconPackage,
  IconPlugConnected,
  IconReceipt,
  IconRoute,
  IconSettings,
  IconShoppingCart,
  IconTrendingUp,
  IconTruckDelivery,
  IconUsers,
  IconBoxSeam,
} from "@tabler/icons-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import type { Area } from "../areas.ts";
import { SignOutButton } from "./sign-out-button.tsx";
import { LiveStatusBadge } from "../realtime/live-status.tsx";

const icon = { size: 18, "aria-hidden": true } as const;

function useNav(area: Area): AppFrameNavItem[] {
  const t = useTranslations("nav");
  const tMail = useTranslations("mail");
  switch (area) {
    case "pos":
      return [
        { href: "/pos", label: t("pos.overview"), icon: <IconHome {...icon} /> },
        { href: "/pos/sale", label: t("pos.sale"), icon: <IconShoppingCart {...icon} /> },
        { href: "/pos/orders", label: t("pos.orders"), icon: <IconReceipt {...icon} /> },
        { href: "/pos/returns", label: t("pos.returns"), icon: <IconArrowBackUp {...icon} /> },
        { href: "/pos/register", label: t("pos.register"), icon: <IconCash {...icon} /> },
      ];
    case "pickup":
      return [
        { href: "/pickup", label: t("pickup.overview"), icon: <IconHome {...icon} /> },
        { href: "/pickup/queue", label: t("pickup.queue"), icon: <IconTruckDelivery {...icon} /> },
        { href: "/pickup/picking", label: t("pickup.picking"), icon: <IconPackage {...icon} /> },
        { href: "/pickup/tasks", label: t("pickup.tasks"), icon: <IconChecklist {...icon} /> },
        { href: "/fulfillment", label: t("pickup.bench"), icon: <IconBoxSeam {...icon} /> },
      ];
    case "fulfillment":
      return [
        { href: "/fulfillment", label: t("fulfillment.bench"), icon: <IconPackage {...icon} /> },
        { href: "/fulfillment/manifests", label: t("fulfillment.manifests"), icon: <IconTruckDelivery {...icon} /> },
        { href: "/fulfillment/deliveries", label: t("fulfillment.deliveries"), icon: <IconRoute {...icon} /> },
      ];
    case "hq":
      return [
        { href: "/hq", label: t("hq.overview"), icon: <IconHome {...icon} /> },
        { href: "/hq/orders", label: t("hq.orders"), icon: <IconReceipt {...icon} /> },
        { href: "/hq/tasks", label: t("hq.tasks"), icon: <IconChecklist {...icon} /> },
        { href: "/hq/inventory", label: t("hq.inventory"), icon: <IconBoxSeam {...icon} /> },
        { href: "/hq/forecast", label: t("hq.forecast"), icon: <IconTrendingUp {...icon} /> },
        { href: "/hq/routing", label: t("hq.routing"), icon: <IconRoute {...icon} /> },
        { href: "/hq/reports", label: t("hq.reports"), icon: <IconChartBar {...icon} /> },
        { href: "/hq/locations", label: t("hq.locations"), icon: <IconBuildingStore {...icon} /> },
        { href: "/hq/staff", label: t("hq.staff"), icon: <IconUsers {...icon} /> },
        { href: "/hq/integrations", label: t("hq.integrations"), icon: <IconPlugConnected {...icon} /> },
        { href: "/hq/mail", label: tMail("nav"), icon: <IconMail {...icon} /> },
        { href: "/hq/audit", label: t("hq.audit"), icon: <IconHistory {...icon} /> },
        { href: "/hq/devices", label: t("hq.devices"), icon: <IconDeviceDesktop {...icon} /> },
        { href: "/hq/settings", label: t("hq.settings"), icon: <IconSettings {...icon} /> },
      ];
  }
}

export interface AreaShellProps {
  area: Area;
  user: { name: string; role: Role };
  /** The store's name; null: the user works for the whole network (admin). */
  locationName: string | null;
  children: ReactNode;
}

/** The client half of an area layout: the Mantine AppShell from @oms/ui, translated. */
export function AreaShell({ area, user, locationName, children }: AreaShellProps) {
  const t = useTranslations();
  const pathname = usePathname();
  return (
    <AppFrame
      title={t(`areas.${area}`)}
      homeHref={`/${area}`}
      nav={useNav(area)}
      navLabel={t("nav.label")}
      toggleNavLabel={t("nav.toggle")}
      user={{ name: user.name, roleLabel: t(`roles.${user.role}`) }}
      location={locationName ?? (user.role === "ADMIN" ? t("shell.wholeNetwork") : t("shell.noStore"))}
      currentPath={pathname}
      link={Link}
      // The till's sale screen needs the whole width at 1024 px: its nav opens from the burger.
      collapseNav={pathname === "/pos/sale"}
      actions={
        <>
          <LiveStatusBadge />
          <SignOutButton variant="light" />
        </>
      }
    >
      {children}
    </AppFrame>
  );
}
