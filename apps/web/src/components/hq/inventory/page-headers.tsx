"use client";
// The headers of the inventory pages: client components, because their links are Next's
// Link rendered through Mantine (a function cannot cross from a server component).
import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconPackageImport } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "use-intl";

export function InventoryHeader() {
  const t = useTranslations("hqInventory");
  return (
    <Group justify="space-between" align="flex-start" gap="md">
      <Stack gap={6}>
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Text c="dimmed" maw={820}>
          {t("intro")}
        </Text>
      </Stack>
      <Button component={Link} href="/hq/inventory/purchase-orders" variant="light" size="md" leftSection={<IconPackageImport size={18} aria-hidden />}>
        {t("po.title")}
      </Button>
    </Group>
  );
}

export function PurchaseOrdersHeader() {
  const t = useTranslations("hqInventory");
  return (
    <Stack gap={6}>
      <Breadcrumbs>
        <Anchor component={Link} href="/hq/inventory" size="sm">
          {t("title")}
        </Anchor>
        <Text size="sm">{t("po.title")}</Text>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t("po.title")}
      </Title>
      <Text c="dimmed" maw={820}>
        {t("po.intro")}
      </Text>
    </Stack>
  );
}
