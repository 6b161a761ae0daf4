// `npm run dev` runs this beside `next dev`: the image worker is rebuilt whenever the image code
// changes, and the app's pool picks the new build up (lib/imagegen/work/index.ts).
// Run: node --import tsx scripts/watch-image-worker.ts
import { watchImageWorker } from "./image-worker";

watchImageWorker().then(
  (path) => console.log(`Image worker built at ${path}; rebuilding it when its sources change.`),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
