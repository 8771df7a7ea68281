// quizbuilder roles index filter: shows the roles of one sector and/or customer kind,
// and only the sector groups (and their links) that still hold a role. The roles index
// loads this script alone (with common.js and dom.js bundled in).
((window, document) => {
  'use strict';
  if (window.QuizbuilderRolesFilter) return window.QuizbuilderRolesFilter.init();
  const { format } = window.QuizbuilderCommon;
  const { whenReady } = window.QuizbuilderDom;
  const READY = 'data-qb-ready';

  function enhance(form) {
    form.setAttribute(READY, '');
    const index = form.parentNode;
    const items = index.querySelectorAll('.qb-role-list li');
    if (!items.length) return;
    const groups = index.querySelectorAll('.qb-role-group');
    const count = form.querySelector('.qb-finder-filter__count');
    const hasKind = (item, kind) =>
      (' ' + item.getAttribute('data-kinds') + ' ').includes(' ' + kind + ' ');

    function apply() {
      const sector = form.elements.sector.value;
      const kind = form.elements.kind.value;
      let shown = 0;
      for (const item of items) {
        const matches =
          (!sector || item.getAttribute('data-sector') === sector) && (!kind || hasKind(item, kind));
        item.hidden = !matches;
        if (matches) shown++;
      }
      for (const group of groups) {
        group.hidden = !group.querySelector('.qb-role-list li:not([hidden])');
        const heading = group.querySelector('h2[id]');
        const link = heading && index.querySelector(".qb-role-sectors a[href='#" + heading.id + "']");
        if (link) link.parentNode.hidden = group.hidden;
      }
      const template = form.getAttribute('data-count') || '{shown} of {total}';
      count.textContent = format(template, { shown, total: items.length });
    }
    form.addEventListener('change', apply);
    form.addEventListener('submit', (event) => event.preventDefault());
    form.hidden = false;
    apply();
  }

  const init = () =>
    document.querySelectorAll('form.qb-finder-filter:not([' + READY + '])').forEach(enhance);
  window.QuizbuilderRolesFilter = { init };
  whenReady(init);
})(window, document);
