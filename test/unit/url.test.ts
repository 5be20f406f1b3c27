import * as assert from 'node:assert';
import { withoutDotSegments } from '../../server/src/core/url';

suite('url', () => {
  test('withoutDotSegments resolves `.` and `..` as WHATWG URL parsing does, leaving the rest as written', () => {
    const paths = ['/', '/../x', '/a/../b', '/a/./b', '/a/..', '/a/.', '/a/b/../../..', '/%2e%2E/x', '/a/.%2e/b', '/..//x', '/a..b/.c/..d/x.', '/a/b/'];
    for (const path of paths) {
      assert.strictEqual(withoutDotSegments(path), new URL(path, 'http://site.invalid').pathname, path);
    }
    // Query and fragment are kept; spaces and other characters are not escaped, as the author wrote them.
    assert.strictEqual(withoutDotSegments('/a b/../c d.html?x=/../y#/../z'), '/c d.html?x=/../y#/../z');
    assert.strictEqual(withoutDotSegments('/a/b.html'), '/a/b.html');
  });
});
