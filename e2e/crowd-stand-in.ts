// Loopback stand-ins for the two crowd platforms' ends of a study: MTurk's externalSubmit, where an
// ExternalQuestion HIT posts the finished assignment, and Prolific's completion URL. Each records
// what reached it, and the MTurk one refuses what MTurk refuses:
// - a submission without `assignmentId`: "Mechanical Turk needs the form response to include the
//   assignmentId that was provided in the query parameters for this task" (MTurk Requester Guide,
//   "Defining an HTML form");
// - the preview placeholder ASSIGNMENT_ID_NOT_AVAILABLE, and an assignment MTurk never issued
//   (here: one the test did not list), since only an accepted assignment can be submitted;
// - a field name given twice: "each element must have a unique name attribute" (same page);
// - an assignment submitted a second time: once submitted it awaits review and cannot be again.
// It also demands at least one answer field besides assignmentId (a form with none carries no
// result), which is never looser than MTurk. Refusals are 400s with an HTML page, as MTurk answers
// a bad submission with its error page rather than JSON.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type CrowdStandIn = {
  origin: string;
  /** Accepted externalSubmit posts, their fields as sent. */
  submissions: Record<string, string>[];
  /** Refused posts, with why. */
  refusals: string[];
  /** Query strings that reached the Prolific completion URL. */
  returns: string[];
  /** Lets MTurk "issue" an assignment, which may then be submitted once. */
  issue(assignmentId: string): void;
  close(): Promise<void>;
};

const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

export async function startCrowdStandIn(): Promise<CrowdStandIn> {
  const issued = new Set<string>();
  const submitted = new Set<string>();
  const submissions: Record<string, string>[] = [];
  const refusals: string[] = [];
  const returns: string[] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const answer = (status: number, title: string) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(page(title));
    };
    if (url.pathname === "/submissions/complete" && req.method === "GET") {
      returns.push(url.search);
      return answer(200, "Prolific stand-in: submission completed");
    }
    if (url.pathname !== "/mturk/externalSubmit") return answer(404, "Not found");
    // MTurk takes the form by GET or POST; a browser form posts application/x-www-form-urlencoded.
    let query: string;
    if (req.method === "POST") {
      if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
        refusals.push("content-type");
        return answer(400, "There was a problem submitting your results for this HIT: the form could not be read.");
      }
      query = await readBody(req);
    } else if (req.method === "GET") query = url.search.slice(1);
    else return answer(405, "Method not allowed");

    const pairs = [...new URLSearchParams(query)];
    const refuse = (why: string, title: string) => {
      refusals.push(why);
      answer(400, `There was a problem submitting your results for this HIT: ${title}`);
    };
    const names = pairs.map(([k]) => k);
    if (new Set(names).size !== names.length) return refuse("duplicate field", "a field was sent twice.");
    const fields = Object.fromEntries(pairs);
    const id = fields.assignmentId;
    if (!id) return refuse("no assignmentId", "the assignment ID is missing.");
    if (id === "ASSIGNMENT_ID_NOT_AVAILABLE") return refuse("preview", "a HIT in preview cannot be submitted; accept it first.");
    if (!issued.has(id)) return refuse("unknown assignment", "this assignment was not found.");
    if (submitted.has(id)) return refuse("already submitted", "this assignment has already been submitted.");
    if (names.length < 2) return refuse("no answer", "the results carry no answer.");
    submitted.add(id);
    submissions.push(fields);
    return answer(200, "Your HIT has been submitted");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    submissions,
    refusals,
    returns,
    issue: (assignmentId) => void issued.add(assignmentId),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
