/**
 * Ruby's `String#downcase`, which Jekyll and kramdown use for slugs, category URLs, header ids and reference labels.
 * JavaScript's `toLowerCase` differs in one rule: it turns a word-final `Σ` into `ς`, Ruby always into `σ`
 * (Jekyll 4.3.1: `## ΟΔΟΣ` gets id="οδοσ", `categories: [ΟΔΟΣ]` the folder _site/οδοσ/).
 */
export function rubyDowncase(text: string): string {
  return text.replace(/Σ/g, 'σ').toLowerCase();
}
