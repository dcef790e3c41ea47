/* The page at /: a form that posts the article to the API and draws the brief (brief.js).
   Keep this file ASCII. */
(function () {
  "use strict";

  const form = document.getElementById("nb-form");
  const text = document.getElementById("nb-text");
  const title = document.getElementById("nb-title");
  const engine = document.getElementById("nb-engine");
  const example = document.getElementById("nb-example");
  const submit = document.getElementById("nb-submit");
  const status = document.getElementById("nb-status");
  const problem = document.getElementById("nb-problem");
  const view = document.getElementById("newsbrief-view");
  let examples = [];

  async function loadExamples() {
    try {
      const response = await fetch("/v1/examples");
      if (!response.ok) return;
      examples = (await response.json()).examples || [];
    } catch (error) {
      return; // no examples is no loss: the text area still works
    }
    for (const [i, item] of examples.entries()) {
      const option = document.createElement("option");
      option.value = String(i);
      option.textContent = item.title ? item.title + " (" + item.name + ")" : item.name;
      example.append(option);
    }
  }

  example.addEventListener("change", () => {
    const item = examples[Number(example.value)];
    if (example.value !== "" && item) text.value = item.text;
  });

  /* An error answer as its problem's title and detail (RFC 9457), never the raw body. */
  function showProblem(heading, detail, errors) {
    const h = document.createElement("h2");
    h.textContent = heading;
    const p = document.createElement("p");
    p.textContent = detail;
    problem.replaceChildren(h, p);
    if (errors && errors.length) {
      const list = document.createElement("ul");
      for (const error of errors) {
        const item = document.createElement("li");
        const where = Array.isArray(error.loc) ? error.loc.join(".") : "";
        item.textContent = (where ? where + ": " : "") + (error.msg || error.message || "invalid");
        list.append(item);
      }
      problem.append(list);
    }
    problem.hidden = false;
  }

  async function problemOf(response) {
    const fallback = "The service answered " + response.status + (response.statusText ? " " + response.statusText : "") + ".";
    let body = null;
    try {
      body = await response.json();
    } catch (error) {
      return { title: "Error " + response.status, detail: fallback, errors: null };
    }
    const title = typeof body.title === "string" && body.title ? body.title : "Error " + response.status;
    const detail = typeof body.detail === "string" && body.detail ? body.detail : fallback;
    return { title, detail, errors: Array.isArray(body.errors) ? body.errors : null };
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.hidden = true;
    const article = text.value;
    const payload = { text: article, options: { engine: engine.value } };
    if (title.value.trim()) payload.title = title.value.trim();
    submit.disabled = true;
    const started = performance.now();
    status.textContent = "Briefing with the " + engine.value + " engine...";
    let response;
    try {
      response = await fetch("/v1/summaries", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(payload),
      });
    } catch (error) {
      submit.disabled = false;
      status.textContent = "";
      showProblem("Service unreachable", "The request did not reach newsbrief: " + error.message);
      return;
    }
    try {
      if (!response.ok) {
        const found = await problemOf(response);
        status.textContent = "";
        showProblem(found.title, found.detail, found.errors);
        return;
      }
      const brief = await response.json();
      NewsBrief.render(view, brief, article, { title: payload.title });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      status.textContent = "Briefed in " + seconds + " s: " + brief.claims.length + " claims, " + brief.hedges.length + " hedges.";
    } finally {
      submit.disabled = false;
    }
  });

  loadExamples();
})();
