// What the real Mermaid parses from journey texts, many at once.
//
// Input (stdin or the file given as the first argument): JSON lines {"id": ..., "text": ...}.
// Output (stdout): one JSON line per input, in the shape of
// tests/fixtures/mermaid-journey/expected_raw.jsonl, plus "raw" (title, accTitle, accDescr as the
// grammar handed them to the db, before Mermaid's DOMPurify sanitizing).
//
// It loads node_modules/mermaid/dist/mermaid.js into headless Chromium with puppeteer and calls
// mermaidAPI.getDiagramFromText: the preprocessing, type detection, entity encoding, jison parser
// and journeyDb that mermaid.render() (and so mmdc) runs. Entity codes are decoded as the rendered
// SVG shows them in a web page: Mermaid's decodeEntities on the markup, then the HTML parser.
//
// With --web-page, each text goes through mermaid.run() instead, as the text of a <pre class="mermaid">
// in a web page (dedent, trim, <br> made <br/>, then render); "title" is then the diagram title, the
// front matter's when the text has no title statement.
//
// Environment: MERMAID_NODE_MODULES (default /work/scratch/mmdc/node_modules), holding mermaid and
// puppeteer; PUPPETEER_CONFIG (default: its puppeteer-config.json, if there).
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";

const modules = process.env.MERMAID_NODE_MODULES || "/work/scratch/mmdc/node_modules";
const require = createRequire(path.join(modules, "noop.js"));
const puppeteer = require("puppeteer");
const mermaidJs = path.join(modules, "mermaid", "dist", "mermaid.js");
const mermaidVersion = JSON.parse(fs.readFileSync(path.join(modules, "mermaid", "package.json"))).version;
const configPath = process.env.PUPPETEER_CONFIG || path.join(modules, "..", "puppeteer-config.json");
const launch = fs.existsSync(configPath) ? JSON.parse(fs.readFileSync(configPath)) : {};

const webPage = process.argv.includes("--web-page");
const inputPath = process.argv.slice(2).find((a) => a !== "--web-page");

async function readInputs() {
  const input = inputPath ? fs.createReadStream(inputPath) : process.stdin;
  const items = [];
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim()) items.push(JSON.parse(line));
  }
  return items;
}

// Runs inside the page: parse every text with Mermaid, return plain results.
async function parseAll(texts, version, webPage) {
  const api = window.mermaid.mermaidAPI;
  window.mermaid.initialize({ startOnLoad: false });
  const db = (await api.getDiagramFromText("journey")).db;
  let raw = {};
  for (const [name, key, tidy] of [
    ["setDiagramTitle", "title", (t) => t],
    ["setAccTitle", "accTitle", (t) => t.replace(/^\s+/g, "")],
    ["setAccDescription", "accDescr", (t) => t.replace(/\n\s+/g, "\n")],
  ]) {
    const original = db[name];
    db[name] = (t) => {
      raw[key] = tidy(t);
      return original(t);
    };
  }
  const div = document.createElement("div");
  const shown = (s) => {
    // the SVG markup escapes the text, decodeEntities turns the markers into character references
    const markup = s
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/\uFB02\u00B0\u00B0/g, "&#").replace(/\uFB02\u00B0/g, "&").replace(/\u00B6\u00DF/g, ";");
    div.innerHTML = markup;
    return div.textContent;
  };
  const score = (n) => (Number.isFinite(n) ? n : String(n));
  const out = [];
  for (const text of texts) {
    raw = { title: "", accTitle: "", accDescr: "" };
    try {
      let type;
      let drawn = 0; // tasks the renderer already took out of journeyDb (its getTasks appends each call)
      if (webPage) {
        const pre = document.createElement("pre");
        pre.className = "mermaid";
        pre.textContent = text;
        document.body.replaceChildren(pre);
        let svg = "";
        await window.mermaid.run({ nodes: [pre], postRenderCallback: () => (svg = pre.innerHTML) });
        type = (svg.match(/aria-roledescription="([^"]*)"/) || [])[1];
        drawn = type === "journey" ? db.getTasks().length : 0;
      } else {
        type = (await api.getDiagramFromText(text)).type;
      }
      if (type !== "journey") {
        out.push({ ok: true, mermaid: version, type });
        continue;
      }
      const tasks = db.getTasks().slice(drawn).map((t) => ({
        section: shown(t.section),
        task: shown(t.task),
        score: score(t.score),
        people: t.people.map(shown),
      }));
      out.push({
        ok: true,
        mermaid: version,
        type: "journey",
        title: shown(db.getDiagramTitle() || ""),
        accTitle: shown(db.getAccTitle() || ""),
        accDescr: shown(db.getAccDescription() || ""),
        sections: db.getSections().map(shown),
        tasks,
        actors: db.getActors().map(shown),
        raw: { title: shown(raw.title), accTitle: shown(raw.accTitle), accDescr: shown(raw.accDescr) },
      });
    } catch (e) {
      out.push({ ok: false, mermaid: version, error: String((e && e.message) || e).slice(0, 300) });
    }
  }
  return out;
}

const items = await readInputs();
const browser = await puppeteer.launch({ headless: true, ...launch });
try {
  const page = await browser.newPage();
  await page.goto("about:blank");
  await page.addScriptTag({ path: mermaidJs });
  const chunk = 500;
  for (let i = 0; i < items.length; i += chunk) {
    const part = items.slice(i, i + chunk);
    const results = await page.evaluate(parseAll, part.map((x) => x.text), mermaidVersion, webPage);
    part.forEach((item, k) => process.stdout.write(JSON.stringify({ id: item.id, ...results[k] }) + "\n"));
  }
} finally {
  await browser.close();
}
