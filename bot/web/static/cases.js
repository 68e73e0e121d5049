"use strict";
// The advisors' console pages, live: the queue refreshes its rows and a case page appends new messages
// when the server announces a change (Server-Sent Events). Rows come as HTML rendered (and escaped) by
// the server; messages come as JSON and are inserted as text only.
(function () {
  const queue = document.getElementById("queue");
  const transcript = document.getElementById("transcript");
  const canned = document.getElementById("canned");
  const replyText = document.getElementById("reply-text");

  if (canned && replyText) {
    canned.addEventListener("change", () => { if (canned.value) { replyText.value = canned.value; } });
  }

  function listen(url, onNews) {
    const source = new EventSource(url);
    source.onmessage = (event) => onNews(JSON.parse(event.data));
  }

  if (queue) {
    const rows = document.getElementById("queue-rows");
    listen(queue.dataset.live, async () => {
      const response = await fetch(queue.dataset.refresh, { credentials: "same-origin" });
      if (response.ok) { rows.innerHTML = await response.text(); }
    });
  }

  const WHO = { user: "👤", system: "📨" };

  function append(message) {
    const item = document.createElement("li");
    item.className = "msg " + message.direction;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = WHO[message.direction] ||
      ((message.direction === "note" ? "📝 " : "💬 ") + (message.author || ""));
    const body = document.createElement("span");
    body.className = "body";
    body.textContent = (message.text || "") + (message.media ? " [" + message.media + "]" : "");
    const time = document.createElement("time");
    time.textContent = message.at;
    item.append(who, " ", body, " ", time);
    transcript.appendChild(item);
  }

  if (transcript) {
    const caseId = Number(transcript.dataset.case);
    const status = document.getElementById("case-status");
    listen(transcript.dataset.live, async (news) => {
      if (news.case !== caseId) { return; }
      const url = "/console/cases/" + caseId + "/messages?after=" + transcript.dataset.after;
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) { return; }
      const data = await response.json();
      for (const message of data.messages) {
        append(message);
        transcript.dataset.after = String(message.id);
      }
      if (status) { status.textContent = data.status + (data.assigned ? " · " + data.assigned : ""); }
    });
  }
})();
