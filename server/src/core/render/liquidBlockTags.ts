/**
 * The tags around a Liquid block as Liquid 4 reads them: a tag's name, then its markup up to `%}`. What follows an
 * end tag's name is ignored, so `{% endhighlight bash %}` ends a highlight and `{% endcomment note %}` a comment
 * (checked against Jekyll 4.3.1). Markup is taken up to the next `%`, so a search stops at the next tag at the latest.
 */

/** `{% name ... %}`, the opening tag of a block that takes markup (`comment`, `capture x`, `highlight ruby`). */
export function liquidOpenTag(name: string, flags = ''): RegExp {
  return new RegExp(`\\{%-?\\s*${name}\\b[^%]*%\\}`, flags);
}

/** `{% endname ... %}`, whatever follows the name. */
export function liquidEndTag(name: string, flags = ''): RegExp {
  return new RegExp(`\\{%-?\\s*end${name}\\b[^%]*%\\}`, flags);
}
