import { AreaLoading } from "../../../components/area-loading.tsx";

export default function Loading() {
  return <AreaLoading />;
}
