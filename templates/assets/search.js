/*
 * Verbatim search: Pagefind's JavaScript API over the sharded index, drawn by this script.
 *
 * The site may be served under a path (https://example.org/archive/): every URL this script
 * asks for is under ROOT, the folder above this script's own assets/ folder.
 *
 * The shards listed in pagefind/shards.json are merged into one search (mergeIndex). The
 * query and filters live in the page URL (?q=…&speaker=…&source=…&year=…), so a search can be
 * linked to; it runs on load and on submit. Up to LIMIT results are loaded and listed newest
 * first by their `date` meta (YYYY-MM-DD), undated last, ties in Pagefind's relevance order.
 *
 * SAFETY. Every string that comes from the index (titles, URLs, dates, filter names and counts,
 * excerpts) was written by a seed, and a seed may be hostile: a source or speaker can be named
 * `<img src=x onerror=…>`. So this script never uses innerHTML, outerHTML,
 * insertAdjacentHTML or document.write. Index text is set with textContent, createElement,
 * createTextNode and `new Option(text, value)` only. Excerpts (Pagefind's escaped HTML with
 * <mark> around the matched words) are split on the mark tags, each piece is decoded in an
 * inert DOMParser document (no script runs and nothing loads there), and only its text is
 * inserted. Result links are followed only when they are site-relative paths. Keep it so.
 */
(function () {
  'use strict';

  /** How many results are loaded, sorted by date and listed. */
  var LIMIT = 100;
  var FILTERS = ['speaker', 'source', 'year'];
  var FILTER_WORDS = { speaker: 'speaker', source: 'source', year: 'year' };
  /** The site's root path, e.g. `/` or `/archive/`: this script is `<root>assets/search.js`. */
  var ROOT = document.currentScript && document.currentScript.src ? new URL('../', document.currentScript.src).pathname : '/';
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  var root = document.getElementById('search');
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!root || !form || !input || !status || !list) return;
  var selects = {};
  for (var i = 0; i < FILTERS.length; i++) selects[FILTERS[i]] = form.elements.namedItem(FILTERS[i]);

  root.hidden = false;

  /** Pagefind with every shard merged in, or null when nothing is indexed (loaded once). */
  var loading = null;
  function pagefind() {
    if (loading === null) {
      loading = (async function () {
        var response = await fetch(ROOT + 'pagefind/shards.json');
        if (!response.ok) throw new Error('shards.json: HTTP ' + response.status);
        var listed = await response.json();
        // Listed site-relative (`/pagefind/s03/`); fetched under ROOT. Result URLs get ROOT too.
        var bundles = (Array.isArray(listed) ? listed : [])
          .filter(function (b) {
            return typeof b === 'string' && /^\/pagefind\/[a-z0-9_-]+\/$/i.test(b);
          })
          .map(function (b) {
            return ROOT + b.slice(1);
          });
        if (bundles.length === 0) return null;
        var pf = await import(bundles[0] + 'pagefind.js');
        await pf.options({ baseUrl: ROOT });
        await Promise.all(
          bundles.slice(1).map(function (bundle) {
            return pf.mergeIndex(bundle, { baseUrl: ROOT });
          }),
        );
        return pf;
      })();
    }
    return loading;
  }

  /** `2024-03-05` → `5 March 2024`. */
  function formatDate(date) {
    var parts = date.split('-');
    return Number(parts[2]) + ' ' + (MONTHS[Number(parts[1]) - 1] || parts[1]) + ' ' + parts[0];
  }

  function validDate(value) {
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  }

  /** A site-relative path (`/x`, not `//host` or `/\host`), or null. */
  function safePath(url) {
    return typeof url === 'string' && /^\/(?![/\\])/.test(url) && !/[\u0000-\u001f\u007f]/.test(url) ? url : null;
  }

  /** A filter's values, e.g. `['Tom Reyes']` (Pagefind gives arrays of strings). */
  function values(filters, name) {
    var found = filters && Object.prototype.hasOwnProperty.call(filters, name) ? filters[name] : [];
    return (Array.isArray(found) ? found : [found]).filter(function (v) {
      return typeof v === 'string';
    });
  }

  /**
   * Decode the character references of escaped text (`&lt;` → `<`) in an inert DOMParser
   * document, where no script runs and nothing loads. A stray `<` is escaped first, so no
   * element is ever made even there: the result is always the text as written.
   */
  var parser = new DOMParser();
  function decode(text) {
    if (text.indexOf('&') < 0) return text;
    return parser.parseFromString('<!doctype html><body>' + text.replace(/</g, '&lt;'), 'text/html').body.textContent || '';
  }

  /** Append Pagefind's excerpt (escaped text with <mark>…</mark>) to `parent` as text and <mark> elements. */
  function appendExcerpt(parent, excerpt) {
    var pieces = String(excerpt).split(/(<\/?mark>)/);
    var marked = false;
    for (var i = 0; i < pieces.length; i++) {
      var piece = pieces[i];
      if (piece === '<mark>') marked = true;
      else if (piece === '</mark>') marked = false;
      else if (piece !== '') {
        var text = document.createTextNode(decode(piece));
        if (marked) {
          var mark = document.createElement('mark');
          mark.appendChild(text);
          parent.appendChild(mark);
        } else parent.appendChild(text);
      }
    }
  }

  function option(text, value) {
    return new Option(text, value);
  }

  /** Fill the filter menus from the index; keeps (or adds) the chosen values. */
  async function fillFilters(pf, chosen) {
    var all = await pf.filters();
    for (var i = 0; i < FILTERS.length; i++) {
      var name = FILTERS[i];
      var select = selects[name];
      var counts = all && Object.prototype.hasOwnProperty.call(all, name) ? all[name] : {};
      var names = Object.keys(counts);
      if (name === 'year') {
        names.sort(function (a, b) {
          return a === 'undated' ? 1 : b === 'undated' ? -1 : a < b ? 1 : a > b ? -1 : 0;
        });
      } else {
        names.sort(function (a, b) {
          return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
        });
      }
      while (select.options.length > 1) select.remove(1);
      for (var j = 0; j < names.length; j++) {
        var label = name === 'year' && names[j] === 'undated' ? 'Undated' : names[j];
        select.add(option(label + ' (' + Number(counts[names[j]]) + ')', names[j]));
      }
      var want = chosen[name];
      if (want && names.indexOf(want) < 0) select.add(option(want, want));
      select.value = want || '';
    }
  }

  /** The search in the URL: `{ q, speaker, source, year }` (missing ones are ''). */
  function fromUrl() {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get('q') || '' };
    for (var i = 0; i < FILTERS.length; i++) state[FILTERS[i]] = params.get(FILTERS[i]) || '';
    return state;
  }

  function fromForm() {
    var state = { q: input.value };
    for (var i = 0; i < FILTERS.length; i++) state[FILTERS[i]] = selects[FILTERS[i]].value;
    return state;
  }

  function toUrl(state) {
    var params = new URLSearchParams();
    if (state.q.trim() !== '') params.set('q', state.q);
    for (var i = 0; i < FILTERS.length; i++) if (state[FILTERS[i]] !== '') params.set(FILTERS[i], state[FILTERS[i]]);
    var query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
  }

  /** "3 results for “budget”, speaker Tom Reyes". */
  function describe(count, state) {
    var text = count === 0 ? 'No results' : count + (count === 1 ? ' result' : ' results');
    var parts = [];
    if (state.q.trim() !== '') parts.push('for “' + state.q.trim() + '”');
    for (var i = 0; i < FILTERS.length; i++) {
      var value = state[FILTERS[i]];
      if (value !== '') parts.push((parts.length > 0 ? FILTER_WORDS[FILTERS[i]] : 'with ' + FILTER_WORDS[FILTERS[i]]) + ' ' + (value === 'undated' ? 'undated' : value));
    }
    text += parts.length > 0 ? ' ' + parts.join(', ') : '';
    if (count > LIMIT) text += ' (the ' + LIMIT + ' most relevant are listed)';
    return text;
  }

  function resultItem(data) {
    var item = document.createElement('li');
    var heading = document.createElement('h2');
    var meta = data.meta || {};
    var title = typeof meta.title === 'string' && meta.title.trim() !== '' ? meta.title : typeof data.url === 'string' ? data.url : 'Untitled';
    var href = safePath(data.url);
    if (href !== null) {
      var link = document.createElement('a');
      link.href = href;
      link.textContent = title;
      heading.appendChild(link);
    } else heading.textContent = title;
    item.appendChild(heading);

    var line = document.createElement('p');
    line.className = 'meta';
    var date = validDate(meta.date);
    if (date !== null) {
      var time = document.createElement('time');
      time.dateTime = date;
      time.textContent = formatDate(date);
      line.appendChild(time);
    } else if (values(data.filters, 'year').indexOf('undated') >= 0) {
      line.appendChild(document.createTextNode('Undated'));
    }
    var sources = values(data.filters, 'source');
    if (sources.length > 0) line.appendChild(document.createTextNode((line.firstChild ? ' · ' : '') + sources.join(', ')));
    if (line.firstChild) item.appendChild(line);

    if (typeof data.excerpt === 'string' && data.excerpt !== '') {
      var excerpt = document.createElement('p');
      excerpt.className = 'excerpt';
      appendExcerpt(excerpt, data.excerpt);
      item.appendChild(excerpt);
    }
    return item;
  }

  function empty(state) {
    if (state.q.trim() !== '') return false;
    for (var i = 0; i < FILTERS.length; i++) if (state[FILTERS[i]] !== '') return false;
    return true;
  }

  var latest = 0;
  /** Run the search in `state` and draw it; a newer search makes an older one stop drawing. */
  async function run(state) {
    var mine = ++latest;
    list.setAttribute('aria-busy', 'true');
    try {
      if (empty(state)) {
        list.replaceChildren();
        status.textContent = '';
        return;
      }
      status.textContent = 'Searching…';
      var pf = await pagefind();
      if (mine !== latest) return;
      if (pf === null) {
        list.replaceChildren();
        status.textContent = 'Nothing has been indexed for search yet.';
        return;
      }
      var filters = {};
      for (var i = 0; i < FILTERS.length; i++) if (state[FILTERS[i]] !== '') filters[FILTERS[i]] = [state[FILTERS[i]]];
      var term = state.q.trim() === '' ? null : state.q.trim();
      var found = await pf.search(term, { filters: filters });
      if (mine !== latest) return;
      var results = found && Array.isArray(found.results) ? found.results : [];
      var loaded = await Promise.all(
        results.slice(0, LIMIT).map(function (result) {
          return result.data();
        }),
      );
      if (mine !== latest) return;
      var ordered = loaded
        .map(function (data, rank) {
          return { data: data, rank: rank, date: validDate(data && data.meta ? data.meta.date : null) };
        })
        .sort(function (a, b) {
          if (a.date !== b.date) {
            if (a.date === null) return 1;
            if (b.date === null) return -1;
            return a.date < b.date ? 1 : -1;
          }
          return a.rank - b.rank;
        });
      list.replaceChildren.apply(
        list,
        ordered.map(function (entry) {
          return resultItem(entry.data);
        }),
      );
      status.textContent = describe(results.length, state);
    } catch (error) {
      if (mine !== latest) return;
      list.replaceChildren();
      status.textContent = 'Search is unavailable right now. The indexes below list every article.';
      if (window.console) console.warn('Verbatim search:', error);
    } finally {
      if (mine === latest) list.setAttribute('aria-busy', 'false');
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var state = fromForm();
    toUrl(state);
    void run(state);
  });

  var initial = fromUrl();
  input.value = initial.q;
  for (var k = 0; k < FILTERS.length; k++) {
    var chosen = initial[FILTERS[k]];
    if (chosen) {
      selects[FILTERS[k]].add(option(chosen, chosen));
      selects[FILTERS[k]].value = chosen;
    }
  }
  void run(initial);
  pagefind()
    .then(function (pf) {
      // The menus keep what the reader chose meanwhile.
      if (pf !== null) return fillFilters(pf, fromForm());
    })
    .catch(function () {
      // run() reports that search is unavailable.
    });
})();
