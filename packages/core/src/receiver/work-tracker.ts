/** What `close()` reports about one delivery it could not wait out. */
export interface UnfinishedDelivery {
  readonly event: string;
  readonly deliveryKey: string | undefined;
}

export interface CloseReport {
  /** Deliveries that finished while closing. */
  readonly completed: number;
  /** Deliveries still running when the timeout passed; their handlers' `signal` is aborted. */
  readonly unfinished: number;
  readonly unfinishedDeliveries: readonly UnfinishedDelivery[];
}

interface Unit {
  readonly info: UnfinishedDelivery;
  readonly abort: AbortController | undefined;
}

/**
 * Counts deliveries from the moment a request is accepted until its last piece of work (reply,
 * background run after the deadline or after an ack-first answer, inbox write) is over, so
 * `close()` can wait for all of them, including work started after close was called.
 */
export interface WorkTracker {
  /** Registers one delivery; call the returned function once when it is completely over. */
  begin(info: UnfinishedDelivery, abort?: AbortController): () => void;
  track<T>(work: Promise<T>, info: UnfinishedDelivery, abort?: AbortController): Promise<T>;
  /** Waits until nothing is running or `timeoutMs` passed; aborts what is left. */
  drain(timeoutMs: number): Promise<CloseReport>;
}

export function createWorkTracker(): WorkTracker {
  const units = new Set<Unit>();
  let idle: (() => void)[] = [];
  let finishedWhileDraining = 0;
  let draining = 0;

  function begin(info: UnfinishedDelivery, abort?: AbortController): () => void {
    const unit: Unit = { info, abort };
    units.add(unit);
    return () => {
      if (!units.delete(unit)) return;
      if (draining > 0) finishedWhileDraining++;
      if (units.size === 0 && idle.length > 0) {
        const waiting = idle;
        idle = [];
        for (const wake of waiting) wake();
      }
    };
  }

  return {
    begin,
    track(work, info, abort) {
      const finish = begin(info, abort);
      work.then(finish, finish);
      return work;
    },
    async drain(timeoutMs) {
      draining++;
      const before = finishedWhileDraining;
      let timer: NodeJS.Timeout | undefined;
      if (units.size > 0) {
        await new Promise<void>((resolve) => {
          idle.push(resolve);
          timer = setTimeout(resolve, Math.max(0, timeoutMs));
        });
      }
      clearTimeout(timer);
      draining--;
      const left = [...units];
      for (const unit of left)
        unit.abort?.abort(new Error('the receiver closed before this delivery finished'));
      return {
        completed: finishedWhileDraining - before,
        unfinished: left.length,
        unfinishedDeliveries: left.map((unit) => unit.info),
      };
    },
  };
}
