// @ts-check
// The preview webview: swaps in new renders and tells the extension what it shows.
(function () {
  const vscode = acquireVsCodeApi();
  const content = /** @type {HTMLElement} */ (document.getElementById('blogwright-content'));
  const stateElement = /** @type {HTMLElement} */ (document.getElementById('blogwright-state'));
  /** @type {{ source: string, version: number }} */
  const initial = JSON.parse(stateElement.dataset['state'] ?? '{}');
  let source = initial.source;

  /** @param {number} version */
  function rendered(version) {
    vscode.setState({ resource: source });
    vscode.postMessage({ type: 'rendered', source, version });
  }

  window.addEventListener('message', (event) => {
    /** @type {{ type: string, source: string, version: number, html: string }} */
    const message = event.data;
    if (message.type !== 'update' || typeof message.html !== 'string') {
      return;
    }
    source = message.source;
    // Same document: keep the scroll position across the swap.
    const scrollY = window.scrollY;
    content.innerHTML = message.html;
    window.scrollTo(0, scrollY);
    rendered(message.version);
  });

  rendered(initial.version);
})();
