// The print button of printable pages: a file, because the content security policy allows no inline script.
document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
