/**
 * Whether the caller still wants the answer: LSP's `CancellationToken` has this shape. Long work checks it after
 * each `await` and stops early; synchronous work cannot be interrupted, so it is checked between steps.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NOT_CANCELLED: CancellationToken = { isCancellationRequested: false };
