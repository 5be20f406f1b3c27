const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text with lone surrogates (half an emoji, from a broken paste or a buffer cut mid-character) replaced by
 * U+FFFD, one code unit for one, so offsets stay. `encodeURIComponent` and `encodeURI` throw on them.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}
