/* Testimony filters: progressive enhancement; without JavaScript every card stays visible. */
document.querySelectorAll("form[data-jrs-filter]").forEach((form) => {
  const cards = Array.from(document.querySelectorAll(".jrs-card"));
  const none = form.querySelector(".jrs-filters__none");
  const apply = () => {
    const theme = form.elements.theme.value;
    const country = form.elements.country.value;
    let shown = 0;
    for (const card of cards) {
      const ok = (!theme || card.dataset.themes.split(" ").includes(theme)) &&
        (!country || card.dataset.country === country);
      card.hidden = !ok;
      if (ok) shown += 1;
    }
    none.hidden = shown > 0;
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
});
