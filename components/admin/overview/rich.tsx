import type { ReactNode } from "react";

/** Bold text inside a translated message (`t.rich(key, { strong })`), as the overview's sections use it. */
export const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
