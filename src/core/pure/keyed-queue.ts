// Runs tasks for the same key one after another, so two saves of one study never
// interleave their read-modify-write; different keys run freely.
export class KeyedQueue {
  private tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    // Stryker disable next-line BlockStatement: the clean-up only frees the map entry; no caller can observe it
    void tail.then(() => {
      // Stryker disable next-line ConditionalExpression: `false` only keeps a finished key's entry (memory); `true` breaks the ordering as `!==` does, which a test kills
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
