"use client";
import { Anchor, AppShell, Badge, Burger, Group, NavLink, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ComponentType, ReactNode } from "react";

export interface AppFrameNavItem {
  href: string;
  label: string;
  icon?: ReactNode;
  /** Small print under the label. */
  description?: string;
}

export interface AppFrameUser {
  name: string;
  /** The role as the reader's language names it ("Cashier"). */
  roleLabel: string;
}

/** A link component taking `href` (next/link in the app) so the frame stays framework-free. */
export type AppFrameLink = ComponentType<{ href: string; className?: string; children?: ReactNode; onClick?: () => void }>;

export interface AppFrameProps {
  /** The area's name, e.g. "Point of sale". */
  title: string;
  /** Where the title links to (the area's home). */
  homeHref: string;
  nav: AppFrameNavItem[];
  /** Label of the navigation landmark, for screen readers. */
  navLabel: string;
  /** Label of the burger button on small screens. */
  toggleNavLabel: string;
  user: AppFrameUser;
  /** The store's name, or the network for admins. */
  location: string | null;
  /** The current path: the matching nav item is marked active. */
  currentPath: string;
  link: AppFrameLink;
  /** Header actions on the end side (sign-out button). */
  actions?: ReactNode;
  /**
   * Keep the navbar behind the burger at every width, for screens that need the whole
   * width (the till's sale screen at 1024 px).
   */
  collapseNav?: boolean;
  children: ReactNode;
}

function isActive(href: string, currentPath: string, homeHref: string): boolean {
  if (href === homeHref) return currentPath === href;
  return currentPath === href || currentPath.startsWith(`${href}/`);
}

/** The shell of every area (/pos, /pickup, /hq): header with who and where, navbar, main. */
export function AppFrame({ title, homeHref, nav, navLabel, toggleNavLabel, user, location, currentPath, link: Link, actions, collapseNav = false, children }: AppFrameProps) {
  const [opened, { toggle, close }] = useDisclosure(false);
  // Mantine's polymorphic `component` is typed for intrinsic elements; the link renders an <a>.
  const LinkAnchor = Link as unknown as "a";
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !opened, desktop: collapseNav && !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minInlineSize: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom={collapseNav ? undefined : "sm"} size="sm" aria-label={toggleNavLabel} />
            <Stack gap={0} style={{ minInlineSize: 0 }}>
              <Title order={1} size="h4" lineClamp={1}>
                <Anchor component={LinkAnchor} href={homeHref} c="inherit" underline="never">
                  {title}
                </Anchor>
              </Title>
              {location ? (
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {location}
                </Text>
              ) : null}
            </Stack>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={2} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={600} lineClamp={1}>
                {user.name}
              </Text>
              <Badge size="sm" variant="light">
                {user.roleLabel}
              </Badge>
            </Stack>
            {actions}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={navLabel}>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={navLabel}>
            {nav.map((item) => {
              const active = isActive(item.href, currentPath, homeHref);
              return (
                <NavLink
                  key={item.href}
                  component={LinkAnchor}
                  href={item.href}
                  label={item.label}
                  description={item.description}
                  leftSection={item.icon}
                  active={active}
                  aria-current={active ? "page" : undefined}
                  onClick={close}
                  style={{ borderRadius: "var(--mantine-radius-sm)" }}
                />
              );
            })}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
