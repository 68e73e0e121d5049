"use strict";
// The guide editor's live preview and small helpers. The preview HTML comes from the server's Telegram
// renderer, which escapes every character an editor types; the rest is inserted as text.
(function () {
  const form = document.getElementById("edit-form");
  if (!form) { return; }

  const bubble = document.getElementById("preview-html");
  const buttons = document.getElementById("preview-buttons");
  const length = document.getElementById("preview-length");
  const problems = document.getElementById("preview-problems");
  let timer = null;
  let latest = 0;

  function showButtons(rows) {
    buttons.replaceChildren();
    for (const row of rows) {
      const line = document.createElement("div");
      line.className = "tg__row";
      for (const label of row) {
        const button = document.createElement("span");
        button.className = "tg__button";
        button.textContent = label;
        line.appendChild(button);
      }
      buttons.appendChild(line);
    }
  }

  function showProblems(list) {
    problems.replaceChildren();
    for (const text of list) {
      const item = document.createElement("li");
      item.textContent = text;
      problems.appendChild(item);
    }
  }

  async function refresh() {
    const asked = ++latest;
    const body = new URLSearchParams(new FormData(form));
    try {
      const response = await fetch(form.dataset.preview, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: body,
      });
      if (!response.ok || asked !== latest) { return; }
      const data = await response.json();
      bubble.innerHTML = data.html;
      showButtons(data.buttons);
      length.textContent = String(data.length);
      length.classList.toggle("over", data.length > data.limit);
      showProblems(data.problems);
      form.dataset.previewed = String(asked);
    } catch (error) {
      // The preview is a convenience: saving works without it.
    }
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(refresh, 250);
  }

  form.addEventListener("input", schedule);

  const today = form.querySelector("[data-today]");
  if (today) {
    today.addEventListener("click", () => {
      const now = new Date();
      const pad = (n) => String(n).padStart(2, "0");
      form.elements.checked.value = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
      schedule();
    });
  }
})();
