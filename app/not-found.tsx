import { NotFoundCard } from "@/components/ui/not-found-card";
import styles from "./not-found.module.css";

/** Every unknown address outside the site's layout, and /admin for anyone who is not an admin. */
export default function NotFound() {
  return (
    <main id="main" className={`container ${styles.page}`}>
      <NotFoundCard />
    </main>
  );
}
