import "server-only";
import { getStorage } from "@/lib/storage";

/** Browser-loadable URLs for an image's full picture and thumbnail (presigned on S3). */
export async function imageUrls(image: { resultKey: string; thumbKey: string }) {
  const storage = getStorage();
  const [url, thumbUrl] = await Promise.all([storage.url(image.resultKey), storage.url(image.thumbKey)]);
  return { url, thumbUrl };
}
