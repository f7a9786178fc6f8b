// The e-edition viewer: thumbnails, the page zoomable over its IIIF tiles (OpenSeadragon), article zones, deep links,
// search (search.js over MiniSearch). Plain browser script, no build step. It reads the edition from window.NEWSPRINT_EDITION, which manifest.js sets
// (a page opened from file:// cannot fetch JSON), and loads every image by <img>, so it works from file:// too.
(() => {
  'use strict';

  const edition = window.NEWSPRINT_EDITION;
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  if (!edition || edition.version !== 1 || !Array.isArray(edition.pages) || edition.pages.length === 0) {
    const failure = $('failure');
    failure.textContent = 'This e-edition cannot be shown: its manifest (manifest.js) is missing or not one this viewer reads.';
    failure.hidden = false;
    return;
  }

  const pages = edition.pages;
  const articles = new Map(edition.articles.map((a) => [a.id, a]));
  const view = $('page-view');
  const status = $('status');
  const prev = $('prev');
  const next = $('next');
  const thumbs = $('thumbs');
  const onPage = $('on-page');
  const selected = $('selected');

  /** The shown page (index into pages) and the article picked by #article=…, if any. */
  const state = { index: -1, article: null };

  /**
   * The ids of the stories on a page: the page's list, then any story with a region on it that the list leaves out
   * (the continuation of a jumped story is not in its page's list in manifests of this version).
   */
  const storiesOn = (page) => [
    ...page.articles,
    ...edition.articles.filter((a) => !page.articles.includes(a.id) && a.regions.some((r) => r.page === page.number)).map((a) => a.id),
  ];

  /** The rendition of the wanted format, else the first there is. */
  const rendition = (list, format) => list.find((r) => r.format === format) ?? list[0];

  /** A <picture>: WebP where there is one, JPEG for the rest. */
  function picture(list, alt) {
    const jpeg = rendition(list, 'jpeg');
    const webp = list.find((r) => r.format === 'webp');
    const img = el('img', { src: jpeg.file, alt, width: jpeg.width, height: jpeg.height });
    const pic = el('picture');
    if (webp && webp !== jpeg) pic.append(el('source', { type: 'image/webp', srcset: webp.file }));
    pic.append(img);
    return pic;
  }

  // ---- Thumbnail strip: a button a page, named by the page's label (the image's alt text).
  const thumbButtons = pages.map((page, i) => {
    const img = picture(page.renditions.thumbnail, page.label);
    img.querySelector('img').loading = 'lazy';
    const number = el('span', { className: 'thumb-number' }, String(page.number));
    number.setAttribute('aria-hidden', 'true');
    const button = el('button', { type: 'button', className: 'thumb' }, img, number);
    button.addEventListener('click', () => show(i));
    thumbs.append(el('li', {}, button));
    return button;
  });

  // ---- The page view: OpenSeadragon over the tiles, or the page image when it cannot start.
  let viewer = null;
  /** A story to zoom to and focus once its page's zones are in place (a search hit): { article, page }. */
  let pending = null;

  /** The page's IIIF 3 level-0 image info, made here: its id is the tiles' relative folder, so tiles load by <img>. */
  function tileSource(page) {
    const t = page.tiles;
    return {
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: t.dir,
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level0',
      width: t.width,
      height: t.height,
      tiles: [{ width: t.tileSize, scaleFactors: t.scaleFactors }],
    };
  }

  function startOpenSeadragon() {
    if (typeof window.OpenSeadragon !== 'function') return null;
    try {
      const v = window.OpenSeadragon({
        element: view,
        // Our own buttons, so no control images to ship.
        showNavigationControl: false,
        // Tiles from file:// taint a canvas, which WebGL refuses; the 2D canvas draws them.
        drawer: ['canvas', 'html'],
        // The whole page stays in view when zoomed out, so a swipe at that zoom turns the page instead of panning.
        visibilityRatio: 1,
        constrainDuringPan: true,
        // Up to twice the zoom rendition's pixels: beyond that the print is only blurred.
        maxZoomPixelRatio: 2,
        // A little desk round the whole page, so that its edges show.
        viewportMargins: { top: 12, right: 12, bottom: 12, left: 12 },
        animationTime: 0.4,
        // A click opens an article zone; zoom is by double click, pinch, wheel and the buttons.
        gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
        gestureSettingsTouch: { clickToZoom: false, dblClickToZoom: true, flickEnabled: false },
        gestureSettingsPen: { clickToZoom: false, dblClickToZoom: true },
      });
      // A page shown whole stays whole when the window changes size (a phone turned on its side); a zoomed one
      // keeps what it shows.
      let whole = true;
      v.addHandler('open', () => {
        whole = true;
        placeZones();
      });
      v.addHandler('animation-finish', () => {
        whole = v.viewport.getZoom() <= v.viewport.getHomeZoom() * 1.02;
      });
      // OpenSeadragon sets its own zoom right after this event, within the same frame: fit the page after it.
      v.addHandler('after-resize', () => {
        if (whole) queueMicrotask(() => v.viewport.goHome(true));
      });
      // OpenSeadragon holds the pointer while it is down, so a click on a zone arrives here, not at the link: a
      // click (not a drag) on a zone follows it.
      v.addHandler('canvas-click', (event) => {
        const zone = event.quick && event.originalTarget instanceof Element ? event.originalTarget.closest('.zone') : null;
        if (!zone) return;
        event.preventDefaultAction = true;
        followZone(zone);
      });
      v.addHandler('open-failed', () => fallBack());
      return v;
    } catch (error) {
      console.error('OpenSeadragon did not start; showing the page image instead.', error);
      return null;
    }
  }

  /** Turns to the page image with its zones (no zoom): OpenSeadragon is missing or could not open the tiles. */
  function fallBack() {
    if (viewer) {
      viewer.destroy();
      viewer = null;
    }
    view.classList.add('fallback');
    $('zoom').hidden = true;
    openPage(pages[state.index]);
    markSelected();
    if (pending) goToPending();
  }

  /** Shows a page in the page view: its tiles (zones follow once they open) or its image with the zones on it. */
  function openPage(page) {
    if (viewer) {
      viewer.clearOverlays();
      viewer.open(tileSource(page));
      return;
    }
    const frame = el('div', { className: 'page-image' }, picture(page.renditions.page, page.label));
    for (const zone of zonesOf(page)) {
      const r = zone.region;
      Object.assign(zone.element.style, {
        left: `${(r.x / page.width) * 100}%`,
        top: `${(r.y / page.height) * 100}%`,
        width: `${(r.w / page.width) * 100}%`,
        height: `${(r.h / page.height) * 100}%`,
      });
      frame.append(zone.element);
    }
    view.replaceChildren(frame);
  }

  /** A rectangle of the page in page points as OpenSeadragon's viewport sees it: points → image pixels (× tiles.width / page.width). */
  function viewportRect(r, page) {
    const scale = page.tiles.width / page.width;
    return viewer.viewport.imageToViewportRectangle(r.x * scale, r.y * scale, r.w * scale, r.h * scale);
  }

  /** Places the shown page's article zones over the tiles. */
  function placeZones() {
    const page = pages[state.index];
    viewer.clearOverlays();
    for (const zone of zonesOf(page)) viewer.addOverlay({ element: zone.element, location: viewportRect(zone.region, page) });
    markSelected();
    if (pending) goToPending();
  }

  /**
   * A link a region of every article on the page. The article's first region on the page is its zone in the tab
   * order, named by the headline; its other regions are the same link for the pointer only, so a reader tabbing
   * through meets each story once.
   */
  function zonesOf(page) {
    const zones = [];
    for (const id of storiesOn(page)) {
      const article = articles.get(id);
      if (!article) continue;
      const regions = article.regions.filter((r) => r.page === page.number);
      regions.forEach((region, i) => {
        const link = el('a', { className: 'zone', href: article.view, title: article.headline });
        link.dataset.article = id;
        if (i === 0) link.append(el('span', { className: 'visually-hidden' }, article.headline));
        else {
          link.tabIndex = -1;
          link.setAttribute('aria-hidden', 'true');
        }
        // A click that reaches the link itself (Enter, or the page image without OpenSeadragon) follows it;
        // OpenSeadragon would cancel any click that reaches its canvas.
        link.addEventListener('click', (event) => {
          event.stopPropagation();
          rememberArticle(id, page.number);
        });
        // Tabbing to a zone of a zoomed-in page brings it into view.
        link.addEventListener('focus', () => revealZone(region, page));
        zones.push({ element: link, region });
      });
    }
    return zones;
  }

  /** The address of a story picked out on a page: `#article=<id>`, with `&page=N` when N is not its first page. */
  function articleHash(id, number) {
    const first = articles.get(id)?.pages[0];
    return `#article=${encodeURIComponent(id)}${number !== first ? `&page=${number}` : ''}`;
  }

  /** Back from the article view returns to this page with the story picked out. */
  function rememberArticle(id, number) {
    history.replaceState(null, '', articleHash(id, number));
  }

  /** Opens the article view of a zone. */
  function followZone(zone) {
    rememberArticle(zone.dataset.article, pages[state.index].number);
    location.assign(zone.href);
  }

  /** Pans the zoomed page so that a focused zone is in view (the page view's box never scrolls itself). */
  function revealZone(region, page) {
    view.scrollTop = 0;
    view.scrollLeft = 0;
    if (!viewer) return;
    const canvas = viewer.canvas;
    canvas.scrollTop = 0;
    canvas.scrollLeft = 0;
    const rect = viewportRect(region, page);
    const bounds = viewer.viewport.getBounds();
    const inside = rect.x >= bounds.x && rect.y >= bounds.y && rect.x + rect.width <= bounds.x + bounds.width && rect.y + rect.height <= bounds.y + bounds.height;
    if (!inside) viewer.viewport.panTo(rect.getCenter());
  }

  /** Picks out the zones of the article named by #article=…, and says which it is, with a link to read it. */
  function markSelected() {
    for (const zone of view.querySelectorAll('.zone')) zone.classList.toggle('zone-selected', zone.dataset.article === state.article);
    const article = state.article ? articles.get(state.article) : null;
    if (!article) {
      selected.hidden = true;
      selected.replaceChildren();
      return;
    }
    selected.replaceChildren(
      el('p', { className: 'selected-label' }, 'Picked out on the page'),
      el('p', { className: 'selected-headline' }, el('a', { href: article.view }, `Read “${article.headline}”`)),
    );
    selected.hidden = false;
  }

  // ---- Moving between pages.

  /** The index of the page with this number, or -1. */
  const indexOfPage = (number) => pages.findIndex((p) => p.number === number);

  /** Shows page i (clamped), with an article picked out or none, and brings everything in step with it. */
  function show(i, article = null) {
    const index = Math.max(0, Math.min(pages.length - 1, i));
    const turned = index !== state.index;
    const hadFocusInPage = view.contains(document.activeElement);
    state.index = index;
    state.article = article;
    const page = pages[index];

    thumbButtons.forEach((button, j) => {
      if (j === index) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    });
    if (turned) scrollStripTo(thumbButtons[index]);
    status.textContent = `Page ${page.number} of ${pages.length}`;
    prev.setAttribute('aria-disabled', String(index === 0));
    next.setAttribute('aria-disabled', String(index === pages.length - 1));
    view.setAttribute('aria-label', `${page.label}${viewer ? ', zoomable' : ''}`);
    listArticles(page);
    const hash = article ? articleHash(article, page.number) : `#page=${page.number}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);

    if (turned) openPage(page);
    markSelected();
    // A zone that had the focus is gone with its page: keep the focus in the page view.
    if (turned && hadFocusInPage) (viewer ? viewer.canvas : view).focus();
  }

  /**
   * Scrolls the strip of pages, and only it, to show a thumbnail: the list scrolls sideways on phones, its
   * navigation box up and down on wide screens (scrollIntoView would also scroll the whole document on a phone).
   */
  function scrollStripTo(button) {
    for (const box of [thumbs, thumbs.parentElement]) {
      const b = button.getBoundingClientRect();
      const c = box.getBoundingClientRect();
      if (b.left < c.left) box.scrollLeft -= c.left - b.left;
      else if (b.right > c.right) box.scrollLeft += b.right - c.right;
      if (b.top < c.top) box.scrollTop -= c.top - b.top;
      else if (b.bottom > c.bottom) box.scrollTop += b.bottom - c.bottom;
    }
  }

  /** The stories on the page, as links to their article views. */
  function listArticles(page) {
    const items = storiesOn(page)
      .map((id) => articles.get(id))
      .filter(Boolean)
      .map((a) => el('li', {}, el('a', { href: a.view }, a.headline)));
    if (items.length === 0) items.push(el('li', { className: 'none' }, 'No stories on this page.'));
    onPage.replaceChildren(...items);
  }

  /**
   * Where the address's #page=N, #article=<id> or #article=<id>&page=N (a story on a page other than its first)
   * points; page 1 when it names nothing there is.
   */
  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const article = articles.get(params.get('article') ?? '');
    if (article) {
      const wanted = Number(params.get('page'));
      const i = indexOfPage(article.pages.includes(wanted) ? wanted : article.pages[0]);
      if (i >= 0) return { index: i, article: article.id };
    }
    const i = indexOfPage(Number(params.get('page')));
    return { index: Math.max(0, i), article: null };
  }

  prev.addEventListener('click', () => show(state.index - 1));
  next.addEventListener('click', () => show(state.index + 1));
  $('zoom-in').addEventListener('click', () => viewer?.viewport.zoomBy(1.5).applyConstraints());
  $('zoom-out').addEventListener('click', () => viewer?.viewport.zoomBy(1 / 1.5).applyConstraints());
  $('zoom-home').addEventListener('click', () => viewer?.viewport.goHome());
  window.addEventListener('hashchange', () => {
    const to = fromHash();
    show(to.index, to.article);
  });

  // Keyboard: ← → PageUp PageDown Home End turn pages, except that inside the zoomable page the arrows pan it
  // (OpenSeadragon's own keys), and never while typing or with a modifier held.
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input, textarea, select, [contenteditable]')) return;
    const inZoom = viewer !== null && target !== null && viewer.canvas.contains(target);
    const moves = {
      ArrowLeft: inZoom ? null : state.index - 1,
      ArrowRight: inZoom ? null : state.index + 1,
      PageUp: state.index - 1,
      PageDown: state.index + 1,
      Home: 0,
      End: pages.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined || to === null) return;
    event.preventDefault();
    show(to);
  });

  // Swipe on touch screens: a quick, mostly horizontal stroke across the page, when it is not zoomed in (a zoomed
  // page pans under the finger instead).
  const SWIPE_MIN = 50; // CSS pixels: well beyond a tap's jitter
  const SWIPE_TIME = 800; // ms: a swipe, not a slow drag
  let swipe = null;
  const zoomedOut = () => !viewer || viewer.viewport.getZoom() <= viewer.viewport.getHomeZoom() * 1.05;
  view.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'touch') return;
    swipe = event.isPrimary && zoomedOut() ? { x: event.clientX, y: event.clientY, t: event.timeStamp } : null;
  }, true);
  view.addEventListener('pointercancel', () => { swipe = null; }, true);
  view.addEventListener('pointerup', (event) => {
    if (!swipe || event.pointerType !== 'touch' || !event.isPrimary) return;
    const dx = event.clientX - swipe.x;
    const dy = event.clientY - swipe.y;
    const quick = event.timeStamp - swipe.t < SWIPE_TIME;
    swipe = null;
    if (quick && Math.abs(dx) >= SWIPE_MIN && Math.abs(dx) > 2 * Math.abs(dy)) show(state.index + (dx < 0 ? 1 : -1));
  }, true);

  // ---- Search: a form over the stories' text (search.js), hits as links that open the page zoomed to the story.
  const searchArea = $('search');
  const searchForm = $('search-form');
  const searchInput = $('search-input');
  const searchStatus = $('search-status');
  const results = $('search-results');
  /** How long typing pauses before the results follow it, ms: a search a word, not one a keystroke. */
  const TYPING_PAUSE = 250;
  /** Padding round a story zoomed to, points: about a column gutter, so its rules and neighbours' edges show. */
  const FIT_PADDING = 12;
  let search = null;
  let typing = 0;
  let shownQuery = null;

  /** The search, made at the first search (the index takes a few milliseconds an edition's page: see docs/e-edition.md). */
  function searchIndex() {
    if (!search) {
      const words = document.getElementById('page-words');
      search = window.NewsprintSearch.create(edition, words ? JSON.parse(words.textContent) : {});
    }
    return search;
  }

  /** Pieces of text, some marked, as nodes: the found words in <mark>. */
  const markedNodes = (pieces) => pieces.map((p) => (p.mark ? el('mark', {}, p.text) : document.createTextNode(p.text)));

  /** Which page a hit opens, as a reader of a paper says it: "Page 5 (continued from page 1)". */
  function pageNote(hit) {
    const others = hit.pages.filter((n) => n !== hit.page);
    if (others.length === 0) return `Page ${hit.page}`;
    const list = others.join(' and ');
    return others[0] < hit.page ? `Page ${hit.page} (continued from page ${list})` : `Page ${hit.page} (continued on page ${list})`;
  }

  /** Runs the query in the box and lists its hits (or says there are none); an empty or too short query clears them. */
  function runSearch() {
    clearTimeout(typing);
    const query = searchInput.value.trim();
    if (query === shownQuery) return;
    shownQuery = query;
    if (!window.NewsprintSearch || !window.MiniSearch) {
      searchStatus.textContent = 'Search cannot start: its script (viewer/search.js or viewer/minisearch.js) is missing.';
      return;
    }
    const index = searchIndex();
    if (!index.searchable(query)) {
      results.replaceChildren();
      results.hidden = true;
      searchStatus.textContent = query === '' ? '' : 'Type two or more letters to search.';
      return;
    }
    const hits = index.search(query);
    const items = hits.map((hit, i) => {
      const note = `snippet-${i}`;
      const link = el(
        'a',
        { className: 'hit', href: articleHash(hit.article, hit.page) },
        // Named by what it shows (the two lines are read as "Headline Page 3"), as a reader's voice control expects.
        el('span', { className: 'hit-headline' }, ...markedNodes(hit.headline)),
        el('span', { className: 'hit-page' }, pageNote(hit)),
      );
      link.dataset.article = hit.article;
      link.dataset.page = String(hit.page);
      link.setAttribute('aria-describedby', note);
      return el('li', {}, link, el('p', { className: 'hit-snippet', id: note }, ...markedNodes(hit.snippet)));
    });
    results.replaceChildren(...items);
    results.hidden = items.length === 0;
    const n = hits.length;
    searchStatus.textContent = n === 0 ? `No results for “${query}”.` : `${n} ${n === 1 ? 'story' : 'stories'} found for “${query}”.`;
  }

  /** Empties the box and the results, and leaves the focus in the box. */
  function clearSearch() {
    clearTimeout(typing);
    searchInput.value = '';
    shownQuery = '';
    results.replaceChildren();
    results.hidden = true;
    searchStatus.textContent = '';
    searchInput.focus();
  }

  /** Opens a hit: its page with the story picked out, zoomed to it, with the focus on its zone. */
  function openHit(id, number) {
    const i = indexOfPage(number);
    if (i < 0) return;
    pending = { article: id, page: number };
    const turned = i !== state.index;
    show(i, id);
    // Zones are placed when OpenSeadragon opens the page; on the same page, or on the page image, they are there now.
    if (!turned || !viewer) goToPending();
  }

  /** Zooms to the pending story's regions on the shown page (all of them, padded) and moves the focus to its zone. */
  function goToPending() {
    const want = pending;
    pending = null;
    const page = pages[state.index];
    const article = articles.get(want.article);
    if (!article || page.number !== want.page) return;
    const regions = article.regions.filter((r) => r.page === page.number);
    if (viewer && regions.length > 0) {
      const x = Math.max(0, Math.min(...regions.map((r) => r.x)) - FIT_PADDING);
      const y = Math.max(0, Math.min(...regions.map((r) => r.y)) - FIT_PADDING);
      const right = Math.min(page.width, Math.max(...regions.map((r) => r.x + r.w)) + FIT_PADDING);
      const bottom = Math.min(page.height, Math.max(...regions.map((r) => r.y + r.h)) + FIT_PADDING);
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      viewer.viewport.fitBoundsWithConstraints(viewportRect({ x, y, w: right - x, h: bottom - y }, page), still);
    }
    const zone = [...view.querySelectorAll('.zone')].find((z) => z.dataset.article === article.id && z.tabIndex >= 0);
    if (!viewer) {
      zone?.focus(); // the page image scrolls to it
      return;
    }
    // OpenSeadragon's canvas must not scroll itself to the zone (the viewport shows it); the document brings the page
    // view into sight (on a phone it is below the search).
    zone?.focus({ preventScroll: true });
    view.scrollIntoView({ block: 'nearest' });
  }

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    shownQuery = null; // Enter searches again even for the same words, so the count is read out again
    runSearch();
  });
  searchInput.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(runSearch, TYPING_PAUSE);
  });
  results.addEventListener('click', (event) => {
    const hit = event.target instanceof Element ? event.target.closest('a.hit') : null;
    if (!hit || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    openHit(hit.dataset.article, Number(hit.dataset.page));
  });
  // Keys in the search: Escape clears it; ↓ from the box goes to the first hit; ↑ ↓ Home End move between hits.
  searchArea.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const hits = [...results.querySelectorAll('a.hit')];
    const at = hits.indexOf(document.activeElement);
    let to = null;
    if (event.key === 'Escape') {
      event.preventDefault();
      clearSearch();
      return;
    }
    if (event.key === 'ArrowDown') to = event.target === searchInput ? 0 : at >= 0 ? Math.min(hits.length - 1, at + 1) : null;
    else if (event.key === 'ArrowUp' && at >= 0) to = at - 1;
    else if (event.key === 'Home' && at >= 0) to = 0;
    else if (event.key === 'End' && at >= 0) to = hits.length - 1;
    if (to === null || hits.length === 0) return;
    event.preventDefault();
    if (to < 0) searchInput.focus();
    else hits[to].focus();
  });

  // ---- Start: show the viewer, then the page the address asks for.
  $('viewer').hidden = false;
  viewer = startOpenSeadragon();
  if (!viewer) {
    view.classList.add('fallback');
    $('zoom').hidden = true;
  }
  const start = fromHash();
  show(start.index, start.article);
})();
