import * as assert from 'node:assert';
import { resolveUrl } from '../../server/src/core/links/resolveUrl';
import { readConfig } from '../../server/src/core/site/config';
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

suite('resolveUrl', () => {
  test("another site's plain host is external without the URL parser, and agrees with it", () => {
    const config = readConfig('url: https://blog.example.com\n').config;
    const cases: [string, string][] = [
      ['https://Other.Example.org/a?b#c', 'external'],
      ['http://a-b.c9.io', 'external'],
      ['https://WWW.blog.example.com/x/#y', 'internal'], // the site itself, written another way
      ['https://blog.example.com', 'internal'],
      ['https://xn--a.com/', 'skip'], // punycode the parser refuses
      ['https://10.0.0.1/x', 'external'], // an address: the parser's
      ['https://127.0.0.1/x', 'suspicious'],
      ['https://0x7f.1/x', 'suspicious'], // a number in the last label: the parser reads 127.0.0.1
      ['https://user@blog.example.com/x', 'internal'], // a user part: the parser's
      ['https://blog.example.com:443/x', 'internal'],
    ];
    for (const [target, kind] of cases) {
      assert.strictEqual(resolveUrl(target, '/', config).kind, kind, target);
    }
  });
});
