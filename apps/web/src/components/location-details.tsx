import type { LocationSummary } from "@oms/contracts";
import { Badge, DataList, DataListItem, DataListItemLabel, DataListItemValue, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { dateTimeText } from "@oms/ui";
import { getLocale, getT } from "../i18n/server.ts";

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function currencyName(code: string, locale: string): string {
  try {
    return `${new Intl.DisplayNames([locale], { type: "currency" }).of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}

/** A location's facts from locations.get, with the time it is there right now. */
export async function LocationDetails({ location, title }: { location: LocationSummary; title: string }) {
  const t = await getT("overview");
  const kinds = await getT("locationKinds");
  const types = await getT("fulfillmentTypes");
  const locale = await getLocale();
  const row = (label: string, value: React.ReactNode) => (
    <DataListItem>
      <DataListItemLabel>{label}</DataListItemLabel>
      <DataListItemValue>{value}</DataListItemValue>
    </DataListItem>
  );
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {t("localTimeNow", { time: dateTimeText(new Date(), location.timeZone, locale, "datetime") })}
          </Text>
        </Stack>
        <DataList withDivider labelWidth="8.5rem">
          {row(t("fields.name"), location.name)}
          {row(t("fields.code"), <Text ff="monospace">{location.code}</Text>)}
          {row(t("fields.kind"), kinds(location.kind))}
          {row(t("fields.city"), location.city)}
          {row(t("fields.country"), countryName(location.countryCode, locale))}
          {row(t("fields.timeZone"), location.timeZone)}
          {row(t("fields.currency"), currencyName(location.currency, locale))}
          {row(t("fields.locale"), location.locale)}
          {row(
            t("fields.fulfilment"),
            <Group gap={6}>
              {location.fulfillmentTypes.map((type) => (
                <Badge key={type} variant="light" size="sm">
                  {types(type)}
                </Badge>
              ))}
            </Group>,
          )}
        </DataList>
      </Stack>
    </Paper>
  );
}
