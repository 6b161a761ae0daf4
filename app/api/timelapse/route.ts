import sharp from "sharp";
import { listTimelapseFrames } from "@/lib/days/days";
import { getCurrentUser } from "@/lib/auth/auth";
import { viewerWorldId } from "@/lib/worlds/assignment";
import { errorResponse, jsonError } from "@/lib/server/http";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

const FRAME_WIDTH = 640;
const MAX_FRAMES = 365;

/**
 * The viewer's world's first seed, then its winners, oldest first, as an animated WebP (one frame per day, 700 ms each). Frames are
 * letterboxed onto one size, since seeds of different shapes must never be stretched.
 */
export async function GET(req: Request) {
  try {
    const winners = await listTimelapseFrames(await viewerWorldId(await getCurrentUser()), MAX_FRAMES);
    if (winners.length < 2) return jsonError(req, "NOT_FOUND", "NO_TIMELAPSE");
    const first = winners[0]!.image;
    const height = Math.round((FRAME_WIDTH * first.height) / first.width);
    const storage = getStorage();
    const frames = await Promise.all(
      winners.map(async (w) => {
        const file = await storage.get(w.image.resultKey);
        if (!file) throw new Error(`missing image file for ${w.image.resultKey}`);
        return sharp(file.body).resize(FRAME_WIDTH, height, { fit: "contain", background: "#e9e4da" }).png().toBuffer();
      }),
    );
    const webp = await sharp(frames, { join: { animated: true } })
      .webp({ quality: 75, loop: 0, delay: frames.map(() => 700) })
      .toBuffer();
    return new Response(new Uint8Array(webp), {
      headers: {
        "Content-Type": "image/webp",
        "Content-Disposition": 'attachment; filename="pixelpatchwork-timelapse.webp"',
        "Cache-Control": "public, max-age=300",
      },
    });
  } catch (err) {
    return errorResponse(err, req, "GET /api/timelapse");
  }
}
