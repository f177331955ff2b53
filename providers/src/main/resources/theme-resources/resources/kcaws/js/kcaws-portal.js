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
  // Access keys inside the portal: the keys, or what went wrong in plain words with a retry and the
  // technical detail folded away, right under the role. Without JavaScript (or fetch) the form
  // still opens the keys page in a new tab.
  const keysForm = document.getElementById("kcaws-keys");
  const panel = document.getElementById("kcaws-keys-panel");
  const el = (tag, props, ...children) => {
    const e = Object.assign(document.createElement(tag), props || {});
    e.append(...children); // strings become text nodes: nothing is parsed as HTML
    return e;
  };
  const fill = (pattern, ...values) => pattern.replace(/\{(\d)\}/g, (m, i) => values[i]);

  // The panel goes under the role in a list item of its own: a list holds only items.
  const panelItem = el("li", {className: "kcaws-keys-item"});
  async function requestKeys(button) {
    const row = button.closest(".kcaws-role");
    panelItem.append(panel);
    row.after(panelItem);
    panel.hidden = false;
    panel.replaceChildren(el("p", {}, panel.dataset.working));
    button.disabled = true;
    let status = 0;
    let answer = null;
    try {
      const response = await fetch(keysForm.getAttribute("action"), {
        method: "POST", credentials: "same-origin", headers: {Accept: "application/json"},
        body: new URLSearchParams({csrf: keysForm.elements.csrf.value, access: button.value}),
      });
      status = response.status;
      answer = await response.json();
    } catch (e) {
      answer = null; // unreachable, or not JSON (a proxy's page): said as a network problem
    }
    button.disabled = false;
    if (status === 200 && answer && answer.accessKeyId) {
      showKeys(answer);
    } else {
      showFailure(button, status, answer);
    }
  }

  function showKeys(keys) {
    const d = panel.dataset;
    const copyButton = (id) => {
      const b = el("button", {type: "button", className: "kcaws-copy", textContent: d.copy});
      b.dataset.copy = id; // dataset is read-only as a property: Object.assign would throw
      return b;
    };
    const block = (id, title, text) => [el("h3", {className: "kcaws-subtitle"}, title), el("pre", {id}, text), copyButton(id)];
    panel.replaceChildren(
      el("h2", {className: "kcaws-subtitle", id: "kcaws-keys-title"}, d.title),
      el("p", {}, fill(d.for, keys.accountName, keys.accountId, keys.roleName), " ", d.expire, " ",
        el("span", {id: "kcaws-panel-expiration"}, keys.expiration)),
      ...block("kcaws-panel-bash", d.bash, keys.bash),
      ...block("kcaws-panel-powershell", d.powershell, keys.powerShell),
      ...block("kcaws-panel-file", d.file, keys.credentialsFile),
      el("p", {}, el("button", {type: "button", id: "kcaws-keys-close", textContent: d.close, onclick: () => { panel.hidden = true; }})));
  }

  function showFailure(button, status, answer) {
    const d = panel.dataset;
    // A session that ended cannot be retried from here: the page itself signs in again.
    const signIn = status === 401;
    panel.replaceChildren(el("div", {className: "kcaws-keys-error", role: "alert"},
      el("p", {id: "kcaws-keys-message"}, answer && answer.message ? answer.message : d.network),
      el("p", {}, el("button", {type: "button", id: "kcaws-keys-retry", textContent: signIn ? d.signIn : d.retry,
        onclick: () => (signIn ? window.location.reload() : requestKeys(button))})),
      el("details", {}, el("summary", {}, d.detail),
        el("code", {id: "kcaws-keys-detail"}, "HTTP " + (status || "-") + (answer && answer.error ? " · " + answer.error : "")
          + (answer && answer.detail ? " · " + answer.detail : "")))));
  }

  // When a time-bound access ends, in the user's own time zone and language (the page says it in UTC,
  // which stays without JavaScript), around a <time> that keeps the instant.
  const lang = document.documentElement.lang || undefined;
  document.querySelectorAll(".kcaws-ends[data-ends][data-text]").forEach((span) => {
    const when = new Date(span.dataset.ends);
    if (Number.isNaN(when.getTime())) return;
    let local;
    try {
      local = when.toLocaleString(lang, {year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short"});
    } catch (e) {
      local = when.toLocaleString(); // a language tag the browser does not know
    }
    const [before, after] = span.dataset.text.split("{0}");
    span.replaceChildren(before, el("time", {dateTime: span.dataset.ends, textContent: local}), after || "");
  });

  if (keysForm && panel && window.fetch) {
    keysForm.addEventListener("submit", (event) => {
      const button = event.submitter;
      if (!button || !button.value) return;
      event.preventDefault();
      requestKeys(button);
    });
  }

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
