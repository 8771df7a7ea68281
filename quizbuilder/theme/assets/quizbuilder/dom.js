// quizbuilder DOM helpers: building elements and reading data- attributes, shared by
// every script that draws (bundled into each by quizbuilder/assets.py). Elements are
// built with createElement and addEventListener only: no HTML strings, no inline
// handlers or styles (the site's Content-Security-Policy forbids them).
((root, api) => {
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuizbuilderDom = root.QuizbuilderDom || api;
})(
  globalThis,
  (() => {
    'use strict';
    const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

    function fill(node, props, children) {
      for (const [name, value] of Object.entries(props || {})) {
        if (value == null || value === false) continue;
        if (name === 'text') node.textContent = value;
        else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value);
      }
      for (const child of children || []) {
        if (child != null && child !== false && child !== '') node.append(child);
      }
      return node;
    }

    // A new element: `text` sets its text, `on…` adds listeners, the rest are attributes;
    // children are nodes or strings, and null, false or '' are skipped.
    const element = (tag, props, children) => fill(document.createElement(tag), props, children);
    const svgElement = (tag, props, children) =>
      fill(document.createElementNS(SVG_NAMESPACE, tag), props, children);

    // The JSON in a data- attribute, or null when it is missing or not JSON.
    function readJsonAttribute(node, attribute) {
      try {
        return JSON.parse(node.getAttribute(attribute));
      } catch (error) {
        return null;
      }
    }

    const button = (text, onclick, className) =>
      element('button', { type: 'button', class: className || 'md-button', text, onclick });

    // Offers `content` as a file download, without a server.
    function download(fileName, type, content) {
      const url = URL.createObjectURL(new Blob([content], { type }));
      const link = element('a', { href: url, download: fileName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    // Runs `init` now or once the page is parsed, and after each instant navigation of
    // Material (its `document$` emits the new page); `init` enhances each element once.
    function whenReady(init) {
      if (typeof globalThis.document$?.subscribe === 'function')
        globalThis.document$.subscribe(() => init());
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => init());
      else init();
    }

    return { element, svgElement, readJsonAttribute, button, download, whenReady };
  })()
);
