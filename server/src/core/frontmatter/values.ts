/** How a scalar is written: its quotes decide what YAML makes of it and where its characters are. */
export type ScalarStyle = 'plain' | 'double' | 'single' | 'block';

/** A scalar value as written, offsets absolute in the file (quotes included). */
export interface ScalarValue {
  readonly kind: 'scalar';
  readonly style: ScalarStyle;
  readonly start: number;
  readonly end: number;
  /** As YAML 1.1 reads it (`yes` true, `2015-10-10` a Date). */
  readonly value: unknown;
}

/** A mapping, an alias, or a list inside a list: the rules need only where it is. */
export interface OtherValue {
  readonly kind: 'other';
  readonly start: number;
  readonly end: number;
}

export interface ListValue {
  readonly kind: 'list';
  /** `[a, b]` rather than `- a` lines. */
  readonly flow: boolean;
  readonly start: number;
  readonly end: number;
  readonly items: readonly (ScalarValue | OtherValue)[];
}

/**
 * A top-level value as written: what the rules, tokens and quick fixes need of its form. Plain data, no parser
 * objects, so that a parse can be kept cheaply and sent between threads.
 */
export type FrontMatterValue = ScalarValue | ListValue | OtherValue;
