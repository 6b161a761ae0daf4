/** An expected refusal from domain code: its message is safe to show to the user as is. */
export class ActionError extends Error {
  constructor(
    message: string,
    public readonly code = "REFUSED",
    public readonly fieldErrors?: Record<string, string[]>,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = "ActionError";
  }
}
