"use client";
import { MultiSelect, Select, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";

/**
 * The search, locations and category filters of the stock tables (inventory, forecast): the
 * same three the server's InventoryFilterInput takes, with the same labels.
 */
export function ScopeFilters({
  searchText,
  onSearchText,
  locationIds,
  onLocationIds,
  categoryId,
  onCategoryId,
}: {
  searchText: string;
  onSearchText: (value: string) => void;
  locationIds: string[];
  onLocationIds: (value: string[]) => void;
  categoryId: string | null;
  onCategoryId: (value: string | null) => void;
}) {
  const t = useTranslations("hqInventory");
  const trpc = useTRPC();
  const locations = useQuery(trpc.locations.list.queryOptions());
  const categories = useQuery(trpc.inventory.categories.queryOptions());
  return (
    <>
      <TextInput
        label={t("filters.search")}
        placeholder={t("filters.searchPlaceholder")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={searchText}
        onChange={(e) => onSearchText(e.currentTarget.value)}
        w={240}
      />
      <MultiSelect
        label={t("filters.locations")}
        placeholder={locationIds.length === 0 ? t("filters.allLocations") : undefined}
        data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={locationIds}
        onChange={onLocationIds}
        searchable
        clearable
        w={280}
        maxDropdownHeight={320}
      />
      <Select
        label={t("filters.category")}
        placeholder={t("filters.allCategories")}
        data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={categoryId}
        onChange={onCategoryId}
        searchable
        clearable
        w={200}
      />
    </>
  );
}
