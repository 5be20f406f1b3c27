import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeBlog } from '../util/blogs';
import { runCli, type JsonReport } from '../util/cli';
import { LspTestClient } from '../util/lspClient';
import { GUARD_MODULE, guardEnvironment, guardLog } from '../util/processGuard';

/**
 * A blog built to attack the person who opens it: payloads that would write a marker file if anything executed
 * them, links and settings that point at a secret next to the blog, symbolic links that lead out, and URLs of a
 * local web server that counts requests. The server and the CLI run with a preloaded guard that records (and
 * blocks) network access, child processes and reads under the secret's folder.
 */
suite('a hostile blog: nothing runs, nothing outside is read, nothing leaves the machine', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'blogwright-hostile-'));
  const outside = path.join(parent, 'outside');
  const root = path.join(parent, 'blog');
  const marker = (name: string) => path.join(outside, `MARKER-${name}`);
  const guardFile = path.join(parent, 'guard.log');
  let requests = 0;
  let web: http.Server;
  let base = '';
  let client: LspTestClient;
  const posts: string[] = [];

  suiteSetup(async () => {
    web = http.createServer((_request, response) => {
      requests++;
      response.end('tracked');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

    writeBlog(
      {
        'secret.md': '---\ntitle: CANARY-SECRET\nlayout: post\n---\nCANARY-SECRET body\n',
        'secret.png': 'CANARY-SECRET',
        '_data/authors.yml': 'canary.author:\n  name: CANARY-SECRET\n',
        '_includes/evil.html': 'CANARY-SECRET include',
      },
      outside,
    );
    const write = (name: string) => `require('fs').writeFileSync(${JSON.stringify(marker(name))}, 'ran')`;
    const files: Record<string, string> = {
      '_config.yml': [
        'title: Hostile',
        `url: ${base}`,
        'collections_dir: ../outside',
        'include: [../outside, /etc]',
        'plugins: [../outside/evil, jekyll-evil]',
        'defaults:',
        '  - scope: {path: ../outside}',
        '    values: {layout: ../../outside/secret}',
        `gem: !ruby/object:Gem::Installer {i: x}`,
        `hook: !!js/function "function () { ${write('config')} }()"`,
      ].join('\n'),
      '_data/members.yml': `alice:\n  name: !!js/function "function () { ${write('data')} }()"\n`,
      '_layouts/post.html': `<script>${write('layout')}</script>{{ content }}`,
      '_posts/2024-01-01-yaml-tags.md': `---\ntitle: !!js/function "function () { ${write('yaml')} }()"\nlayout: post\nauthor: alice\ntoString: !<tag:yaml.org,2002:js/function> "function () { ${write('tostring')} }"\nobj: !ruby/hash:ActionController::Routing::RouteSet::NamedRouteCollection {x: 1}\n---\nBody\n`,
      '_posts/2024-01-02-js-front-matter.md': `---js\n{ title: (${write('js')}, 'x') }\n---\nBody\n`,
      '_posts/2024-01-03-coffee.md': `---coffee\ntitle: do -> ${write('coffee')}\n---\nBody\n`,
      '_posts/2024-01-04-liquid.md': [
        '---',
        'title: Liquid',
        'layout: ../../../outside/secret',
        'author: alice',
        `image: ../../outside/secret.png`,
        '---',
        '{% include ../../outside/secret.md %}',
        '{% include_relative ../../outside/secret.md %}',
        '{% include evil.html %}',
        `{{ "x" | system: "touch ${marker('liquid')}" }}`,
        `{% render "../../outside/secret.md" %}`,
        `<%= File.write(${JSON.stringify(marker('erb'))}, "ran") %>`,
        '{% post_url ../../outside/secret %}',
        '{% link ../outside/secret.md %}',
        '',
      ].join('\n'),
      '_posts/2024-01-05-html.md': [
        '---',
        'title: HTML',
        'layout: post',
        'author: alice',
        '---',
        `<script>${write('script')}</script>`,
        `<img src="x" onerror="${write('onerror').replace(/"/g, '&quot;')}">`,
        `<a href="javascript:${write('href')}">click</a>`,
        `<iframe src="file://${path.join(outside, 'secret.md')}"></iframe>`,
        `<img src="${base}/pixel.png">`,
        '',
      ].join('\n'),
      '_posts/2024-01-06-links.md': [
        '---',
        'title: Links',
        'layout: post',
        'author: alice',
        '---',
        '[up and out](../../../../../../../../etc/passwd)',
        '[sibling](../../outside/secret.md)',
        '[root-relative out](/../outside/secret.md)',
        `[absolute](${path.join(outside, 'secret.md')})`,
        `[file url](file://${path.join(outside, 'secret.md')})`,
        `![image out](../../outside/secret.png)`,
        `[tracker](${base}/link) and <${base}/autolink> and ${base}/linkified`,
        `![remote image](${base}/image.png)`,
        `[ref]: ${base}/reference`,
        '',
      ].join('\n'),
    };
    writeBlog(files, root);
    // Links that lead out: a post, a data folder, an includes folder and an assets folder.
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, '_posts/2024-01-07-symlink.md'));
    symlinkSync(path.join(outside, '_data'), path.join(root, '_data/linked'));
    symlinkSync(path.join(outside, '_includes'), path.join(root, '_includes'));
    symlinkSync(outside, path.join(root, 'assets'));
    posts.push(...readdirSync(path.join(root, '_posts')).map((name) => `_posts/${name}`));

    // External link checks switched on by the user, but the workspace is not trusted: still nothing may leave.
    client = await LspTestClient.start(root, { links: { external: { enabled: true } } }, [], {
      env: { NODE_OPTIONS: `--require ${GUARD_MODULE}`, ...guardEnvironment(guardFile, outside) },
      initializationOptions: { workspaceTrusted: false },
    });
    await client.indexed();
  });

  suiteTeardown(async () => {
    await client?.stop();
    web?.close();
  });

  test('the guard itself sees network access and reads outside (so its silence below means something)', () => {
    const log = path.join(parent, 'self-check.log');
    const script = `require('fs').readFileSync(${JSON.stringify(path.join(outside, 'secret.md'))}); try { require('http').get(${JSON.stringify(base)}) } catch {}`;
    spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: `--require ${GUARD_MODULE}`, ...guardEnvironment(log, outside) } });
    assert.deepStrictEqual([...new Set(guardLog(log).map((e) => e.kind))].sort(), ['network', 'read-outside']);
  });

  test('every post is checked and answered: diagnostics, completion, hover, definition, links, preview', async () => {
    for (const post of posts.filter((p) => !p.includes('symlink'))) {
      await client.open(post, readFileSync(path.join(root, post), 'utf8'));
      for (let line = 0; line < 16; line++) {
        for (const character of [0, 3, 8, 20]) {
          const answers = await Promise.all([client.complete(post, line, character), client.hover(post, line, character), client.definition(post, line, character)]);
          assert.ok(!JSON.stringify(answers).includes('CANARY'), `${post}:${line}:${character} shows the secret`);
        }
      }
      const links = await client.documentLinks(post);
      assert.ok(!JSON.stringify(links).includes(outside), `${post} links outside the blog: ${JSON.stringify(links)}`);
      const preview = await client.connection.sendRequest('blogwright/renderPreview', { uri: client.uri(post) });
      assert.ok(!JSON.stringify(preview).includes('CANARY'), `${post}'s preview shows the secret`);
    }
    const diagnostics = [...client.diagnostics.values()].flat();
    assert.ok(diagnostics.length > 0, 'the hostile posts get diagnostics');
    assert.ok(!JSON.stringify(diagnostics).includes('CANARY'));
    assert.deepStrictEqual(client.logs.filter((l) => /failed on/.test(l)), [], 'no feature threw');
  });

  test('a post that is a symbolic link to a file outside is not read', () => {
    assert.ok(!JSON.stringify([...client.diagnostics.entries()]).includes('2024-01-07-symlink'));
  });

  test('a `_config.yml` full of payloads is data: still reported, not run', () => {
    assert.ok(client.diagnostics.has(client.uri('_config.yml')));
  });

  test('the CLI over the same blog: same guard, nothing recorded', async () => {
    const run = await runCli(['check', root, '--format', 'json'], { env: { NODE_OPTIONS: `--require ${GUARD_MODULE}`, ...guardEnvironment(guardFile, outside) } });
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.ok(report.diagnostics.length > 0);
    assert.ok(!run.stdout.includes('CANARY'));
  });

  test('nothing ran: no marker file was written', () => {
    assert.deepStrictEqual(readdirSync(outside).filter((f) => f.startsWith('MARKER')), []);
    assert.ok(!existsSync(marker('yaml')));
  });

  test('nothing was read outside and no request left: the guard recorded nothing, the web server saw nothing', () => {
    assert.deepStrictEqual(guardLog(guardFile), []);
    assert.strictEqual(requests, 0);
  });
});
