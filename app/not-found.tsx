import { NotFoundCard } from "@/components/ui/not-found-card";

/** Every unknown address outside the site's layout, and /admin for anyone who is not an admin. */
export default function NotFound() {
  return (
    <main id="main" className="container" style={{ paddingTop: 48 }}>
      <NotFoundCard />
    </main>
  );
}
