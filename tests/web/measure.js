// Run in the page by tests/web/test_real_store.py: what is wider than the window,
// what text is clipped or squeezed to a letter per line, SVG text outside its drawing,
// how tall the page is and how many bytes it took.
() => {
  const vw = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
      ? '.' + String(el.className).trim().split(/\s+/).join('.') : '');
  const scrolls = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible') return true;
    }
    return false;
  };
  const wide = [], clipped = [], squeezed = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > vw + 1 || r.left < -1) && !scrolls(el)) wide.push(name(el) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    const s = getComputedStyle(el);
    if (s.overflowX !== 'visible' && s.overflowX !== 'auto' && s.overflowX !== 'scroll'
        && el.scrollWidth > el.clientWidth + 1) clipped.push(name(el));
    const text = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.4;
    if (text.length >= 4 && !/\s/.test(text.slice(0, 4)) && r.width < 2.2 * parseFloat(s.fontSize) && r.height > 2.5 * line)
      squeezed.push(name(el) + ' ' + text.slice(0, 20));
  }
  const svgText = [];
  for (const svg of document.querySelectorAll('svg.timeline-svg')) {
    const box = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > box.width + 0.5 || b.y + b.height > box.height + 0.5)
        svgText.push(t.textContent + ' ' + [b.x, b.y, b.width, b.height].map(Math.round).join(','));
    }
  }
  const nav = performance.getEntriesByType('navigation')[0];
  let bytes = nav ? nav.decodedBodySize : 0;
  for (const e of performance.getEntriesByType('resource')) bytes += e.decodedBodySize;
  return {wide, clipped, squeezed, svgText, bytes,
          height: document.documentElement.scrollHeight,
          scrollWidth: document.documentElement.scrollWidth, vw};
}
