"use client";
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { IconTrashX } from "@tabler/icons-react";
import { useTranslations } from "use-intl";

/** Shift+Del: empties the cart after a confirmation (nothing was charged yet). */
export function VoidSaleModal({ opened, onClose, onConfirm }: { opened: boolean; onClose: () => void; onConfirm: () => void }) {
  const t = useTranslations("posSale.voidSale");
  return (
    <Modal opened={opened} onClose={onClose} title={t("title")} size="sm" centered>
      <Stack gap="md">
        <Text>{t("body")}</Text>
        <Group justify="space-between">
          <Button size="md" variant="default" onClick={onClose}>
            {t("keep")}
          </Button>
          <Button data-autofocus size="md" color="red" leftSection={<IconTrashX size={18} aria-hidden />} onClick={onConfirm}>
            {t("confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
