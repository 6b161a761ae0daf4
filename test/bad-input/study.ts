// The bad-input corpus, part: finishing the study (forged and replayed completions) and the
// progress endpoint. See test/bad-input.test.ts for what every case must do.
import type { Case, Harness } from "./harness";

export function studyCases(h: Harness): Case[] {
  const { studyActions, progressRoute, detail, fromAction, fromResponse, refused, invalid } = h;
  const finish = (input: unknown) => () => fromAction(studyActions.finishStudyAction(input));
  const progress =
    (query = "") =>
    () =>
      fromResponse(progressRoute.GET(new Request(`http://app.test/api/study/progress${query}`)));
  return [
    // A forged completion: the client cannot say who finished, what they did, or what code to give.
    ["a completion naming another user", finish({ userId: 1 }), invalid(detail("INVALID_FIELD", { field: "body" }))],
    ["a completion carrying its own code", finish({ code: "ABCDEFGHJK" }), invalid(detail("INVALID_FIELD", { field: "body" }))],
    ["a completion as a string", finish("done"), invalid(detail("INVALID_FIELD", { field: "body" }))],
    [
      // The fixtures' participant has a submission and no vote, with one image open to them.
      "a completion before the tasks are done",
      finish({}),
      refused("STUDY_NOT_COMPLETE", detail("STUDY_NOT_COMPLETE", { submissions: 1, requiredSubmissions: 1, votes: 0, requiredVotes: 1 })),
    ],
    ["a replayed completion", finish({}), refused("ALREADY_COMPLETED"), "finished"],
    ["a completion by a banned account", finish({}), refused("BANNED"), "banned"],
    ["a completion without signing in", finish({}), refused("UNAUTHENTICATED"), "anonymous"],
    ["progress with a query", progress("?userId=1"), invalid(detail("INVALID_FIELD", { field: "body" }))],
    ["progress without signing in", progress(), refused("UNAUTHENTICATED"), "anonymous"],
  ];
}
