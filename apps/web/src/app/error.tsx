"use client";
import { Center, Container } from "@mantine/core";
import { AreaError } from "../components/area-error.tsx";

export default function Error(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Center mih="100dvh" p="md">
      <Container size="sm">
        <AreaError {...props} />
      </Container>
    </Center>
  );
}
