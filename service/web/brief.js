/* newsbrief: a brief laid over its article. One renderer for the page served at / and for
   the self-contained file of `newsbrief summarize --format html` (which inlines this file).
   Plain browser JavaScript, no build step, no dependency. Keep this file ASCII. */
(function () {
  "use strict";

  const KINDS = ["attribution", "distancing", "uncertainty"];
  const KIND_HINTS = {
    attribution: "whose words these are",
    distancing: "the writer keeps away from the wording",
    uncertainty: "doubt about what is told",
  };
  // Light enough to read dark text on; distinct side by side.
  const PALETTE = [
    "#ffd6a5", "#caffbf", "#9bf6ff", "#ffc6ff", "#fdffb6", "#bdb2ff",
    "#ffadad", "#a0c4ff", "#d4e09b", "#f6bd60", "#b8e0d2", "#e2cfea",
  ];
  const OWN_VOICE = "#e0e0e0";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /* The API's offsets count code points (Python string indices); JavaScript strings count
     UTF-16 code units, two for an astral character such as an emoji. units[i] is the
     UTF-16 index of code point i, for i from 0 to the article's length in code points. */
  function codeUnitIndex(text) {
    const units = [0];
    let at = 0;
    for (const character of text) {
      at += character.length;
      units.push(at);
    }
    return units;
  }

  /* Every span the brief gives, as {type, id, start, end}: claim evidence, hedges, actor
     mentions, conflict values. Spans that do not fit the article are set aside, not drawn. */
  function collectSpans(brief, length) {
    const spans = [];
    const misfits = [];
    function add(type, id, span) {
      if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) return;
      if (span.start < 0 || span.end > length || span.end < span.start) misfits.push(id);
      else if (span.end > span.start) spans.push({ type, id, start: span.start, end: span.end });
    }
    for (const claim of brief.claims || []) add("claim", claim.id, claim.evidence);
    for (const hedge of brief.hedges || []) add("hedge", hedge.id, hedge.span);
    for (const actor of brief.actors || []) {
      for (const mention of actor.mentions || []) add("actor", actor.id, mention);
    }
    for (const conflict of conflictsOf(brief) || []) {
      (conflict.values || []).forEach((value, i) => add("conflict", conflict.id + ":" + i, value.value));
    }
    return { spans, misfits };
  }

  function conflictsOf(brief) {
    return Array.isArray(brief.conflicts) ? brief.conflicts : null;
  }

  /* Cut the article at every span boundary: each piece is covered by the same spans from
     end to end, so overlapping and nested spans need no nesting of elements. */
  function pieces(spans, length) {
    const cuts = new Set([0, length]);
    for (const span of spans) {
      cuts.add(span.start);
      cuts.add(span.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const byStart = [...spans].sort((a, b) => a.start - b.start);
    const result = [];
    let active = [];
    let next = 0;
    for (let i = 0; i + 1 < points.length; i++) {
      const [start, end] = [points[i], points[i + 1]];
      active = active.filter((span) => span.end > start);
      while (next < byStart.length && byStart[next].start <= start) active.push(byStart[next++]);
      result.push({ start, end, spans: active.slice() });
    }
    return result;
  }

  function speakerColours(brief) {
    const colours = new Map();
    for (const claim of brief.claims || []) {
      const key = claim.speaker || "";
      if (colours.has(key)) continue;
      if (!key) colours.set(key, OWN_VOICE);
      else {
        const n = [...colours.keys()].filter(Boolean).length;
        colours.set(key, n < PALETTE.length ? PALETTE[n] : "hsl(" + ((n * 137.5) % 360) + " 80% 82%)");
      }
    }
    return colours;
  }

  function render(root, brief, article, options) {
    const view = new BriefView(root, brief, article, options || {});
    view.draw();
    return view;
  }

  class BriefView {
    constructor(root, brief, article, options) {
      this.root = root;
      this.brief = brief;
      this.article = article;
      this.title = options.title || null;
      this.actors = new Map((brief.actors || []).map((a) => [a.id, a]));
      this.claims = new Map((brief.claims || []).map((c) => [c.id, c]));
      this.hedges = new Map((brief.hedges || []).map((h) => [h.id, h]));
      this.colours = speakerColours(brief);
      this.selectedActor = null;
    }

    speakerName(claim) {
      const actor = this.actors.get(claim.speaker);
      return actor ? actor.name : "The article's own voice";
    }

    colour(claim) {
      return this.colours.get(claim.speaker || "") || OWN_VOICE;
    }

    draw() {
      this.root.replaceChildren();
      this.root.classList.add("nb-root");
      this.details = el("section", { class: "nb-details", "aria-live": "polite", hidden: true });
      this.text = this.drawArticle();
      const main = el(
        "div",
        { class: "nb-main" },
        this.title ? el("h2", { class: "nb-title", text: this.title }) : null,
        el("p", { class: "nb-summary" }, el("strong", { text: "Summary " }), this.brief.summary || ""),
        this.text
      );
      const side = el(
        "aside",
        { class: "nb-side", "aria-label": "The brief" },
        this.details,
        this.drawLegend(),
        this.drawHedgeToggles(),
        this.drawClaimList(),
        this.drawActorList(),
        this.drawHedgeList(),
        this.drawConflicts()
      );
      this.root.append(this.drawMeta(), el("div", { class: "nb-layout" }, main, side));
    }

    drawArticle() {
      const units = codeUnitIndex(this.article);
      const length = units.length - 1;
      const { spans, misfits } = collectSpans(this.brief, length);
      this.misfits = misfits;
      const box = el("div", { class: "nb-article", lang: "" });
      const firstPiece = new Map(); // claim id -> the piece that takes keyboard focus for it
      for (const piece of pieces(spans, length)) {
        const text = this.article.slice(units[piece.start], units[piece.end]);
        if (!piece.spans.length) {
          box.append(text);
          continue;
        }
        box.append(this.drawPiece(piece, text, firstPiece));
      }
      return box;
    }

    drawPiece(piece, text, firstPiece) {
      const ids = { claim: [], hedge: [], actor: [], conflict: [] };
      for (const span of piece.spans) if (!ids[span.type].includes(span.id)) ids[span.type].push(span.id);
      // The innermost claim owns the piece: its colour, and a click selects it.
      const owner = piece.spans
        .filter((s) => s.type === "claim")
        .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      const kinds = new Set(ids.hedge.map((id) => this.hedges.get(id).kind));
      let inner = document.createTextNode(text);
      // Nested wrappers: each kind keeps its own underline where hedges of two kinds overlap.
      for (const kind of KINDS) {
        if (kinds.has(kind)) inner = el("span", { class: "nb-hedge nb-h-" + kind }, inner);
      }
      const node = el("span", {
        class: "nb-piece" + (owner ? " nb-claim" : "") + (ids.conflict.length ? " nb-conflict" : ""),
        "data-start": piece.start,
        "data-end": piece.end,
        "data-claims": ids.claim.join(" ") || null,
        "data-hedges": ids.hedge.join(" ") || null,
        "data-actors": ids.actor.join(" ") || null,
        "data-conflicts": ids.conflict.join(" ") || null,
        "data-owner": owner ? owner.id : null,
      }, inner);
      if (owner) {
        const claim = this.claims.get(owner.id);
        node.style.setProperty("--nb-speaker", this.colour(claim));
        if (!firstPiece.has(owner.id)) {
          firstPiece.set(owner.id, node);
          node.tabIndex = 0;
          node.setAttribute("role", "button");
          node.setAttribute("aria-label", "Claim by " + this.speakerName(claim) + ": " + claim.statement);
        }
      }
      if (owner || ids.hedge.length || ids.actor.length) {
        node.addEventListener("click", () => this.activatePiece(node));
        node.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            this.activatePiece(node);
          }
        });
      }
      return node;
    }

    activatePiece(node) {
      if (node.dataset.owner) this.selectClaim(node.dataset.owner, { scroll: false });
      else if (node.dataset.hedges) this.showHedge(node.dataset.hedges.split(" ")[0], { scroll: false });
      else if (node.dataset.actors) this.selectActor(node.dataset.actors.split(" ")[0], { scroll: false });
    }

    piecesOf(attribute, id) {
      return [...this.text.querySelectorAll("[data-" + attribute + "]")].filter((node) =>
        node.getAttribute("data-" + attribute).split(" ").includes(id)
      );
    }

    mark(nodes, name) {
      for (const node of this.text.querySelectorAll("." + name)) node.classList.remove(name);
      for (const node of nodes) node.classList.add(name);
    }

    jumpTo(nodes, focus) {
      if (!nodes.length) return;
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      nodes[0].scrollIntoView({ block: "center", behavior: still ? "instant" : "smooth" });
      if (focus && nodes[0].tabIndex >= 0) nodes[0].focus({ preventScroll: true });
      for (const node of nodes) {
        node.classList.remove("nb-flash");
        void node.offsetWidth; // restart the animation
        node.classList.add("nb-flash");
      }
    }

    pressed(list, id) {
      for (const button of list.querySelectorAll("[data-id]")) {
        button.setAttribute("aria-pressed", String(button.dataset.id === id));
      }
    }

    selectClaim(id, { scroll = true } = {}) {
      const claim = this.claims.get(id);
      if (!claim) return;
      const nodes = this.piecesOf("claims", id);
      this.mark(nodes, "nb-selected");
      // One frame around the whole claim, not a box around each of its pieces.
      this.mark(nodes.slice(0, 1), "nb-selected-first");
      this.mark(nodes.slice(-1), "nb-selected-last");
      this.pressed(this.claimList, id);
      const hedges = (claim.hedges || []).map((h) => this.hedges.get(h)).filter(Boolean);
      const actor = this.actors.get(claim.speaker);
      this.showDetails(
        "Claim " + claim.id,
        el(
          "dl",
          { class: "nb-facts" },
          el("dt", { text: "Speaker" }),
          el(
            "dd",
            { class: "nb-speaker" },
            el("span", { class: "nb-swatch", style: null, "aria-hidden": "true" }),
            this.speakerName(claim),
            actor && actor.role ? el("span", { class: "nb-role", text: " (" + actor.role + ")" }) : null
          ),
          el("dt", { text: "Cue" }),
          el("dd", { class: "nb-cue", text: claim.cue || "none" }),
          el("dt", { text: "Statement" }),
          el("dd", { class: "nb-statement", text: claim.statement }),
          el("dt", { text: "Hedges" }),
          el(
            "dd",
            { class: "nb-claim-hedges" },
            hedges.length
              ? el("ul", {}, hedges.map((h) => el("li", {}, this.hedgeButton(h))))
              : "none"
          ),
          el("dt", { text: "Evidence" }),
          el("dd", { text: "characters " + claim.evidence.start + "-" + claim.evidence.end })
        )
      );
      this.details.querySelector(".nb-swatch").style.background = this.colour(claim);
      if (scroll) this.jumpTo(nodes, true);
    }

    showHedge(id, { scroll = true } = {}) {
      const hedge = this.hedges.get(id);
      if (!hedge) return;
      const nodes = this.piecesOf("hedges", id);
      const claim = this.claims.get(hedge.claim);
      this.showDetails(
        "Hedge " + hedge.id,
        el(
          "dl",
          { class: "nb-facts" },
          el("dt", { text: "Kind" }),
          el("dd", { text: hedge.kind + ": " + KIND_HINTS[hedge.kind] }),
          el("dt", { text: "Words" }),
          el("dd", { text: "\u201c" + hedge.span.text + "\u201d" }),
          el("dt", { text: "Qualifies" }),
          el(
            "dd",
            {},
            claim
              ? el("button", {
                  type: "button",
                  class: "nb-link",
                  text: "claim " + claim.id + " by " + this.speakerName(claim),
                  onclick: () => this.selectClaim(claim.id),
                })
              : "no claim"
          )
        )
      );
      if (scroll) this.jumpTo(nodes, false);
    }

    selectActor(id, { scroll = true } = {}) {
      const same = this.selectedActor === id;
      this.selectedActor = same ? null : id;
      const nodes = same ? [] : this.piecesOf("actors", id);
      this.mark(nodes, "nb-mention-on");
      this.pressed(this.actorList, this.selectedActor);
      if (scroll) this.jumpTo(nodes, false);
    }

    showDetails(heading, body) {
      this.details.replaceChildren(
        el(
          "div",
          { class: "nb-details-head" },
          el("h3", { text: heading }),
          el("button", {
            type: "button",
            class: "nb-close",
            "aria-label": "Close",
            text: "\u00d7",
            onclick: () => this.closeDetails(),
          })
        ),
        body
      );
      this.details.hidden = false;
      this.root.classList.add("nb-has-details");
    }

    closeDetails() {
      this.details.hidden = true;
      this.root.classList.remove("nb-has-details");
      for (const name of ["nb-selected", "nb-selected-first", "nb-selected-last"]) this.mark([], name);
      this.pressed(this.claimList, null);
    }

    hedgeButton(hedge) {
      return el(
        "button",
        { type: "button", class: "nb-entry", "data-id": hedge.id, onclick: () => this.showHedge(hedge.id) },
        el("span", { class: "nb-kind nb-h-" + hedge.kind, text: hedge.kind }),
        " \u201c" + hedge.span.text + "\u201d"
      );
    }

    section(title, count, ...body) {
      return el(
        "details",
        { class: "nb-section", open: true },
        el("summary", {}, title, count === null ? null : el("span", { class: "nb-count", text: String(count) })),
        ...body
      );
    }

    drawLegend() {
      const counts = new Map();
      for (const claim of this.brief.claims || []) {
        counts.set(claim.speaker || "", (counts.get(claim.speaker || "") || 0) + 1);
      }
      const items = [...this.colours.keys()].map((key) => {
        const swatch = el("span", { class: "nb-swatch", "aria-hidden": "true" });
        swatch.style.background = this.colours.get(key);
        const name = key ? (this.actors.get(key) || { name: key }).name : "The article's own voice";
        return el("li", {}, swatch, name, el("span", { class: "nb-count", text: String(counts.get(key)) }));
      });
      return this.section(
        "Speakers",
        null,
        items.length ? el("ul", { class: "nb-legend" }, items) : el("p", { text: "No claims." })
      );
    }

    drawHedgeToggles() {
      const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
      for (const hedge of this.brief.hedges || []) counts[hedge.kind] = (counts[hedge.kind] || 0) + 1;
      const toggles = KINDS.map((kind) =>
        el(
          "label",
          { class: "nb-toggle", title: KIND_HINTS[kind] },
          el("input", {
            type: "checkbox",
            checked: true,
            "data-kind": kind,
            onchange: (event) => this.root.classList.toggle("nb-hide-" + kind, !event.target.checked),
          }),
          el("span", { class: "nb-kind nb-h-" + kind, text: kind }),
          el("span", { class: "nb-count", text: String(counts[kind]) })
        )
      );
      return this.section("Hedges shown", null, el("div", { class: "nb-toggles" }, toggles));
    }

    drawClaimList() {
      const claims = this.brief.claims || [];
      this.claimList = el(
        "ul",
        { class: "nb-list nb-claims" },
        claims.map((claim) => {
          const swatch = el("span", { class: "nb-swatch", "aria-hidden": "true" });
          swatch.style.background = this.colour(claim);
          return el(
            "li",
            {},
            el(
              "button",
              {
                type: "button",
                class: "nb-entry",
                "data-id": claim.id,
                "aria-pressed": "false",
                onclick: () => this.selectClaim(claim.id),
              },
              swatch,
              el("strong", { text: this.speakerName(claim) }),
              claim.cue ? " (" + claim.cue + ")" : "",
              ": " + claim.statement
            )
          );
        })
      );
      return this.section("Claims", claims.length, claims.length ? this.claimList : el("p", { text: "No claims found." }));
    }

    drawActorList() {
      const actors = this.brief.actors || [];
      this.actorList = el(
        "ul",
        { class: "nb-list nb-actors" },
        actors.map((actor) =>
          el(
            "li",
            {},
            el(
              "button",
              {
                type: "button",
                class: "nb-entry",
                "data-id": actor.id,
                "aria-pressed": "false",
                onclick: () => this.selectActor(actor.id),
              },
              el("strong", { text: actor.name }),
              " " + actor.kind + (actor.role ? ", " + actor.role : ""),
              el("span", { class: "nb-count", text: String((actor.mentions || []).length) })
            )
          )
        )
      );
      return this.section(
        "Actors",
        actors.length,
        el("p", { class: "nb-hint", text: "Select an actor to mark its mentions." }),
        this.actorList
      );
    }

    drawHedgeList() {
      const hedges = this.brief.hedges || [];
      return this.section(
        "Hedges",
        hedges.length,
        hedges.length
          ? el("ul", { class: "nb-list nb-hedges" }, hedges.map((h) => el("li", {}, this.hedgeButton(h))))
          : el("p", { text: "No hedges found." })
      );
    }

    drawConflicts() {
      const conflicts = conflictsOf(this.brief);
      if (conflicts === null) return null; // a brief from before conflicts existed
      const items = conflicts.map((conflict) =>
        el(
          "li",
          {},
          el("strong", { text: conflict.about }),
          el(
            "ul",
            {},
            (conflict.values || []).map((value, i) => {
              const claim = this.claims.get(value.claim);
              return el(
                "li",
                {},
                el("button", {
                  type: "button",
                  class: "nb-entry",
                  text: "\u201c" + value.value.text + "\u201d" + (claim ? " (" + this.speakerName(claim) + ")" : ""),
                  onclick: () => {
                    if (claim) this.selectClaim(claim.id, { scroll: false });
                    this.jumpTo(this.piecesOf("conflicts", conflict.id + ":" + i), false);
                  },
                })
              );
            })
          )
        )
      );
      return this.section(
        "Conflicts",
        conflicts.length,
        items.length ? el("ul", { class: "nb-list nb-conflicts" }, items) : el("p", { text: "No conflicting values found." })
      );
    }

    drawMeta() {
      const meta = this.brief.meta || {};
      const usage = meta.usage || {};
      const timings = meta.timings_ms || {};
      const warnings = (meta.warnings || []).slice();
      if (this.misfits.length) {
        warnings.push("Not drawn, outside the article: " + this.misfits.join(", "));
      }
      const facts = [
        ["engine", meta.engine],
        ["model", meta.model],
        ["prompt", meta.prompt_version],
        ["attempts", meta.attempts],
        ["tokens", usage.total_tokens],
        ["time", timings.total !== undefined ? Number(timings.total).toFixed(1) + " ms" : null],
        ["cached", meta.cached ? "yes" : null],
      ].filter(([, value]) => value !== null && value !== undefined);
      const bar = el(
        "summary",
        { class: "nb-meta-bar" },
        facts.map(([name, value]) => el("span", { class: "nb-fact" }, name + " ", el("b", { text: String(value) }))),
        el("span", {
          class: "nb-fact nb-warnings-count" + (warnings.length ? " nb-has-warnings" : ""),
          text: warnings.length + (warnings.length === 1 ? " warning" : " warnings"),
        })
      );
      const rows = Object.entries(meta)
        .filter(([name]) => !["usage", "timings_ms", "warnings"].includes(name))
        .map(([name, value]) => [name, value === null ? "none" : String(value)]);
      rows.push(["tokens", ["prompt_tokens", "completion_tokens", "total_tokens"].map((k) => k.split("_")[0] + " " + (usage[k] || 0)).join(", ")]);
      rows.push(["timings", Object.entries(timings).map(([k, v]) => k + " " + v + " ms").join(", ") || "none"]);
      return el(
        "details",
        { class: "nb-meta" },
        bar,
        el("table", {}, el("tbody", {}, rows.map(([k, v]) => el("tr", {}, el("th", { text: k }), el("td", { text: v }))))),
        warnings.length ? el("ul", { class: "nb-warnings" }, warnings.map((w) => el("li", { text: w }))) : null
      );
    }
  }

  window.NewsBrief = { render, codeUnitIndex, pieces };

  // The exported file carries its brief and article as JSON; the page at / has none.
  function boot() {
    const data = document.getElementById("newsbrief-data");
    const root = document.getElementById("newsbrief-view");
    if (!data || !root) return;
    const { brief, article, title } = JSON.parse(data.textContent);
    render(root, brief, article, { title });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
