// zod, configured for pages with a strict Content-Security-Policy. Zod 4 compiles object schemas
// with `new Function` where it may, and to find out it calls Function("") once: caught, but a page
// whose CSP forbids eval reports that as a violation on every load. Jitless parsing gives the same
// results without compiling. Schemas that reach the browser import z from here.
import { z } from "zod";

z.config({ jitless: true });

export { z };
