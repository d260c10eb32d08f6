import { NotAllowed } from "../../components/not-allowed.tsx";

export default function Forbidden() {
  return <NotAllowed area="fulfillment" />;
}
