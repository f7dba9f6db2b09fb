// Every fenced ```js block of README.md and of the package README
// (pkg-templates/README.md) runs as an ES module in a project that
// installed the packed package, unless the line before its fence marks it
// `<!-- snippet: not runnable (why) -->`. A block runs when it exits 0
// with nothing on stderr within 30 s. README.md's usage block is also
// checked line by line against its comments in examples.test.mjs.
// Run: scripts/build && node --test tests/js/readme.test.mjs
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";

import { ROOT, packAndInstall } from "./helpers.mjs";

const MARK = /^<!-- snippet: not runnable \(.+\) -->$/;

/** The ```js blocks of a markdown file: { line, code, runnable }. */
export function jsBlocks(markdown) {
  const lines = markdown.split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```js") continue;
    const end = lines.indexOf("```", i + 1);
    assert.ok(end > i, `unclosed block at line ${i + 1}`);
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n"), runnable: !MARK.test(lines[i - 1] ?? "") });
    i = end;
  }
  return blocks;
}

let inst;
before(() => { inst = packAndInstall("pf-readme"); });
after(() => inst?.cleanup());

for (const file of ["README.md", "pkg-templates/README.md"]) {
  describe(file, () => {
    const blocks = jsBlocks(fs.readFileSync(path.join(ROOT, file), "utf8"));

    test("has runnable blocks, and every other block says why not", () => {
      assert.ok(blocks.some((b) => b.runnable), `no runnable js block in ${file}`);
    });

    for (const b of blocks.filter((x) => x.runnable)) {
      test(`the block at line ${b.line} runs`, async () => {
        const name = `snippet-${path.basename(path.dirname(path.join(ROOT, file)))}-${b.line}.mjs`;
        fs.writeFileSync(path.join(inst.project, name), b.code + "\n");
        const { stderr } = await promisify(execFile)(process.execPath, [name], { cwd: inst.project, timeout: 30_000 });
        assert.equal(stderr, "", stderr);
      });
    }
  });
}
