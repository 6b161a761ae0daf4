import { defineConfig } from "prisma/config";

// Prisma 7 does not load .env files itself, and env("DATABASE_URL") would make even `generate`
// fail when the variable is unset, so the URL is read directly with the local default.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL || "mysql://root@127.0.0.1:3306/pixelpatchwork",
  },
});
