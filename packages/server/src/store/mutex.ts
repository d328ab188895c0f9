// Not exported from the package: a FIFO async lock shared by the memory store and the PGlite
// driver. Uses only promises, so it runs in browsers too.

/** A first-in, first-out async mutex. `lock()` resolves to the release function. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for every earlier holder, then answers the function that releases the lock. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    return previous.then(() => release);
  }

  /** Runs `fn` while holding the lock. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
