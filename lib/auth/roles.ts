/**
 * Whether a user holds the admin role and is not banned: a banned admin is not an admin. The one
 * rule for every admin check (the admin layout, actions, admin transactions, what pages show).
 */
export function isActiveAdmin(user: { role: string; bannedAt: Date | null } | null | undefined): boolean {
  return !!user && user.role === "ADMIN" && user.bannedAt === null;
}
