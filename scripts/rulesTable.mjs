// Writes the README's tables of rule codes from the rule catalog (server/src/core/ruleCatalog.ts, as built in
// out/), each between <!-- rules:start AREA... --> and <!-- rules:end -->, with the codes of the areas its
// start marker names. `--check` only says whether they are current. Run `npm run build` first.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { rewriteReadme } from './rewriteReadme.mjs';

const root = path.resolve(import.meta.dirname, '..');
const TABLE = /(<!-- rules:start ([a-z ]+) -->\n)[\s\S]*?(<!-- rules:end -->)/g;

function catalog() {
  return createRequire(import.meta.url)(path.join(root, 'out/server/src/core/ruleCatalog.js'));
}

export function rulesTable(areas) {
  const { RULE_CATALOG, RULE_CODES, areaOf } = catalog();
  const cell = (value) => value.replace(/\|/g, '\\|');
  const rows = RULE_CODES.filter((code) => areas.includes(areaOf(code))).map((code) => {
    const { level, fix, description } = RULE_CATALOG[code];
    return `| \`${code}\` | ${cell(description)} | ${level} | ${fix ? 'yes' : ''} |`;
  });
  return ['| code | what it finds | default | quick fix |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README with every table of codes made afresh, and the areas the tables cover. */
export function readmeWithRules(readme) {
  const covered = [];
  const updated = readme.replace(TABLE, (_, start, areas, end) => {
    covered.push(...areas.split(' '));
    return start + rulesTable(areas.split(' ')) + '\n' + end;
  });
  return { readme: updated, areas: covered };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  rewriteReadme((readme) => readmeWithRules(readme).readme, 'README.md tables of rule codes are out of date: run `npm run docs:rules`.');
}
