// A refused form comes back with its error summary: focus moves there, as on GOV.UK, so that a screen
// reader reads it first, unless the page gives the focus to a field itself, as the check-in desk does
// for its scanner; that field's text is selected, so the next scan replaces a refused code. A link in
// the summary focuses the field it names, or the first choice of a group, rather than only scrolling.
const summary = document.querySelector('[data-error-summary]');
if (summary) {
  const own = document.querySelector('input[autofocus]');
  if (own) {
    own.focus();
    own.select();
  } else {
    summary.focus();
  }
  summary.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    const field = target && (target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea'));
    if (field) {
      event.preventDefault();
      field.focus();
    }
  });
}
