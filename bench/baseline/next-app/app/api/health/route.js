// GET /api/health: answers once the server is up, so the benchmark knows when to start.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
