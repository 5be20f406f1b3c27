// @ts-check
// The preview webview: swaps in new renders without flicker, keeps editor and preview scrolled together,
// and hands link clicks to the extension. It never evaluates anything from the post.
(function () {
  /** @typedef {import('../src/preview/messages').ToWebview} ToWebview */
  /** @typedef {import('../src/preview/messages').FromWebview} FromWebview */
  /** @typedef {import('../src/preview/messages').PreviewState} PreviewState */

  /** @type {import('vscode-webview').WebviewApi<PreviewState>} */
  const vscode = acquireVsCodeApi();
  const content = /** @type {HTMLElement} */ (document.getElementById('blogwright-content'));
  const stateElement = /** @type {HTMLElement} */ (document.getElementById('blogwright-state'));
  /** @type {PreviewState} */
  const initial = JSON.parse(stateElement.dataset['state'] ?? '{}');
  let state = initial;
  /** Where our own last scroll went: the scroll event that arrives there is not echoed back to the editor. */
  let ownScrollTarget = -1;
  /** @type {HTMLElement[]} */
  let lineElements = [];

  /** @param {FromWebview} message */
  function post(message) {
    vscode.postMessage(message);
  }

  /** @param {Partial<PreviewState>} change */
  function saveState(change) {
    state = { ...state, ...change };
    vscode.setState(state);
  }

  function indexLines() {
    lineElements = /** @type {HTMLElement[]} */ (Array.from(content.querySelectorAll('[data-line]')));
  }

  /** @param {HTMLElement} element */
  function lineOf(element) {
    return Number(element.dataset['line']);
  }

  /** @param {HTMLElement} element */
  function topOf(element) {
    return element.getBoundingClientRect().top + window.scrollY;
  }

  /**
   * The index of the last line element for which `isBefore` holds (binary search: `data-line` and the
   * elements' positions grow down the page), or -1.
   * @param {(element: HTMLElement) => boolean} isBefore
   */
  function lastBefore(isBefore) {
    let low = 0;
    let high = lineElements.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (isBefore(/** @type {HTMLElement} */ (lineElements[middle]))) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /**
   * The elements around a source line: the last one at or before it and the next one.
   * @param {number} line
   */
  function around(line) {
    const found = lastBefore((element) => lineOf(element) <= line);
    return { previous: lineElements[found], next: lineElements[found + 1] };
  }

  /** @param {number} line */
  function scrollToLine(line) {
    const { previous, next } = around(line);
    if (!previous) {
      return;
    }
    let top = topOf(previous);
    if (next && lineOf(next) > lineOf(previous)) {
      const progress = Math.min(1, (line - lineOf(previous)) / (lineOf(next) - lineOf(previous)));
      top += (topOf(next) - top) * progress;
    }
    if (Math.abs(window.scrollY - top) > 1) {
      window.scrollTo(0, Math.max(0, top));
      ownScrollTarget = window.scrollY;
    }
  }

  /** The source line at the top of the preview, interpolated between the elements around it. */
  function lineAtTop() {
    const y = window.scrollY;
    const found = lastBefore((element) => topOf(element) <= y);
    const previous = lineElements[found];
    if (!previous) {
      return 0;
    }
    const next = lineElements[found + 1];
    if (!next) {
      return lineOf(previous);
    }
    const span = topOf(next) - topOf(previous);
    const progress = span > 0 ? (y - topOf(previous)) / span : 0;
    return Math.floor(lineOf(previous) + progress * (lineOf(next) - lineOf(previous)));
  }

  /**
   * Replaces only what changed: unchanged blocks at the start and end stay in the page (their images are not
   * reloaded, nothing flickers), and only their `data-line` is refreshed. When one element changed inside an
   * element that is otherwise the same (a paragraph inside the blog's layout), the change is looked for inside it.
   * @param {string} html
   */
  function update(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    morph(content, template.content);
  }

  /** @param {Node} target @param {Node} source */
  function morph(target, source) {
    const fresh = Array.from(source.childNodes);
    const old = Array.from(target.childNodes);
    let start = 0;
    while (start < fresh.length && start < old.length && sameBlock(/** @type {Node} */ (old[start]), /** @type {Node} */ (fresh[start]))) {
      start++;
    }
    let end = 0;
    while (end < fresh.length - start && end < old.length - start && sameBlock(/** @type {Node} */ (old[old.length - 1 - end]), /** @type {Node} */ (fresh[fresh.length - 1 - end]))) {
      end++;
    }
    for (let i = 0; i < start; i++) {
      copyLines(/** @type {Node} */ (old[i]), /** @type {Node} */ (fresh[i]));
    }
    for (let i = 0; i < end; i++) {
      copyLines(/** @type {Node} */ (old[old.length - 1 - i]), /** @type {Node} */ (fresh[fresh.length - 1 - i]));
    }
    const changedOld = old.slice(start, old.length - end);
    const changedFresh = fresh.slice(start, fresh.length - end);
    const [oldOne] = changedOld;
    const [freshOne] = changedFresh;
    if (changedOld.length === 1 && changedFresh.length === 1 && oldOne instanceof Element && freshOne instanceof Element && sameShell(oldOne, freshOne)) {
      const line = freshOne.getAttribute('data-line');
      if (line !== null) {
        oldOne.setAttribute('data-line', line);
      }
      morph(oldOne, freshOne);
      return;
    }
    const anchor = old[old.length - end] ?? null;
    for (const node of changedOld) {
      node.remove();
    }
    for (const node of changedFresh) {
      target.insertBefore(node, anchor);
    }
  }

  /** The same element with the same attributes (but `data-line`), whatever its children. @param {Element} a @param {Element} b */
  function sameShell(a, b) {
    if (a.tagName !== b.tagName || a.attributes.length !== b.attributes.length) {
      return false;
    }
    return Array.from(a.attributes).every((attribute) => attribute.name === 'data-line' || b.getAttribute(attribute.name) === attribute.value);
  }

  /** Same block apart from source line numbers (an edit above shifts every line below). */
  /** @param {Node} a @param {Node} b */
  function sameBlock(a, b) {
    return withoutLines(a) === withoutLines(b);
  }

  /** @param {Node} node */
  function withoutLines(node) {
    return node instanceof Element ? node.outerHTML.replace(/ data-line="\d+"/g, '') : (node.textContent ?? '');
  }

  /** @param {Node} target @param {Node} source */
  function copyLines(target, source) {
    if (!(target instanceof Element) || !(source instanceof Element)) {
      return;
    }
    const from = [source, ...Array.from(source.querySelectorAll('[data-line]'))];
    const to = [target, ...Array.from(target.querySelectorAll('[data-line]'))];
    from.forEach((element, i) => {
      const line = element.getAttribute('data-line');
      if (line !== null) {
        to[i]?.setAttribute('data-line', line);
      }
    });
  }

  /** @param {number} version */
  function rendered(version) {
    indexLines();
    saveState({ version });
    post({ type: 'rendered', source: state.resource, version });
  }

  /** @param {MouseEvent} event */
  function onClick(event) {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) {
      return;
    }
    // Never let the webview navigate: in-page fragments scroll here, everything else goes to the extension.
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      target?.scrollIntoView();
      return;
    }
    post({ type: 'openLink', source: state.resource, href });
  }

  window.addEventListener('message', (event) => {
    /** @type {ToWebview} */
    const message = event.data;
    if (!message || message.source === undefined) {
      return;
    }
    switch (message.type) {
      case 'update':
        if (typeof message.html === 'string') {
          saveState({ resource: message.source });
          update(message.html);
          rendered(message.version);
        }
        break;
      case 'scrollToLine':
        if (message.source === state.resource) {
          saveState({ line: message.line });
          scrollToLine(message.line);
        }
        break;
      case 'clickLink':
        if (message.source === state.resource) {
          const link = Array.from(content.querySelectorAll('a[href]')).find((a) => a.getAttribute('href') === message.href);
          if (link instanceof HTMLElement) {
            link.click();
          }
        }
        break;
    }
  });

  let scrollPending = false;
  window.addEventListener('scroll', () => {
    if (ownScrollTarget >= 0 && Math.abs(window.scrollY - ownScrollTarget) < 2) {
      ownScrollTarget = -1;
      return;
    }
    ownScrollTarget = -1;
    if (scrollPending) {
      return;
    }
    scrollPending = true;
    // Once per frame: scroll events come faster than the editor can follow.
    requestAnimationFrame(() => {
      scrollPending = false;
      const line = lineAtTop();
      saveState({ line });
      post({ type: 'revealLine', source: state.resource, line });
    });
  });
  document.addEventListener('click', onClick, true);
  // Forms are disabled by the webview options too; a submit never leaves the page.
  document.addEventListener('submit', (event) => event.preventDefault(), true);

  rendered(initial.version ?? 0);
  if (initial.line) {
    scrollToLine(initial.line);
  }
})();
