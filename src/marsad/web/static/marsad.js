// Small enhancements only: every page works without this file.
// 1. Clicking an event or quote in a story's merged list flashes its panel's copy.
// 2. Facet selects submit the search form when changed.
// 3. The map pans (drag) and zooms (wheel, buttons, double click, clicking a cluster)
//    inside the page: the SVG's viewport group is transformed, circles and labels are
//    resized to keep their size on screen, and the cluster level that fits the zoom is
//    shown. Nothing is fetched.
"use strict";
document.documentElement.classList.add("js");

function mapZoom(svg) {
  var viewport = svg.querySelector(".viewport");
  if (!viewport) { return; }
  var box = svg.viewBox.baseVal;
  var layers = Array.prototype.slice.call(svg.querySelectorAll(".layer"));
  var circles = Array.prototype.slice.call(svg.querySelectorAll("circle[data-r]"));
  var labels = Array.prototype.slice.call(svg.querySelectorAll("text[data-gap]"));
  var fontSize = parseFloat(viewport.getAttribute("font-size")) || 13;
  var view = { k: 1, x: 0, y: 0 };
  var MAX = 64;
  var pending = false;

  labels.forEach(function (t) {
    var gap = parseFloat(t.getAttribute("data-gap"));
    var x = parseFloat(t.getAttribute("x"));
    // The place's centre, from where the server put the label at its first zoom.
    var first = parseFloat(t.closest(".layer").getAttribute("data-from")) || 1;
    t.dataset.cx = String(t.getAttribute("text-anchor") === "end" ? x + gap / first : x - gap / first);
  });

  function clamp() {
    view.k = Math.min(MAX, Math.max(1, view.k));
    view.x = Math.min(0, Math.max(box.width * (1 - view.k), view.x));
    view.y = Math.min(0, Math.max(box.height * (1 - view.k), view.y));
  }

  function draw() {
    pending = false;
    var k = view.k;
    viewport.setAttribute("transform", "translate(" + view.x + " " + view.y + ") scale(" + k + ")");
    viewport.setAttribute("font-size", String(fontSize / k));
    circles.forEach(function (c) { c.setAttribute("r", String(parseFloat(c.dataset.r) / k)); });
    layers.forEach(function (layer) {
      var on = k >= parseFloat(layer.dataset.from) && k < parseFloat(layer.dataset.to);
      layer.classList.toggle("off", !on);
    });
    labels.forEach(function (t) {
      var gap = parseFloat(t.dataset.gap) / k;
      var cx = parseFloat(t.dataset.cx);
      t.setAttribute("x", String(t.getAttribute("text-anchor") === "end" ? cx - gap : cx + gap));
    });
    svg.classList.toggle("zoomed", k > 1);
    svg.setAttribute("data-zoom", k.toFixed(2));
  }

  function schedule() {
    clamp();
    if (!pending) { pending = true; window.requestAnimationFrame(draw); }
  }

  // A point of the page (client coordinates) in viewBox units.
  function toBox(clientX, clientY) {
    var r = svg.getBoundingClientRect();
    var s = Math.min(r.width / box.width, r.height / box.height);
    var ox = (r.width - box.width * s) / 2, oy = (r.height - box.height * s) / 2;
    return { x: (clientX - r.left - ox) / s, y: (clientY - r.top - oy) / s };
  }

  function zoomAt(factor, px, py) {
    var k = Math.min(MAX, Math.max(1, view.k * factor));
    var f = k / view.k;
    view.x = px - (px - view.x) * f;
    view.y = py - (py - view.y) * f;
    view.k = k;
    schedule();
  }

  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var p = toBox(e.clientX, e.clientY);
    zoomAt(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
  }, { passive: false });
  svg.addEventListener("dblclick", function (e) {
    var p = toBox(e.clientX, e.clientY);
    zoomAt(2, p.x, p.y);
  });

  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    if (view.k <= 1) { return; }
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) { return; }
    var a = toBox(drag.x, drag.y), b = toBox(e.clientX, e.clientY);
    if (Math.abs(b.x - a.x) + Math.abs(b.y - a.y) > 2) { drag.moved = true; svg.classList.add("dragging"); }
    view.x = drag.vx + (b.x - a.x);
    view.y = drag.vy + (b.y - a.y);
    schedule();
  });
  function endDrag() { svg.classList.remove("dragging"); window.setTimeout(function () { drag = null; }, 0); }
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);

  // A click on a cluster zooms into it instead of leaving the page; a drag is no click.
  svg.addEventListener("click", function (e) {
    if (drag && drag.moved) { e.preventDefault(); return; }
    var cluster = e.target.closest(".cluster:not(.single)");
    if (!cluster) { return; }
    e.preventDefault();
    var c = cluster.querySelector("circle");
    var layer = cluster.closest(".layer");
    var target = parseFloat(layer.dataset.to);
    var cx = parseFloat(c.getAttribute("cx")), cy = parseFloat(c.getAttribute("cy"));
    view.k = Math.min(MAX, target);
    view.x = box.width / 2 - cx * view.k;
    view.y = box.height / 2 - cy * view.k;
    schedule();
  });

  var figure = svg.closest("figure");
  function button(name, act) {
    var b = figure && figure.querySelector(name);
    if (b) { b.addEventListener("click", act); }
  }
  button(".map-zoom-in", function () { zoomAt(2, box.width / 2, box.height / 2); });
  button(".map-zoom-out", function () { zoomAt(0.5, box.width / 2, box.height / 2); });
  button(".map-reset", function () { view = { k: 1, x: 0, y: 0 }; schedule(); });
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".facets select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll(".merged .fact").forEach(function (fact) {
    fact.addEventListener("click", function () {
      fact.classList.add("flash");
      window.setTimeout(function () { fact.classList.remove("flash"); }, 900);
    });
  });
  document.querySelectorAll(".map-svg").forEach(mapZoom);
});
