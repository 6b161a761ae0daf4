import { SiteFrame } from "@/components/ui/site-frame";

/**
 * The participation-reward pages (/me, /leaderboard). Unlike (site) this group has no loading
 * boundary, so a page switched off answers a real 404 before anything is streamed.
 */
export default function RewardsLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
