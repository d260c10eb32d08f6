"use client";
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import type { DeliveryRunView, DeliveryStopView } from "@oms/contracts";
import { ErrorState } from "@oms/ui";
import { IconPhone } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage } from "../pickup/shared.ts";

/**
 * The driver's view of one run on a phone or tablet: start it, the stops in order with
 * address and phone, each marked delivered with the recipient's name (the server records
 * the time) or failed with a reason, then finish the run.
 */
export function DeliveryRunDriver({ runId, locale, timeZone }: { runId: string; locale: string; timeZone: string }) {
  const t = useTranslations("deliveryRuns");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery(trpc.deliveryRuns.get.queryOptions({ runId }));
  const [error, setError] = useState<string | null>(null);
  const onDone = {
    onSuccess: async (next: DeliveryRunView) => {
      setError(null);
      queryClient.setQueryData(trpc.deliveryRuns.get.queryKey({ runId }), next);
      await queryClient.invalidateQueries(trpc.deliveryRuns.list.pathFilter());
    },
    onError: (e: unknown) => setError(serverMessage(e)),
  };
  const start = useMutation(trpc.deliveryRuns.start.mutationOptions(onDone));
  const finish = useMutation(trpc.deliveryRuns.finish.mutationOptions(onDone));
  const cancel = useMutation(trpc.deliveryRuns.cancel.mutationOptions(onDone));
  const fmt = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone });

  if (run.isPending) return <Loader aria-label={t("title")} />;
  if (run.isError) return <ErrorState title={t("loadError")} message={serverMessage(run.error) ?? ""} retryLabel={t("retry")} onRetry={() => void run.refetch()} />;
  const r = run.data;
  const open = r.stops.filter((s) => s.status === "PENDING").length;
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} href="/fulfillment/deliveries" size="sm">
        ← {t("back")}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t("runTitle", { number: r.number })}
          </Title>
          <Text c="dimmed">{t("runMeta", { driver: r.driverName, stops: r.stops.filter((s) => s.status !== "REMOVED").length })}</Text>
        </Stack>
        <Badge size="lg" variant="light" color={r.status === "OUT" ? "blue" : r.status === "COMPLETED" ? "green" : "gray"} data-testid="run-status">
          {t(`statuses.${r.status}`)}
        </Badge>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {r.status === "PLANNED" && (
        <Group grow>
          <Button size="lg" onClick={() => start.mutate({ runId })} loading={start.isPending}>
            {t("start")}
          </Button>
          <Button size="lg" variant="default" onClick={() => cancel.mutate({ runId })} loading={cancel.isPending}>
            {t("cancel")}
          </Button>
        </Group>
      )}
      {r.stops
        .filter((s) => s.status !== "REMOVED")
        .map((s) => (
          <StopCard key={s.id} stop={s} runOut={r.status === "OUT"} fmt={fmt} onSaved={onDone.onSuccess} onError={setError} />
        ))}
      {r.status === "OUT" && (
        <Button size="lg" color="green" onClick={() => finish.mutate({ runId })} loading={finish.isPending} disabled={open > 0} title={open > 0 ? t("finishBlocked") : undefined}>
          {t("finish")}
        </Button>
      )}
      {r.status === "OUT" && open > 0 && (
        <Text size="sm" c="dimmed">
          {t("finishBlocked")}
        </Text>
      )}
    </Stack>
  );
}

function StopCard({ stop, runOut, fmt, onSaved, onError }: { stop: DeliveryStopView; runOut: boolean; fmt: Intl.DateTimeFormat; onSaved: (run: DeliveryRunView) => Promise<void>; onError: (message: string | null) => void }) {
  const t = useTranslations("deliveryRuns");
  const trpc = useTRPC();
  const [recipient, setRecipient] = useState("");
  const [failing, setFailing] = useState(false);
  const [reason, setReason] = useState("");
  const complete = useMutation(trpc.deliveryRuns.completeStop.mutationOptions({ onSuccess: onSaved, onError: (e) => onError(serverMessage(e)) }));
  const color = stop.status === "DELIVERED" ? "green" : stop.status === "FAILED" ? "orange" : "blue";
  return (
    <Card withBorder radius="md" padding="md" data-testid={`stop-${stop.sequence}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg">
            {t("stop", { sequence: stop.sequence })} · {stop.customerName ?? stop.orderNumber}
          </Text>
          <Badge color={color} variant="light">
            {t(`stopStatuses.${stop.status}`)}
          </Badge>
        </Group>
        <Text size="lg">{stop.address}</Text>
        <Text size="sm" c="dimmed">
          {stop.fulfillmentNumber} · {t("items", { count: stop.items })}
        </Text>
        {stop.phone && (
          <Button component="a" href={`tel:${stop.phone.replace(/[^+\d]/g, "")}`} variant="subtle" leftSection={<IconPhone size={18} />} size="md" w="fit-content">
            {t("call", { phone: stop.phone })}
          </Button>
        )}
        {stop.status === "DELIVERED" && stop.deliveredAt && <Text c="green">{t("deliveredAt", { time: fmt.format(new Date(stop.deliveredAt)), name: stop.recipientName ?? "—" })}</Text>}
        {stop.status === "FAILED" && stop.failedAt && <Text c="orange">{t("failedAt", { time: fmt.format(new Date(stop.failedAt)), reason: stop.failureReason ?? "—" })}</Text>}
        {runOut && stop.status === "PENDING" && !failing && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              complete.mutate({ stopId: stop.id, outcome: "DELIVERED", recipientName: recipient });
            }}
          >
            <Stack gap="xs">
              <TextInput size="lg" label={t("recipient")} placeholder={t("recipientPlaceholder")} value={recipient} onChange={(e) => setRecipient(e.currentTarget.value)} maxLength={120} required autoComplete="off" />
              <Group grow>
                <Button type="submit" size="lg" color="green" loading={complete.isPending} disabled={recipient.trim() === ""}>
                  {t("markDelivered")}
                </Button>
                <Button size="lg" variant="default" onClick={() => setFailing(true)}>
                  {t("markFailed")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {runOut && stop.status === "PENDING" && failing && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              complete.mutate({ stopId: stop.id, outcome: "FAILED", failureReason: reason });
            }}
          >
            <Stack gap="xs">
              <TextInput size="lg" label={t("failureReason")} placeholder={t("failureReasonPlaceholder")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} required autoFocus />
              <Group grow>
                <Button type="submit" size="lg" color="orange" loading={complete.isPending} disabled={reason.trim() === ""}>
                  {t("confirmFailed")}
                </Button>
                <Button size="lg" variant="default" onClick={() => setFailing(false)}>
                  {t("back")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
