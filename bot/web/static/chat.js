"use strict";
// The web chat: sends text or a button payload to /api/chat and shows the replies.
// Reply HTML comes from the server's markup renderer, which escapes all text; everything
// typed here is inserted as text, never as HTML.
(function () {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const POLL_MS = Number(document.body.dataset.poll || 4000);

  function bubble(kind) {
    const div = document.createElement("div");
    div.className = "msg msg--" + kind;
    log.appendChild(div);
    return div;
  }

  function scroll() { log.scrollTop = log.scrollHeight; }

  function showReplies(data) {
    if (data.language) { document.documentElement.lang = data.language; }
    for (const reply of data.replies) {
      const div = bubble(reply.advisor ? "bot advisor" : "bot");
      const body = document.createElement("div");
      body.className = "msg__body";
      body.innerHTML = reply.html;
      div.appendChild(body);
      for (const row of reply.buttons) {
        const line = document.createElement("div");
        line.className = "msg__buttons";
        for (const b of row) {
          let el;
          if (b.url) {
            el = document.createElement("a");
            el.href = b.url; el.target = "_blank"; el.rel = "noopener noreferrer";
          } else {
            el = document.createElement("button");
            el.type = "button";
            el.addEventListener("click", () => send({ payload: b.payload }, b.label));
          }
          el.className = "chip";
          el.textContent = b.label;
          line.appendChild(el);
        }
        div.appendChild(line);
      }
    }
    scroll();
  }

  // One request at a time, in the order the person acted: a question typed right after pressing a
  // language button must reach the bot after the button, or it would be answered as if no language was set.
  let queue = Promise.resolve();

  function send(body, shownText) {
    if (shownText) { bubble("user").textContent = shownText; scroll(); }
    queue = queue.then(() => deliver(body));
    return queue;
  }

  async function deliver(body) {
    const typing = bubble("bot typing");
    typing.textContent = "…";
    body.language = navigator.language || "";
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(body),
      });
      typing.remove();
      if (!response.ok) { throw new Error(String(response.status)); }
      showReplies(await response.json());
    } catch (error) {
      typing.remove();
      bubble("bot error").textContent =
        "⚠️ Зв'язок перервано · Связь прервалась · Connection problem · Problem z połączeniem";
      scroll();
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send({ text: text }, text);
  });

  // Advisors' messages arrive on their own: ask for them every few seconds (nothing when there is no case).
  async function poll() {
    try {
      const response = await fetch("/api/chat/updates", { credentials: "same-origin", cache: "no-store" });
      if (response.ok) {
        const data = await response.json();
        if (data.replies.length) { showReplies(data); }
      }
    } catch (error) {
      // offline for a moment: the next poll catches up
    }
  }

  send({ text: "/start" }, null);
  setInterval(poll, POLL_MS);
})();
