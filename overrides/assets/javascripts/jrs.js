/* Search: Pagefind, loaded the first time a reader opens the dialog. Pagefind picks the index
   of the page's <html lang>, so a French page searches French pages only. */
const siteRoot = new URL("../../", document.currentScript.src);
const searchDialog = document.getElementById("jrs-search");
if (searchDialog) {
  const opener = document.querySelector(".jrs-search-open");
  const input = searchDialog.querySelector(".jrs-search__input");
  const status = searchDialog.querySelector(".jrs-search__status");
  const list = searchDialog.querySelector(".jrs-search__results");
  const plural = new Intl.PluralRules(document.documentElement.lang);
  // The catalogue's form for a CLDR category (data-result-few...), or its `other`.
  const resultText = (form) =>
    searchDialog.dataset[`result${form[0].toUpperCase()}${form.slice(1)}`] ??
    searchDialog.dataset.resultOther;
  let pagefind = null;
  let latest = "";

  const load = async () => {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
      await pagefind.options({ baseUrl: siteRoot.pathname });
    }
    return pagefind;
  };

  const item = (result) => {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title;
    const excerpt = document.createElement("p");
    excerpt.innerHTML = result.excerpt; // Pagefind escapes the text and adds only <mark>
    li.append(link, excerpt);
    return li;
  };

  const search = async () => {
    const query = input.value.trim();
    latest = query;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const found = await (await load()).search(query);
    const results = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    if (query !== latest) return; // a newer query is on its way
    list.replaceChildren(...results.map(item));
    const count = found.results.length;
    status.textContent = count
      ? resultText(plural.select(count)).replace("{count}", count)
      : searchDialog.dataset.resultNone;
  };

  opener.hidden = false;
  opener.addEventListener("click", () => {
    searchDialog.showModal();
    input.focus();
    load();
  });
  searchDialog.querySelector(".jrs-search__close").addEventListener("click", () => searchDialog.close());
  searchDialog.addEventListener("keydown", (event) => {
    // One Escape closes, even in the search field (where it would first clear the text).
    if (event.key === "Escape") {
      event.preventDefault();
      searchDialog.close();
    }
  });
  searchDialog.addEventListener("click", (event) => {
    if (event.target === searchDialog) searchDialog.close(); // a click on the backdrop
  });
  searchDialog.querySelector("form").addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("input", search);
}

/* Wide tables scroll sideways in Material's wrapper (its stylesheet's; Material's script, which
   added it, is not loaded): each wrapper is reachable by keyboard, named after the heading
   above it, so a keyboard reader can scroll it too (axe: scrollable-region-focusable). */
for (const table of document.querySelectorAll(".md-typeset table:not([class])")) {
  const wrap = document.createElement("div");
  const inner = document.createElement("div");
  wrap.className = "md-typeset__scrollwrap";
  inner.className = "md-typeset__table";
  let heading = table.previousElementSibling;
  while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", (heading || document.querySelector("h1") || document).textContent.trim());
  table.replaceWith(wrap);
  inner.append(table);
  wrap.append(inner);
}

/* A code block wider than the page scrolls sideways: it is reachable by keyboard too (axe:
   scrollable-region-focusable), as Material's script made it. An observer reads the sizes
   after each layout; none is forced before the first paint. */
const scrolling = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    if (target.scrollWidth > target.clientWidth) target.tabIndex = 0;
    else target.removeAttribute("tabindex");
  }
});
for (const code of document.querySelectorAll(".md-typeset pre > code")) scrolling.observe(code);

/* Material's back-to-top button (navigation.top): shown while the reader scrolls back up,
   once a screen down the page; it leads to the top. Nothing here reads the layout before the
   first scroll: a read (scrollY, a size) would force the page's first layout inside this
   script, before the first paint (Lighthouse: a long task of 100 ms on its phone CPU). */
const toTop = document.querySelector(".md-top");
if (toTop) {
  let lastY = 0;
  addEventListener(
    "scroll",
    () => {
      toTop.hidden = !(scrollY < lastY && scrollY > innerHeight);
      lastY = scrollY;
    },
    { passive: true },
  );
  toTop.addEventListener("click", () => scrollTo({ top: 0 }));
}

/* Material's header shows the page's title in place of the site's once the page's own heading
   has scrolled under the header (2.4rem, 48 px on phones; an observer, no work on scroll). On
   the root 404 page, the heading is that of the language shown. */
const headerTitle = document.querySelector(".md-header__title");
const heading = [...document.querySelectorAll(".md-content h1")].find((h) => !h.closest("[hidden]"));
if (headerTitle && heading) {
  new IntersectionObserver(
    ([entry]) => {
      const above = entry.boundingClientRect.bottom <= entry.rootBounds.top;
      headerTitle.classList.toggle("md-header__title--active", !entry.isIntersecting && above);
    },
    { rootMargin: "-48px 0px 0px" },
  ).observe(heading);
}

/* Material's drawer and search are checkboxes. A page shown again (back, forward, reload)
   opens with them closed, whatever the browser restored: what Material's autocomplete="off"
   on them did (invalid HTML there: the plugin removes it). */
addEventListener("pageshow", () => {
  for (const toggle of document.querySelectorAll("#__drawer, #__search")) toggle.checked = false;
});
