import { Skeleton, Stack, Text } from "@mantine/core";
import { getT } from "../i18n/server.ts";

export async function AreaLoading() {
  const t = await getT("loading");
  return (
    <Stack gap="md" aria-busy="true">
      <Text size="sm" c="dimmed" role="status">
        {t("page")}
      </Text>
      <Skeleton height={28} width="40%" radius="sm" />
      <Skeleton height={120} radius="md" />
      <Skeleton height={120} radius="md" />
    </Stack>
  );
}
