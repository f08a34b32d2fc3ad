// Every ```mermaid block in the given markdown files must parse with
// mermaid's own parser (the one GitHub's renderer runs). jsdom stands in for
// the browser that mermaid expects; parsing needs no rendering.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let blocks = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  if (!text.includes("```mermaid\n")) {
    failed += 1;
    console.error(`${file}: no mermaid block: every file given holds a picture`);
  }
  for (const m of text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)) {
    blocks += 1;
    try {
      const r = await mermaid.parse(m[1]);
      if (r.diagramType !== "gantt") throw new Error(`a ${r.diagramType}, not a gantt`);
      // Parsing is lenient (a colon in a task's name silently cuts it): read
      // the diagram as mermaid does and check every task the block writes is
      // a task, named in full, with a start before its end.
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(m[1]);
      const tasks = diagram.db.getTasks();
      const lines = m[1].split("\n").map((l) => l.trim());
      // A task line in either language: "check in …" / "上班打卡 …", then its tag and times.
      const written = lines.filter((l) => / :(done|active|crit), \d{4}-\d{2}-\d{2} /.test(l));
      if (tasks.length !== written.length) {
        throw new Error(`${written.length} task lines, mermaid reads ${tasks.length} tasks`);
      }
      written.forEach((line, i) => {
        const name = line.slice(0, line.lastIndexOf(" :")).trim();
        const t = tasks[i];
        if (t.task.trim() !== name) throw new Error(`task ${JSON.stringify(name)} reads as ${JSON.stringify(t.task)}`);
        if (!(t.startTime < t.endTime)) throw new Error(`task ${JSON.stringify(name)} does not start before it ends`);
      });
      const sections = lines.filter((l) => l.startsWith("section ")).length;
      if (diagram.db.getSections().length !== sections) {
        throw new Error(`${sections} sections written, mermaid reads ${diagram.db.getSections().length}`);
      }
    } catch (e) {
      failed += 1;
      console.error(`${file}: block ${blocks} does not parse: ${String(e.message).split("\n")[0]}\n${m[1]}`);
    }
  }
}
console.log(`mermaid: ${blocks} blocks, ${failed} failed`);
if (blocks === 0) {
  console.error("no mermaid block found: the check checked nothing");
  process.exit(1);
}
process.exit(failed === 0 ? 0 : 1);
