// Below 576 px every table with a header row shows each row as a card (civicdesk.css, .table-stack);
// here each cell gets its column's header text as its label. Tables that are grids rather than lists
// (a month calendar, a printed sheet) opt out with data-no-stack. Rows that htmx swaps in are labelled
// as they arrive.
function labelTables(root) {
  root.querySelectorAll('table').forEach((table) => {
    const headerRow = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!headerRow || table.hasAttribute('data-no-stack')) {
      return;
    }
    const labels = [];
    Array.from(headerRow.cells).forEach((th) => {
      for (let i = 0; i < th.colSpan; i++) {
        labels.push(th.textContent.trim());
      }
    });
    table.classList.add('table-stack');
    Array.from(table.tBodies).forEach((body) => Array.from(body.rows).forEach((row) => {
      let column = 0;
      Array.from(row.cells).forEach((cell) => {
        const label = labels[column];
        // A cell across the whole row ("none yet") needs no label.
        if (label && cell.colSpan < labels.length && !cell.hasAttribute('data-label')) {
          cell.setAttribute('data-label', label);
        }
        column += cell.colSpan;
      });
    }));
  });
}
labelTables(document);
document.addEventListener('htmx:afterSettle', (event) => labelTables(event.target));
