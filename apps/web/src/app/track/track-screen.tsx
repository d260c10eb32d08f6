"use client";
import { Alert, Badge, Button, Card, Center, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useActionState, useState } from "react";
import type { FulfillmentStatus, OrderStatus } from "@oms/contracts";
import { useTranslations } from "use-intl";
import { lookUpOrder } from "./actions.ts";
import { TrackParcels } from "./track-parcels.tsx";

export function TrackScreen({ locale }: { locale: string }) {
  const t = useTranslations("track");
  const [result, action, pending] = useActionState(lookUpOrder, null);
  // The return form re-checks the same number and e-mail.
  const [credentials, setCredentials] = useState({ number: "", email: "" });
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" radius="lg" p={{ base: "lg", sm: "xl" }} w="100%" maw={560}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {t("title")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("subtitle")}
            </Text>
          </Stack>
          <form action={action}>
            <Stack gap="sm">
              <TextInput name="number" label={t("number")} placeholder={t("numberPlaceholder")} required autoComplete="off" maxLength={40} onChange={(e) => setCredentials((c) => ({ ...c, number: e.currentTarget.value }))} />
              <TextInput name="email" type="email" label={t("email")} required autoComplete="email" maxLength={254} onChange={(e) => setCredentials((c) => ({ ...c, email: e.currentTarget.value }))} />
              <Button type="submit" loading={pending}>
                {t("submit")}
              </Button>
            </Stack>
          </form>
          {result && !result.ok && (
            <Alert color={result.code === "RATE_LIMITED" ? "orange" : "red"} role="alert">
              {result.code === "RATE_LIMITED" ? t("rateLimited", { seconds: result.retryAfterSeconds ?? 60 }) : result.code === "NOT_FOUND" ? t("notFound") : t("invalid")}
            </Alert>
          )}
          {result && result.ok && (
            <Stack gap="sm" aria-live="polite">
              <Title order={2} size="h4">
                {t("orderStatus", { number: result.order.number, status: t(`statuses.${result.order.status as OrderStatus}`) })}
              </Title>
              <Text size="sm" c="dimmed">
                {t("placed", { date: date(result.order.placedAt) })}
                {result.order.promisedAt && result.order.status !== "CANCELLED" ? ` · ${t("promised", { date: date(result.order.promisedAt) })}` : ""}
              </Text>
              {result.order.status === "CANCELLED" ? (
                <Text size="sm">{t("cancelled")}</Text>
              ) : (
                result.order.fulfillments.length === 0 && <Text size="sm">{t("noShipments")}</Text>
              )}
              {result.order.fulfillments.map((f, i) => (
                <Card key={i} withBorder radius="md" padding="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600} size="sm">
                      {f.type === "PICKUP" ? t("pickupAt", { location: f.locationName }) : f.type === "DELIVERY" ? t("deliveryFrom", { location: f.locationName }) : t("shipFrom", { location: f.locationName })}
                    </Text>
                    <Badge variant="light">{t(`fulfillmentStatuses.${f.status as FulfillmentStatus}`)}</Badge>
                  </Group>
                  {f.locationAddress && (
                    <Text size="sm" c="dimmed">
                      {f.locationAddress}
                    </Text>
                  )}
                  {f.pickupCode && (
                    <Text size="lg" fw={700} mt="xs">
                      {t("pickupCode", { code: f.pickupCode })}
                    </Text>
                  )}
                  {f.trackingNumbers.map((s, j) => (
                    <Text key={j} size="sm">
                      {t("tracking", { carrier: s.carrier, number: s.trackingNumber ?? "—" })}
                    </Text>
                  ))}
                  {f.promisedAt && (
                    <Text size="xs" c="dimmed">
                      {t("promised", { date: date(f.promisedAt) })}
                    </Text>
                  )}
                </Card>
              ))}
              {result.order.parcels && <TrackParcels key={result.order.number} parcels={result.order.parcels} number={credentials.number} email={credentials.email} locale={locale} />}
            </Stack>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
