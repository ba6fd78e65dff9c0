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
      ? searchDialog.dataset[`result${plural.select(count) === "one" ? "One" : "Other"}`]
          .replace("{count}", count)
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

/* Wide tables scroll sideways inside Material's wrapper, which it adds after the page loads:
   make each wrapper reachable by keyboard, named after the heading above it, so a keyboard
   reader can scroll it too (axe: scrollable-region-focusable). */
const labelScrollingTables = () => {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
    let heading = wrap.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", (heading || document.querySelector("h1") || document).textContent.trim());
  }
};
labelScrollingTables();
new MutationObserver(labelScrollingTables).observe(document.body, { childList: true, subtree: true });
