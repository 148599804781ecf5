// Sort a table by a column when its heading is clicked. Optional: the page reads the same without it.
(function () {
  "use strict";
  function value(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  function compare(a, b, asc) {
    if (a === "" || b === "") return (a === "") - (b === "");  // blanks last either way
    var x = Number(a), y = Number(b), c;
    if (!isNaN(x) && !isNaN(y)) c = x - y;
    else if (!isNaN(x) || !isNaN(y)) c = isNaN(x) ? 1 : -1;
    else c = a.localeCompare(b);
    return asc ? c : -c;
  }
  function sort(table, th, i) {
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r, s) { return compare(value(r, i), value(s, i), asc); });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sort(table, th, i); });
    });
    table.setAttribute("data-sortable", "ready");
  });
})();
