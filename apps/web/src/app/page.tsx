import { getSessionUser } from "@oms/auth";
import { redirect } from "next/navigation";
import { homePathFor } from "../areas.ts";

/** "/" has no page of its own: people go to their area, or sign in first. */
export default async function Start() {
  const user = await getSessionUser();
  redirect(user ? homePathFor(user.role) : "/login");
}
