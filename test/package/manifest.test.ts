import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));

interface Setting {
  type?: string;
  default?: unknown;
  scope?: string;
  markdownDescription?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
  additionalProperties?: Setting;
  items?: Setting;
  properties?: Record<string, Setting>;
}

/** A `%key%` reference must name a text in package.nls.json. */
function resolved(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key ? nls[key] : value;
}

/** Every enum, also nested in objects and arrays, needs its descriptions. */
function enumsWithoutDescriptions(schema: Setting, where: string): string[] {
  const missing = schema.enum && (schema.enumDescriptions?.length ?? 0) !== schema.enum.length ? [where] : [];
  const nested = [
    ...(schema.additionalProperties ? enumsWithoutDescriptions(schema.additionalProperties, `${where}.*`) : []),
    ...(schema.items ? enumsWithoutDescriptions(schema.items, `${where}[]`) : []),
    ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => enumsWithoutDescriptions(s, `${where}.${k}`)),
  ];
  return [...missing, ...nested];
}

suite('manifest', () => {
  test('names the extension completely', () => {
    for (const field of ['name', 'displayName', 'description', 'publisher', 'version', 'license', 'icon', 'repository', 'categories', 'keywords', 'engines']) {
      assert.ok(manifest[field], `package.json lacks ${field}`);
    }
    assert.ok(existsSync(path.join(ROOT, manifest.icon)), 'the icon exists');
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
    assert.ok(existsSync(path.join(ROOT, 'LICENSE')) && existsSync(path.join(ROOT, 'CHANGELOG.md')));
  });

  test('activates only where it is useful', () => {
    assert.ok(!manifest.activationEvents.includes('*'), 'never on startup');
    assert.ok(manifest.activationEvents.every((e: string) => /^(workspaceContains:|onLanguage:markdown|onLanguage:html|onWebviewPanel:|onCommand:)/.test(e)), manifest.activationEvents.join(', '));
  });

  test('every command has a title, a category and an enablement', () => {
    for (const command of manifest.contributes.commands) {
      assert.ok(resolved(command.title), `${command.command} has a title`);
      assert.ok(resolved(command.category), `${command.command} has a category`);
      assert.ok(command.enablement, `${command.command} has an enablement`);
    }
  });

  test('every setting has a type, a default, a scope and a markdown description; enums describe their values', () => {
    for (const [name, schema] of Object.entries(manifest.contributes.configuration.properties as Record<string, Setting>)) {
      assert.ok(schema.type, `${name} has a type`);
      assert.ok('default' in schema, `${name} has a default`);
      assert.ok(schema.scope, `${name} has a scope`);
      assert.ok(resolved(schema.markdownDescription), `${name} has a markdownDescription`);
      assert.deepStrictEqual(enumsWithoutDescriptions(schema, name), [], `${name}: enums without enumDescriptions`);
    }
  });

  test('every %text% reference resolves', () => {
    const references = JSON.stringify(manifest).match(/"%[^"%]+%"/g) ?? [];
    const missing = references.map((r) => r.slice(2, -2)).filter((key) => !(key in nls));
    assert.deepStrictEqual(missing, []);
  });

  test('the README lists every setting as package.json declares it', async () => {
    const { readmeWithTable } = (await import(path.join(ROOT, 'scripts', 'settingsTable.mjs'))) as { readmeWithTable(readme: string): string };
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.strictEqual(readme, readmeWithTable(readme), 'README.md settings table is out of date: run `npm run docs:settings`');
  });
});
