import "server-only";
import { getStorage } from "@/lib/storage";

/** Adds a browser-loadable thumbnail URL to each image (presigned on S3). */
export async function withThumbUrls<T extends { thumbKey: string }>(
  images: T[],
): Promise<(Omit<T, "thumbKey" | "resultKey"> & { thumbUrl: string })[]> {
  const storage = getStorage();
  return Promise.all(
    images.map(async (img) => {
      const { thumbKey, resultKey: _r, ...rest } = img as T & { resultKey?: string };
      return { ...rest, thumbUrl: await storage.url(thumbKey) };
    }),
  );
}
