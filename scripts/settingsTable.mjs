// Writes the README's table of every setting from package.json (and package.nls.json for the texts), between
// the markers <!-- settings:start --> and <!-- settings:end -->. `--check` only says whether it is current.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rewriteReadme } from './rewriteReadme.mjs';

const root = path.resolve(import.meta.dirname, '..');
const START = '<!-- settings:start -->';
const END = '<!-- settings:end -->';

export function settingsTable() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  const text = (value) => (typeof value === 'string' ? value.replace(/^%(.+)%$/, (_, key) => nls[key] ?? value) : '');
  const cell = (value) => value.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
  const rows = Object.entries(manifest.contributes.configuration.properties).map(([name, schema]) => {
    const values = schema.enum ? ` (${schema.enum.map((v) => `\`${v}\``).join(', ')})` : '';
    return `| \`${name}\` | ${schema.type}${values} | \`${JSON.stringify(schema.default)}\` | ${schema.scope ?? 'window'} | ${cell(text(schema.markdownDescription ?? schema.description))} |`;
  });
  return ['| setting | type | default | scope | what it does |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function readmeWithTable(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  }
  return readme.slice(0, start + START.length) + '\n' + settingsTable() + '\n' + readme.slice(end);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  rewriteReadme(readmeWithTable, 'README.md settings table is out of date: run `npm run docs:settings`.');
}
