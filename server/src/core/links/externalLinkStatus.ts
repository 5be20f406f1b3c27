/** What the network said of an external link; the adapters fetch, the core only reads. */
export interface ExternalLinkStatus {
  readonly ok: boolean;
  /** `answers 404 Not Found`, `does not answer within 10 s`, ... */
  readonly message: string;
}

export interface IExternalLinks {
  /** The fresh status of a URL, or undefined when it has not been checked (yet). */
  status(url: string): ExternalLinkStatus | undefined;
}
