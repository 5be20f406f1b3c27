import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SERVER = path.resolve(__dirname, '../../../server/src');

/** A message, fix title or reason written as a bare string literal (words, so a space) never reaches a translator. */
const BARE_TEXT = /\b(message|title|reason|error|detail|tooltip): *(['`"])[^'`"]* [^'`"]*\2/;

suite('Localized messages', () => {
  test('the core and the CLI give their messages through l10n.t', () => {
    const offenders: string[] = [];
    for (const folder of ['core', 'cli']) {
      for (const name of readdirSync(path.join(SERVER, folder), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'))) {
        readFileSync(path.join(SERVER, folder, name), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (BARE_TEXT.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)) {
              offenders.push(`${folder}/${name}:${i + 1}: ${line.trim()}`);
            }
          });
      }
    }
    assert.deepStrictEqual(offenders, []);
  });
});
