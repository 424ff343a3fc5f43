// The playground: sends the text (or a dropped file's raw bytes) to POST /v1/clean and shows
// the clean text and a visual diff built from the JSON report. Everything the service returns
// is inserted with textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  // Distinct repaired strings highlighted at most (keeps huge reports responsive).
  const MAX_HIGHLIGHTS = 500;
  let file = null;

  function options() {
    return {
      remove_boilerplate: $("opt-boilerplate").checked,
      fix_mojibake: $("opt-mojibake").checked,
    };
  }

  function setStatus(message, isError) {
    const status = $("status");
    status.textContent = message;
    status.className = isError ? "error" : "muted";
  }

  async function requestReport() {
    const headers = { Accept: "application/json" };
    const key = $("api-key").value.trim();
    if (key) headers.Authorization = "Bearer " + key;
    let url = "/v1/clean";
    let body;
    if (file) {
      headers["Content-Type"] = "application/octet-stream";
      url += "?" + new URLSearchParams(Object.entries(options()).map(([k, v]) => [k, String(v)]));
      body = file;
    } else {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify({ text: $("input").value, options: options() });
    }
    const response = await fetch(url, { method: "POST", headers: headers, body: body });
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      throw new Error("HTTP " + response.status);
    }
    if (!response.ok) {
      const option = data.option ? " (option " + data.option + ")" : "";
      throw new Error((data.title || "Error") + ": " + (data.detail || response.status) + option);
    }
    return data;
  }

  // Every removed line carries its 1-based line number in the input. Rebuild the input's
  // lines: a removed line is shown struck out in place; the kept non-blank lines take, in
  // order, the (repaired) non-blank lines of the clean text; blank lines stay as blank rows.
  function rebuildLines(report, original) {
    const numbered = new Map();
    const unnumbered = [];
    (report.removed_lines || []).forEach((s) =>
      Number.isInteger(s.line) && !numbered.has(s.line) ? numbered.set(s.line, s) : unnumbered.push(s)
    );
    const source = original.split("\n");
    const clean = report.text.split("\n").filter((text) => text.trim() !== "");
    const keptNonBlank = source.filter((text, i) => !numbered.has(i + 1) && text.trim() !== "").length;
    const lines = [];
    if (keptNonBlank === clean.length) {
      let next = 0;
      source.forEach((text, i) => {
        const step = numbered.get(i + 1);
        if (step) {
          lines.push({ text: step.before || text, removed: step });
        } else if (text.trim() === "") {
          if (lines.length > 0 && lines[lines.length - 1].text !== "") lines.push({ text: "", removed: null });
        } else {
          lines.push({ text: clean[next++], removed: null });
        }
      });
    } else {
      // the input box does not hold what was cleaned (a file in another charset): merge the
      // clean text's lines and the removed lines by number
      const rest = report.text.split("\n");
      for (let n = 1; rest.length > 0 || numbered.size > 0; n++) {
        const step = numbered.get(n);
        if (step) {
          numbered.delete(n);
          lines.push({ text: step.before || "", removed: step });
        } else if (rest.length > 0) {
          lines.push({ text: rest.shift(), removed: null });
        } else {
          numbered.forEach((s) => lines.push({ text: s.before || "", removed: s }));
          numbered.clear();
        }
      }
    }
    unnumbered.forEach((s) => lines.push({ text: s.before || "", removed: s }));
    return lines;
  }

  function repairTargets(report) {
    const targets = new Map();
    (report.repairs || []).forEach((step) => {
      if (step.stage === "decode" || !step.after || targets.size >= MAX_HIGHLIGHTS) return;
      if (!targets.has(step.after)) targets.set(step.after, step);
    });
    return targets;
  }

  function appendHighlighted(parent, text, targets) {
    const spans = [];
    targets.forEach((step, after) => {
      let from = text.indexOf(after);
      while (from !== -1) {
        spans.push([from, from + after.length, step]);
        from = text.indexOf(after, from + after.length);
      }
    });
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let pos = 0;
    spans.forEach(([start, end, step]) => {
      if (start < pos) return;
      parent.appendChild(document.createTextNode(text.slice(pos, start)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      mark.title = (step.before || "") + " \u2192 " + step.after + " (" + step.reason + ")";
      mark.dataset.reason = step.reason;
      parent.appendChild(mark);
      pos = end;
    });
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function renderDiff(report, original) {
    const diff = $("diff");
    diff.replaceChildren();
    const targets = repairTargets(report);
    rebuildLines(report, original).forEach((line) => {
      const row = document.createElement("div");
      row.className = "line";
      if (line.removed) {
        row.classList.add("removed");
        const del = document.createElement("del");
        del.textContent = line.text;
        const reason = document.createElement("span");
        reason.className = "reason";
        reason.textContent = line.removed.reason;
        row.dataset.reason = line.removed.reason;
        row.append(del, reason);
      } else {
        appendHighlighted(row, line.text, targets);
      }
      diff.appendChild(row);
    });
    const parts = [];
    if (report.encoding) parts.push("decoded as " + report.encoding);
    parts.push((report.removed_lines || []).length + " line(s) removed");
    parts.push((report.repairs || []).filter((s) => s.stage !== "decode").length + " repair(s)");
    $("summary").textContent = parts.join(" \u00b7 ");
  }

  async function clean() {
    const button = $("clean");
    button.disabled = true;
    setStatus("Cleaning\u2026", false);
    try {
      const original = $("input").value;
      const report = await requestReport();
      $("output").textContent = report.text;
      renderDiff(report, original);
      setStatus(report.changed ? "Done." : "Done: nothing to change.", false);
    } catch (err) {
      setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function useFile(chosen) {
    file = chosen || null;
    $("file-name").textContent = file ? file.name + " (" + file.size + " bytes, sent as raw bytes)" : "";
    if (file) {
      const reader = new FileReader();
      reader.onload = () => {
        $("input").value = reader.result;
      };
      reader.readAsText(file);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const input = $("input");
    $("clean").addEventListener("click", clean);
    $("file").addEventListener("change", (event) => useFile(event.target.files[0]));
    input.addEventListener("input", () => useFile(null));
    input.addEventListener("dragover", (event) => {
      event.preventDefault();
      input.classList.add("dragging");
    });
    input.addEventListener("dragleave", () => input.classList.remove("dragging"));
    input.addEventListener("drop", (event) => {
      event.preventDefault();
      input.classList.remove("dragging");
      if (event.dataTransfer && event.dataTransfer.files.length > 0) useFile(event.dataTransfer.files[0]);
    });
  });
})();
