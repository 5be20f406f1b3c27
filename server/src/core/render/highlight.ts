import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import gradle from 'highlight.js/lib/languages/gradle';
import graphql from 'highlight.js/lib/languages/graphql';
import groovy from 'highlight.js/lib/languages/groovy';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import properties from 'highlight.js/lib/languages/properties';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import scala from 'highlight.js/lib/languages/scala';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

// The languages tech blogs use most; the rest show as plain code. Each grammar costs bundle size, and
// highlight.js's full set would add about 1 MB to the server.
const LANGUAGES = { bash, c, cpp, csharp, css, diff, dockerfile, go, gradle, graphql, groovy, http, ini, java, javascript, json, kotlin, markdown, php, properties, python, ruby, rust, scala, shell, sql, swift, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) {
  hljs.registerLanguage(name, language);
}
// Names Rouge (Jekyll's highlighter) accepts that highlight.js spells differently.
hljs.registerAliases(['sh', 'zsh', 'console', 'shell-session'], { languageName: 'bash' });
hljs.registerAliases(['html', 'svg', 'xhtml'], { languageName: 'xml' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['kt', 'kts'], { languageName: 'kotlin' });
hljs.registerAliases(['js', 'jsx', 'node'], { languageName: 'javascript' });
hljs.registerAliases(['ts', 'tsx'], { languageName: 'typescript' });
hljs.registerAliases(['text', 'plaintext', 'txt', 'none'], { languageName: 'plaintext' });
hljs.registerLanguage('plaintext', () => ({ name: 'plaintext', contains: [] }));

/**
 * Highlights `code` as `language` and returns HTML (escaped, spans with `hljs-*` classes), or undefined
 * when the language is not known: the caller then shows the code plain. Never guesses a language.
 */
export function highlightCode(code: string, language: string): string | undefined {
  const name = language.trim().toLowerCase();
  if (!name || !hljs.getLanguage(name)) {
    return undefined;
  }
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}
