// A skeleton while the list loads. Only list pages have one: under a loading boundary the page
// streams, and a not-found found later could no longer change the response's status to 404.
export { PageSkeleton as default } from "@/components/ui/page-skeleton";
