"use client";
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { DateTime, ErrorState, Money, moneyText } from "@oms/ui";
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconChartBar, IconLock, IconLockOpen } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { CashMovementModal } from "./cash-movement-modal.tsx";
import { CashReportView } from "./cash-report-view.tsx";
import { CountForm } from "./count-form.tsx";
import { countValue, errorDetails, fieldError, rememberedRegister, rememberRegister, serverMessage, type CashReportData, type DenominationCount, type StoreRegisterData, type StoreRegistersData } from "./shared.ts";

interface RegisterScreenProps {
  locationId: string;
  /** From ?register=…; otherwise the register this device remembers. */
  initialRegisterId: string | null;
}

/** /pos/register: open the chosen register with a counted float, work the session, close it blind. */
export function RegisterScreen({ locationId, initialRegisterId }: RegisterScreenProps) {
  const t = useTranslations("registers");
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.registers.list.queryOptions({ locationId }), refetchInterval: 60_000 });
  useLiveEvents();
  const [registerId, setRegisterId] = useState<string | null>(initialRegisterId);
  // A Z report just printed stays on screen even though the register's state moved on.
  const [closedReport, setClosedReport] = useState<CashReportData | null>(null);
  useEffect(() => {
    if (initialRegisterId) rememberRegister(locationId, initialRegisterId);
    else setRegisterId(rememberedRegister(locationId));
  }, [initialRegisterId, locationId]);

  if (list.isPending) return <Loader aria-label={t("loading")} />;
  if (list.isError) return <ErrorState title={t("loadFailed")} message={serverMessage(list.error) ?? ""} retryLabel={t("retry")} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const register = data.registers.find((r) => r.id === registerId);

  if (closedReport) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconLock aria-hidden />} title={t("close.doneTitle", { register: closedReport.register.name })}>
          {t("close.doneText")}
        </Alert>
        <CashReportView
          report={closedReport}
          actions={
            <Button component={Link} href="/pos" size="md" variant="default">
              {t("backToRegisters")}
            </Button>
          }
        />
      </Stack>
    );
  }

  if (!register) {
    return (
      <Stack gap="sm" maw={520}>
        {registerId ? <Alert color="yellow">{t("registerGone")}</Alert> : null}
        <Text>{t("chooseRegisterHint")}</Text>
        <Select
          size="lg"
          label={t("chooseRegister")}
          data={data.registers.map((r) => ({ value: r.id, label: `${r.name} · ${r.status === "OPEN" ? t("state.open") : t("state.closed")}` }))}
          onChange={(id) => {
            if (!id) return;
            rememberRegister(locationId, id);
            setRegisterId(id);
          }}
        />
      </Stack>
    );
  }

  return register.session ? (
    <OpenSession key={register.session.id} data={data} register={register} onClosed={setClosedReport} />
  ) : (
    <OpenRegister key={register.id} data={data} register={register} />
  );
}

function Heading({ register, data }: { register: StoreRegisterData; data: StoreRegistersData }) {
  const t = useTranslations("registers");
  return (
    <Group gap="sm" align="center">
      <Title order={1} size="h2">
        {register.name}
      </Title>
      <Badge size="lg" variant="light" color={register.session ? "teal" : "gray"}>
        {register.session ? t("state.open") : t("state.closed")}
      </Badge>
      <Text c="dimmed">
        {data.location.name} · {register.code}
      </Text>
    </Group>
  );
}

/** Start of day: count the float by denomination, then open. */
function OpenRegister({ data, register }: { data: StoreRegistersData; register: StoreRegisterData }) {
  const t = useTranslations("registers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [count, setCount] = useState<DenominationCount>({});
  const { currency, locale } = data.location;
  const open = useMutation(
    trpc.registers.open.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: "teal", icon: <IconLockOpen size={18} />, message: t("openForm.done", { register: register.name, amount: moneyText(result.openingFloat, currency, locale) }) });
        await queryClient.invalidateQueries(trpc.registers.pathFilter());
      },
    }),
  );
  const rowErrors = Object.fromEntries(Object.keys(count).flatMap((d) => (fieldError(open.error, `count.${d}`) ? [[d, fieldError(open.error, `count.${d}`)!]] : [])));
  const total = countValue(count);
  return (
    <Stack gap="lg" maw={900}>
      <Heading register={register} data={data} />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t("openForm.title")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("openForm.hint")}
            </Text>
          </Stack>
          <CountForm denominations={data.denominations} smallestNote={data.smallestNote} currency={currency} locale={locale} value={count} onChange={setCount} disabled={open.isPending} errors={rowErrors} />
          {open.isError && Object.keys(rowErrors).length === 0 ? (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {serverMessage(open.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button size="lg" leftSection={<IconLockOpen size={20} aria-hidden />} loading={open.isPending} onClick={() => open.mutate({ registerId: register.id, count })}>
              {t("openForm.submit", { amount: moneyText(total, currency, locale) })}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

type Mode = { kind: "session" } | { kind: "closing" };

function OpenSession({ data, register, onClosed }: { data: StoreRegistersData; register: StoreRegisterData; onClosed: (report: CashReportData) => void }) {
  const t = useTranslations("registers");
  const session = register.session!;
  const { currency, locale, timeZone } = data.location;
  const [mode, setMode] = useState<Mode>({ kind: "session" });
  const [movement, setMovement] = useState<"CASH_IN" | "CASH_OUT" | null>(null);
  const [showX, setShowX] = useState(false);

  if (mode.kind === "closing") {
    return <CloseRegister data={data} register={register} onCancel={() => setMode({ kind: "session" })} onClosed={onClosed} />;
  }
  return (
    <Stack gap="lg">
      <Heading register={register} data={data} />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text>
                {t("openedBy", { name: session.openedBy.name })} · <DateTime value={session.openedAt} timeZone={timeZone} locale={locale} />
              </Text>
              <Text c="dimmed" size="sm">
                {t("openingFloat")}: <Money amount={session.openingFloat} currency={currency} locale={locale} />
              </Text>
            </Stack>
            {session.expectedCash !== null ? (
              <Stack gap={0} align="flex-end" data-testid="expected-cash">
                <Text size="sm" c="dimmed">
                  {t("expectedCash")}
                </Text>
                <Text fw={800} size="xl">
                  <Money amount={session.expectedCash} currency={currency} locale={locale} />
                </Text>
              </Stack>
            ) : null}
          </Group>
          <Group gap="sm">
            <Button size="lg" variant="light" color="teal" leftSection={<IconArrowDown size={20} aria-hidden />} onClick={() => setMovement("CASH_IN")}>
              {t("cashIn")}
            </Button>
            <Button size="lg" variant="light" color="orange" leftSection={<IconArrowUp size={20} aria-hidden />} onClick={() => setMovement("CASH_OUT")}>
              {t("cashOut")}
            </Button>
            {data.seesExpectedCash ? (
              <Button size="lg" variant="default" leftSection={<IconChartBar size={20} aria-hidden />} onClick={() => setShowX(true)}>
                {t("xReport")}
              </Button>
            ) : null}
            <Button size="lg" color="red" variant="filled" ml="auto" leftSection={<IconLock size={20} aria-hidden />} onClick={() => setMode({ kind: "closing" })}>
              {t("closeRegister")}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("movements.title")}
          </Title>
          {session.manualMovements.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("movements.none")}
            </Text>
          ) : (
            <Table striped verticalSpacing="xs" data-testid="movements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("movements.time")}</Table.Th>
                  <Table.Th>{t("movements.kind")}</Table.Th>
                  <Table.Th>{t("movements.reason")}</Table.Th>
                  <Table.Th>{t("movements.by")}</Table.Th>
                  <Table.Th style={{ textAlign: "end" }}>{t("movements.amount")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {session.manualMovements.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <DateTime value={m.at} timeZone={timeZone} locale={locale} format="time" />
                    </Table.Td>
                    <Table.Td>{m.kind === "CASH_IN" ? t("cashIn") : t("cashOut")}</Table.Td>
                    <Table.Td>{m.reason}</Table.Td>
                    <Table.Td>{m.by.name}</Table.Td>
                    <Table.Td style={{ textAlign: "end" }}>
                      <Money amount={m.amount} currency={currency} locale={locale} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>

      <CashMovementModal kind={movement} registerSessionId={session.id} currency={currency} locale={locale} onClose={() => setMovement(null)} />
      <XReportModal opened={showX} registerSessionId={session.id} title={t("xReportOf", { register: register.name })} onClose={() => setShowX(false)} />
    </Stack>
  );
}

function XReportModal({ opened, registerSessionId, title, onClose }: { opened: boolean; registerSessionId: string; title: string; onClose: () => void }) {
  const t = useTranslations("registers");
  const trpc = useTRPC();
  const x = useQuery({ ...trpc.registers.xReport.queryOptions({ registerSessionId }), enabled: opened, staleTime: 0, refetchOnMount: "always" });
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" styles={{ title: { fontSize: "var(--mantine-font-size-xl)", fontWeight: 700 } }}>
      {x.isPending ? <Loader aria-label={t("loading")} /> : x.isError ? <ErrorState title={t("loadFailed")} message={serverMessage(x.error) ?? ""} retryLabel={t("retry")} onRetry={() => void x.refetch()} /> : <CashReportView report={x.data} />}
    </Modal>
  );
}

/**
 * End of day, blind: the cashier counts without seeing the expected amount. After the count
 * is submitted the server answers with the Z report, or, when the variance is above the
 * threshold, with the figures and a required note; the count is then locked.
 */
function CloseRegister({ data, register, onCancel, onClosed }: { data: StoreRegistersData; register: StoreRegisterData; onCancel: () => void; onClosed: (report: CashReportData) => void }) {
  const t = useTranslations("registers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { currency, locale } = data.location;
  const [count, setCount] = useState<DenominationCount>({});
  const [note, setNote] = useState("");
  const [figures, setFigures] = useState<{ expectedCash: number; countedCash: number; variance: number; threshold: number } | null>(null);
  const close = useMutation(
    trpc.registers.close.mutationOptions({
      onSuccess: async (report) => {
        onClosed(report);
        await queryClient.invalidateQueries(trpc.registers.pathFilter());
        router.refresh();
      },
      onError: (error) => {
        const details = errorDetails(error);
        if (fieldError(error, "varianceNote") && details && typeof details.variance === "number") {
          setFigures({ expectedCash: Number(details.expectedCash), countedCash: Number(details.countedCash), variance: details.variance, threshold: Number(details.threshold) });
        }
      },
    }),
  );
  const noteError = fieldError(close.error, "varianceNote");
  const otherError = close.isError && !noteError ? serverMessage(close.error) : null;
  const total = countValue(count);
  const submit = () => close.mutate({ registerSessionId: register.session!.id, count, ...(figures ? { varianceNote: note } : {}) });

  return (
    <Stack gap="lg" maw={900}>
      <Heading register={register} data={data} />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t("close.title")}
            </Title>
            <Text c="dimmed" size="sm">
              {figures ? t("close.lockedHint") : t("close.hint")}
            </Text>
          </Stack>
          <CountForm denominations={data.denominations} smallestNote={data.smallestNote} currency={currency} locale={locale} value={count} onChange={setCount} disabled={close.isPending || figures !== null} />
          {figures ? (
            <Paper withBorder radius="md" p="md" bg={figures.variance < 0 ? "red.0" : "orange.0"} data-testid="variance-figures">
              <Stack gap="sm">
                <Table withRowBorders={false} verticalSpacing={4}>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Td>{t("close.expected")}</Table.Td>
                      <Table.Td style={{ textAlign: "end" }}>
                        <Money amount={figures.expectedCash} currency={currency} locale={locale} />
                      </Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Td>{t("close.counted")}</Table.Td>
                      <Table.Td style={{ textAlign: "end" }}>
                        <Money amount={figures.countedCash} currency={currency} locale={locale} />
                      </Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Td fw={700}>{figures.variance < 0 ? t("close.short") : t("close.over")}</Table.Td>
                      <Table.Td fw={800} style={{ textAlign: "end" }} c={figures.variance < 0 ? "red.8" : "orange.9"}>
                        <Money amount={figures.variance} currency={currency} locale={locale} />
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
                <Textarea
                  label={t("close.note")}
                  description={t("close.noteHint", { threshold: moneyText(figures.threshold, currency, locale) })}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  error={noteError ?? undefined}
                  autosize
                  minRows={2}
                  maxLength={500}
                  size="md"
                  withAsterisk
                />
              </Stack>
            </Paper>
          ) : null}
          {otherError ? (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {otherError}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Button size="lg" variant="default" onClick={onCancel} disabled={close.isPending}>
              {t("close.cancel")}
            </Button>
            <Button size="lg" color="red" leftSection={<IconLock size={20} aria-hidden />} loading={close.isPending} onClick={submit}>
              {figures ? t("close.submitWithNote") : t("close.submit", { amount: moneyText(total, currency, locale) })}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
