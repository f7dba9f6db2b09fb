// Every fenced ```js block of README.md and of the package README
// (pkg-templates/README.md) runs as an ES module in a project that
// installed the packed package, unless the line before its fence marks it
// `<!-- snippet: not runnable (why) -->`. A block runs when it exits 0
// with nothing on stderr within 30 s. README.md's usage block is also
// checked line by line against its comments in examples.test.mjs. Also
// the tarball's hygiene: licence texts, changelog, repository fields,
// types for every export subpath, the glue's own .d.ts.
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

describe("tarball hygiene", () => {
  const pj = () => JSON.parse(fs.readFileSync(path.join(inst.project, "node_modules/promptfence/package.json"), "utf8"));

  test("licence texts, changelog and repository / homepage / bugs", () => {
    for (const f of ["LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md", "NOTICE", "README.md"]) {
      assert.ok(inst.files.includes(f), `${f} missing from the tarball`);
    }
    const p = pj();
    assert.match(p.repository?.url ?? "", /^git\+https:/);
    assert.match(p.homepage ?? "", /^https:/);
    assert.match(p.bugs?.url ?? "", /^https:/);
    const changelog = fs.readFileSync(path.join(inst.project, "node_modules/promptfence/CHANGELOG.md"), "utf8");
    assert.ok(changelog.includes(`## ${p.version}`), `CHANGELOG.md has no section for ${p.version}`);
  });

  test("every export subpath ships its files, and every JS subpath has types", () => {
    const exp = pj().exports;
    for (const sub of [".", "./sse", "./fetch", "./react", "./inline"]) assert.ok(exp[sub], `no ${sub} subpath`);
    assert.ok(exp["."]["edge-light"], "no edge-light condition");
    for (const [sub, target] of Object.entries(exp)) {
      const targets = typeof target === "string" ? [target] : Object.values(target);
      for (const t of targets) assert.ok(inst.files.includes(t.replace(/^\.\//, "")), `${sub}: ${t} not shipped`);
      if (typeof target === "object") {
        assert.equal(Object.keys(target)[0], "types", `${sub}: types must come first`);
      } else {
        assert.ok(!target.endsWith(".js"), `${sub}: a JS subpath without types`);
      }
    }
  });

  test("the glue: its own .d.ts ships, and no default wasm URL is left for bundlers to chase", () => {
    const glue = fs.readFileSync(path.join(inst.project, "node_modules/promptfence/wasm/promptfence.js"), "utf8");
    const self = glue.match(/@ts-self-types="\.\/([^"]+)"/);
    assert.ok(self && inst.files.includes(`wasm/${self[1]}`), "wasm/promptfence.d.ts not shipped");
    assert.ok(!glue.includes("import.meta.url"), "the glue still names a wasm URL");
    const entry = fs.readFileSync(path.join(inst.project, "node_modules/promptfence/index.js"), "utf8");
    assert.ok(entry.includes('new URL("./promptfence_bg.wasm", import.meta.url)'), "the browser entry's asset URL");
  });
});

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
