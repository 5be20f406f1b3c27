/**
 * Whether the caller still wants the answer: LSP's `CancellationToken` has this shape. Long work checks it after
 * each `await` and stops early; synchronous work cannot be interrupted, so it is checked between steps.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NOT_CANCELLED: CancellationToken = { isCancellationRequested: false };

/**
 * How long work holds the thread: between steps it asks `due()`, and when due it awaits `pause()`, during which
 * requests and edits are answered. Long work in the core (a build) takes one from its caller.
 */
export interface IPacing {
  due(): boolean;
  pause(): Promise<void>;
}

/** Milliseconds of work before a pause, when the caller says nothing else. */
const DEFAULT_SLICE_MS = 5;

/** A pause every few milliseconds: one turn of the event loop. */
export function timePacing(sliceMs = DEFAULT_SLICE_MS): IPacing {
  let since = performance.now();
  return {
    due: () => performance.now() - since >= sliceMs,
    pause: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    },
  };
}
