/**
 * An AbortController that is only made when a handler reads `signal`: most handlers never look at
 * it, and creating one for every delivery is a measurable cost (BENCHMARKS.md, "Hot-path decisions").
 * Aborting before anyone asked for the signal is remembered: the signal then starts aborted,
 * with the same reason.
 */
export class LazyAbortController {
  #controller: AbortController | undefined;
  #aborted = false;
  #reason: unknown;

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  abort(reason?: unknown): void {
    if (this.#controller !== undefined) this.#controller.abort(reason);
    else if (!this.#aborted) {
      this.#aborted = true;
      this.#reason = reason;
    }
  }
}
