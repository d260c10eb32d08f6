import { notFound } from "next/navigation";

// Sections not built yet (and mistyped addresses) show the not-found panel inside the shell.
export default function Missing() {
  notFound();
}
