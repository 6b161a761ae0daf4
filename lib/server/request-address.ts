import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/server/rate-limit";

/**
 * The client's address inside a server action or page. Outside a request (scripts, tests that
 * call an action directly) there are no headers: all such calls share the "local" bucket.
 */
export async function requestAddress(): Promise<string> {
  try {
    return clientAddress(await headers());
  } catch {
    return "local";
  }
}
