import "server-only";
import { notFound } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/auth";
import { isActiveAdmin } from "@/lib/auth/roles";

/**
 * For every /admin page (layouts do not re-run on client navigation, so each page checks for
 * itself): the signed-in admin, or a plain 404 that does not reveal the area exists.
 */
export async function adminOrNotFound(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !isActiveAdmin(user)) notFound();
  return user;
}
