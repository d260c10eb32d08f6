"use client";
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { EmptyState } from "@oms/ui";
import { IconTruckLoading } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useLiveEvents } from "../../realtime/live-provider.tsx";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage, useNow } from "../pickup/shared.ts";
import { ShipByBadge } from "./ship-by-badge.tsx";

/** /fulfillment/manifests: the end-of-day close per carrier and the manifests closed before. */
export function ManifestsScreen({ homeLocationId, locations }: { homeLocationId: string | null; locations: { id: string; name: string; timeZone: string }[] }) {
  const t = useTranslations("fulfillment");
  const [locationId, setLocationId] = useState<string | null>(homeLocationId ?? (locations.length === 1 ? locations[0]!.id : null));
  if (!locationId) {
    return <Select size="lg" maw={480} label={t("chooseLocation")} placeholder={t("chooseLocationPlaceholder")} data={locations.map((s) => ({ value: s.id, label: s.name }))} onChange={setLocationId} searchable />;
  }
  const timeZone = locations.find((l) => l.id === locationId)?.timeZone ?? "UTC";
  return <Manifests key={locationId} locationId={locationId} timeZone={timeZone} />;
}

function Manifests({ locationId, timeZone }: { locationId: string; timeZone: string }) {
  const t = useTranslations("fulfillment");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const queue = useQuery(trpc.shipping.queue.queryOptions({ locationId }));
  const manifests = useQuery(trpc.shipping.manifests.queryOptions({ locationId }));
  const [error, setError] = useState<string | null>(null);
  useLiveEvents((event) => {
    if (event.topic === "fulfillment.changed") void queryClient.invalidateQueries(trpc.shipping.pathFilter());
  });
  const close = useMutation(
    trpc.shipping.closeManifest.mutationOptions({
      onSuccess: async (m) => {
        setError(null);
        notifications.show({ color: "teal", message: t("manifests.closed", { carrier: m.carrier, count: m.shipments.length }) });
        await queryClient.invalidateQueries(trpc.shipping.pathFilter());
      },
      onError: (e) => setError(serverMessage(e)),
    }),
  );
  const fmt = new Intl.DateTimeFormat(queue.data?.location.locale ?? "en", { dateStyle: "medium", timeStyle: "short", timeZone });
  const waiting = (carrier: string) =>
    [...(queue.data?.groups.packed ?? []), ...(queue.data?.groups.shipped ?? [])].flatMap((c) => c.shipments).filter((s) => s.carrier === carrier && !s.manifestId && (s.status === "LABEL_CREATED" || s.status === "IN_TRANSIT")).length;

  return (
    <Stack gap="lg">
      {queue.data?.carriers.length === 0 ? <Alert color="orange">{t("noCarriers")}</Alert> : null}
      <Group gap="md" wrap="wrap" align="stretch">
        {queue.data?.carriers.map((c) => (
          <Card key={c.carrier} withBorder radius="md" padding="md" miw={280} data-testid={`close-${c.carrier}`}>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {c.carrier}
              </Title>
              <Text>{t("manifests.cutoff", { time: c.cutoffTime })}</Text>
              <ShipByBadge shipBy={c.cutoffToday} late={false} now={now} size="md" />
              <Text fw={600}>{t("manifests.waiting", { count: waiting(c.carrier) })}</Text>
              <Button size="lg" leftSection={<IconTruckLoading size={20} aria-hidden />} disabled={waiting(c.carrier) === 0} loading={close.isPending && close.variables?.carrier === c.carrier} onClick={() => close.mutate({ locationId, carrier: c.carrier })}>
                {t("manifests.close")}
              </Button>
            </Stack>
          </Card>
        ))}
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Title order={2} size="h3">
        {t("manifests.history")}
      </Title>
      {manifests.data && manifests.data.length === 0 ? <EmptyState title={t("manifests.none")} /> : null}
      {manifests.isError ? <Alert color="red">{serverMessage(manifests.error)}</Alert> : null}
      {manifests.data && manifests.data.length > 0 ? (
        <Table striped withTableBorder verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("manifests.when")}</Table.Th>
              <Table.Th>{t("manifests.carrier")}</Table.Th>
              <Table.Th>{t("manifests.id")}</Table.Th>
              <Table.Th>{t("manifests.parcels")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {manifests.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{fmt.format(new Date(m.closedAt ?? m.shipDate))}</Table.Td>
                <Table.Td>
                  {m.carrier} {m.status === "PENDING" ? <Badge color="orange">{t("manifests.pending")}</Badge> : null}
                </Table.Td>
                <Table.Td ff="monospace">{m.carrierManifestId ?? "—"}</Table.Td>
                <Table.Td>
                  <Text size="sm">{m.shipments.map((s) => `${s.number} ${s.trackingNumber ?? ""}`).join(" · ")}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
