// A local ESLint rule: text a user reads (a diagnostic's message, a fix's title, a reason, ...) goes through
// l10n.t, so that a translation can reach it. It flags words (letters and a space) written straight into such
// a property, also in a template, a conditional, `??`/`||` or a `+`; what a call returns (`l10n.t(...)`) is fine.
const TEXT_PROPERTIES = new Set(['message', 'title', 'reason', 'error', 'detail', 'tooltip']);

/** The strings written into an expression's value: literals, and templates with `{}` for what is computed. */
function* writtenStrings(node) {
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string') {
        yield node.value;
      }
      return;
    case 'TemplateLiteral':
      yield node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('{}');
      for (const expression of node.expressions) {
        yield* writtenStrings(expression);
      }
      return;
    case 'ConditionalExpression':
      yield* writtenStrings(node.consequent);
      yield* writtenStrings(node.alternate);
      return;
    case 'LogicalExpression':
      yield* writtenStrings(node.left);
      yield* writtenStrings(node.right);
      return;
    case 'BinaryExpression':
      if (node.operator === '+') {
        yield concatenated(node);
      }
      return;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      yield* writtenStrings(node.expression);
  }
}

/** `'Open ' + name` as `Open {}`. */
function concatenated(node) {
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    return concatenated(node.left) + concatenated(node.right);
  }
  return node.type === 'Literal' && typeof node.value === 'string' ? node.value : node.type === 'TemplateLiteral' ? node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('{}') : '{}';
}

/** Words: letters, and a space between them. */
function isWords(text) {
  return /\p{L}{2}/u.test(text) && /\s/.test(text.trim());
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Text for users goes through l10n.t' },
    schema: [],
    messages: { bare: '`{{property}}` is text a user reads: give it through l10n.t(...) so that it can be translated.' },
  },
  create(context) {
    return {
      Property(node) {
        const name = node.key.type === 'Identifier' ? node.key.name : node.key.type === 'Literal' ? String(node.key.value) : undefined;
        if (node.computed || !TEXT_PROPERTIES.has(name)) {
          return;
        }
        if ([...writtenStrings(node.value)].some(isWords)) {
          context.report({ node: node.value, messageId: 'bare', data: { property: name } });
        }
      },
    };
  },
};

export default { meta: { name: 'blogwright' }, rules: { 'localized-text': rule } };
