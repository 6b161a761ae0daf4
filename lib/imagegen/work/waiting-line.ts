// The line in front of the image workers: first come, first served, in two classes. New work
// (a generation asking for its first turn) waits at the back and is refused once `limit` of it
// waits; accepted work (a later step of a generation that already had its turn) goes ahead of all
// new work and is never refused, so a full line never drops a generation it took in. Positions
// count new work only: "3rd in line" means two new generations start before this one, and a
// position only ever goes down.

export interface Waiting {
  accepted: boolean;
  /** The last position announced, 0 before the first. */
  position: number;
  onPosition?: (position: number) => void;
}

export class WaitingLine<W extends Waiting> {
  private readonly accepted: W[] = [];
  private readonly fresh: W[] = [];

  constructor(readonly limit: number) {}

  get size(): number {
    return this.accepted.length + this.fresh.length;
  }

  /** New work waiting, the count the limit applies to. */
  get waitingNew(): number {
    return this.fresh.length;
  }

  /** Whether new work would be refused now. */
  get full(): boolean {
    return this.fresh.length >= this.limit;
  }

  /** Adds to the back of its class; new work only while the line is not full (check `full` first). */
  push(entry: W): void {
    if (!entry.accepted && this.full) throw new Error("the waiting line is full");
    (entry.accepted ? this.accepted : this.fresh).push(entry);
  }

  /** The next to run: accepted work first, then new work, each in arrival order. */
  shift(): W | undefined {
    return this.accepted.shift() ?? this.fresh.shift();
  }

  /** Takes an entry out wherever it waits (it was cancelled); false when it was not waiting. */
  remove(entry: W): boolean {
    const list = entry.accepted ? this.accepted : this.fresh;
    const at = list.indexOf(entry);
    if (at < 0) return false;
    list.splice(at, 1);
    return true;
  }

  /** Tells each waiting new entry its position when it changed since it was last told. */
  announce(): void {
    this.fresh.forEach((entry, i) => {
      if (entry.position === i + 1) return;
      entry.position = i + 1;
      try {
        entry.onPosition?.(i + 1);
      } catch {
        // A listener's failure is the listener's; the line goes on.
      }
    });
  }
}
