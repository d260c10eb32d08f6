import { Center } from "@mantine/core";
import { NotFoundPanel } from "../components/not-found-panel.tsx";

export default function NotFound() {
  return (
    <Center mih="100dvh" p="md">
      <NotFoundPanel />
    </Center>
  );
}
