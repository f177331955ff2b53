// The launcher's only script: instant search over the rendered list, and copying shortcut links.
document.addEventListener("DOMContentLoaded", () => {
  const search = document.getElementById("kcaws-search");
  const accounts = Array.from(document.querySelectorAll(".kcaws-account"));
  const noMatch = document.getElementById("kcaws-no-match");
  const copied = document.getElementById("kcaws-copied");

  if (search) {
    // Lower-cased once; each keystroke then only compares strings.
    const texts = accounts.map((li) => li.dataset.search);
    search.addEventListener("input", () => {
      const terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      accounts.forEach((li, i) => {
        const match = terms.every((t) => texts[i].includes(t));
        li.hidden = !match;
        if (match) shown++;
      });
      noMatch.hidden = shown > 0;
      const count = document.getElementById("kcaws-count");
      count.textContent = terms.length ? count.dataset.filtered.replace("{0}", shown) : count.dataset.all;
    });
  }

  document.addEventListener("click", async (event) => {
    const button = event.target.closest(".kcaws-copy-link");
    if (!button) return;
    const link = button.parentElement.querySelector(".kcaws-console").href; // absolute, resolved by the browser
    try {
      await navigator.clipboard.writeText(link);
    } catch (e) {
      window.prompt("", link); // no clipboard permission (e.g. plain http): let the user copy it
    }
    button.dataset.copied = link;
    copied.hidden = false;
    setTimeout(() => { copied.hidden = true; }, 2000);
  });
  // Credentials page: copy a block or a single value by the id its button names.
  document.addEventListener("click", async (event) => {
    const button = event.target.closest(".kcaws-copy");
    if (!button) return;
    const text = document.getElementById(button.dataset.copy).textContent;
    try {
      await navigator.clipboard.writeText(text);
      copied.hidden = false;
      setTimeout(() => { copied.hidden = true; }, 2000);
    } catch (e) {
      window.getSelection().selectAllChildren(document.getElementById(button.dataset.copy));
    }
  });
});
