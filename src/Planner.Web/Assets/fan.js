// The fan chart's hover: the month under the pointer (or the arrow keys) shows its P10, P50 and P90.
// The figures come from the chart's data-* attributes, written by the server beside the image.
(function () {
  "use strict";
  function setup(chart) {
    var img = chart.querySelector("img");
    var tip = chart.querySelector(".tip");
    var cursor = chart.querySelector(".cursor");
    var months = JSON.parse(chart.getAttribute("data-months"));
    var left = +chart.getAttribute("data-left"), right = +chart.getAttribute("data-right");
    var width = +chart.getAttribute("data-width"), xmin = +chart.getAttribute("data-xmin"), xmax = +chart.getAttribute("data-xmax");
    var current = -1;
    function x(month) { return left + (month - xmin) / (xmax - xmin) * (right - left); }
    function show(i) {
      if (i < 0 || i >= months.length) { tip.classList.remove("on"); cursor.classList.remove("on"); current = -1; return; }
      current = i;
      var m = months[i], scale = img.clientWidth / width, px = x(m.month) * scale;
      tip.textContent = "";
      var head = document.createElement("div"); head.textContent = "Month " + m.month; head.className = "tip-head";
      tip.appendChild(head);
      m.series.forEach(function (s) {
        var line = document.createElement("div");
        if (m.series.length > 1) line.appendChild(document.createTextNode(s.name + ": "));
        [["P10", s.p10], ["P50", s.p50], ["P90", s.p90]].forEach(function (p, k) {
          line.appendChild(document.createTextNode((k ? " · " : "") + p[0] + " "));
          var b = document.createElement("b"); b.textContent = p[1]; line.appendChild(b);
        });
        tip.appendChild(line);
      });
      tip.classList.add("on"); cursor.classList.add("on");
      cursor.style.left = px + "px";
      var tw = tip.offsetWidth, cw = chart.clientWidth;
      tip.style.left = Math.max(0, Math.min(cw - tw, px + 12 > cw - tw ? px - tw - 12 : px + 12)) + "px";
      tip.style.top = "12px";
      chart.setAttribute("aria-label", head.textContent + ": " + tip.textContent.replace(head.textContent, ""));
    }
    function nearest(clientX) {
      var rect = img.getBoundingClientRect(), scale = img.clientWidth / width, best = -1, dist = Infinity;
      months.forEach(function (m, i) { var d = Math.abs(x(m.month) * scale - (clientX - rect.left)); if (d < dist) { dist = d; best = i; } });
      return best;
    }
    chart.addEventListener("mousemove", function (e) { show(nearest(e.clientX)); });
    chart.addEventListener("mouseleave", function () { show(-1); });
    chart.addEventListener("keydown", function (e) {
      if (e.key === "ArrowRight") { show(Math.min(months.length - 1, current + 1)); e.preventDefault(); }
      else if (e.key === "ArrowLeft") { show(Math.max(0, current < 0 ? 0 : current - 1)); e.preventDefault(); }
      else if (e.key === "Escape") { show(-1); }
    });
    chart.addEventListener("focus", function () { if (current < 0) show(0); });
    chart.addEventListener("blur", function () { show(-1); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-months]"), setup);
  });
})();
