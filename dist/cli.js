#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  parseResultsDoc,
  progressLine
} from "./chunks/chunk-37VW3DTL.js";
import {
  concludeSweep,
  explainConfig,
  finishShards,
  loadConfig,
  mergeShards,
  nothingMerged,
  runSweep
} from "./chunks/chunk-WPJNAUWZ.js";
import {
  paramsLine,
  parseDuration,
  parseShard,
  parseThreshold
} from "./chunks/chunk-JEVU4W2W.js";
import "./chunks/chunk-ZBK6FFII.js";
import "./chunks/chunk-XXUPUARK.js";
import "./chunks/chunk-HUKQ7NIW.js";
import "./chunks/chunk-RDA5MJ7X.js";
import "./chunks/chunk-2PM7NPGU.js";
import "./chunks/chunk-5ZKIV7AL.js";
import {
  BACKEND_CHOICES
} from "./chunks/chunk-R5QEHD35.js";
import {
  ClassifiedError,
  classifyError,
  errorText,
  namedErrorText
} from "./chunks/chunk-BSN4SUU4.js";

// src/cli/main.ts
import { mkdir, readFile as readFile2, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

// src/cli/merge.ts
import { readFile } from "node:fs/promises";
async function readShardDoc(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new MergeInputError(`merge: cannot read ${file}: ${errorText(err)}`);
  }
  const doc = parseResultsDoc(text);
  if (typeof doc === "string") throw new MergeInputError(`merge: ${file} is not a sweepgate results JSON: ${doc}`);
  const s = doc.shard;
  if (!s || !Number.isSafeInteger(s.index) || !Number.isSafeInteger(s.count) || s.index < 1 || s.index > s.count)
    throw new MergeInputError(`merge: ${file} is not a shard's results (no "shard": {index, count}); write it with run --shard i/n --json`);
  return doc;
}
var MergeInputError = class extends ClassifiedError {
  name = "MergeInputError";
  errorClass = "config";
  invalid = "input";
};
async function mergeRun(req) {
  const docs = await Promise.all(req.files.map(readShardDoc));
  const counts = new Set(docs.map((d) => d.shard.count));
  if (counts.size !== 1)
    throw new MergeInputError(`merge: the files come from splits of different sizes (${[...counts].join(", ")} shards)`);
  const count = docs[0].shard.count;
  const seen = /* @__PURE__ */ new Map();
  docs.forEach((d, i) => {
    const before = seen.get(d.shard.index);
    if (before) throw new MergeInputError(`merge: ${before} and ${req.files[i]} are both shard ${d.shard.index}/${count}`);
    seen.set(d.shard.index, req.files[i]);
  });
  const config = await loadConfig(req.configPath);
  const problems = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i)).map((index) => ({ index, why: "missing: no file given" }));
  for (const d of docs)
    if (d.configHash !== config.configHash)
      throw new MergeInputError(`merge: shard ${d.shard.index}/${count} ran another config (${d.configHash})`);
  const parts = docs.map((results2) => ({ index: results2.shard.index, results: results2 }));
  const merged = parts.length > 0 ? mergeShards(count, parts, problems) : nothingMerged(config, count, problems);
  const { config: used, results } = await finishShards(
    {
      configPath: req.configPath,
      ...req.overrides ? { overrides: req.overrides } : {},
      mode: {
        ...req.cacheDir !== void 0 ? { cacheDir: req.cacheDir } : {},
        champion: req.baseline ? { mode: "replay", baseline: req.baseline } : { mode: "record" }
      },
      ports: { log: req.log }
    },
    merged
  );
  const conclusion = concludeSweep({
    results,
    gate: used.gate,
    space: used.space,
    ...req.baseline ? { compareWith: { baseline: req.baseline } } : {},
    ...req.accepted !== void 0 ? { accepted: { reason: req.accepted } } : {},
    layout: { baselineHowTo: "Pass a results JSON from another run with --baseline to compare.", maxChars: Number.POSITIVE_INFINITY }
  });
  const named = problems.map((p) => `shard ${p.index}/${count}`).join(", ");
  return {
    results,
    conclusion,
    ...problems.length > 0 && !req.allowMissingShards ? {
      shardsFailure: `sweepgate: ${problems.length} of ${count} shards missing (${named}); pass --allow-missing-shards to let the rest decide`
    } : {}
  };
}

// src/cli/main.ts
var VERSION = true ? "0.1.0" : "dev";
var EXIT = { ok: 0, failed: 1, usage: 2 };
var USAGE = `Usage:
  sweepgate run <sweep.yml> [options]    run the sweep; markdown report on stdout, progress on stderr
  sweepgate merge <sweep.yml> <shard.json>...
                                         merge the --json documents of run --shard i/n, record the
                                         champion (or replay --baseline's), report and gate like run
  sweepgate validate <sweep.yml>         check a config, print its warnings and exit (0 valid, 2 invalid)
  sweepgate validate --explain <sweep.yml>
                                         also show how each parameter was understood, the budget and
                                         the exact command line of the first trial

Options for run:
  --cache-dir DIR     trial store (default: .sweepgate/ beside the config)
  --json FILE         write the results document (JSON)
  --markdown FILE     write the markdown report to FILE as well
  --baseline FILE     a results JSON to compare with; exit 1 when the gate fails
  --accept-regression REASON
                      with --baseline: a failed gate exits 0; the report shows the verdict and "accepted: REASON"
  --no-search         with --baseline: replay the baseline's champion only, no search (a replay-only PR,
                      like the config's pr.search: false); rules on: best then fail
  --max-regression T  gate the sweep metric: absolute (0.01) or relative (2%), like the Action's input;
                      a gate: rule for that metric in the config wins
  --seed N            override the config's seed
  --parallel N        trials at once (default: the config's parallel; else, for the built-in trainer, one worker thread per core capped for memory, and 1 for programs and modules)
  --trial-timeout T   stop a trial (and every process it started) after T: seconds or 90s, 5m, 1h30m;
                      it is recorded as failed (timeout) and the sweep goes on (default: the config's trial_timeout)
  --backend NAME      auto | tensorflow | wasm | cpu (default auto)
  --shard i/n         run shard i of n (1-based): every n-th trial of grid, random, quasirandom and manual
                      sweeps, a sub-seeded stream for bayes and tpe; no champion is recorded and nothing is
                      gated (merge does both); write it with --json for merge
  --allow-missing-shards
                      merge: shards without a file are named in the report but do not fail it
  --quiet             no progress on stderr
  --version, --help
Exit status: 0 done (gate passed), 1 gate failed or run error, 2 invalid config or arguments.
`;
var UsageError = class extends ClassifiedError {
  name = "UsageError";
  errorClass = "config";
  invalid = "input";
};
async function main(argv, io) {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    return fail(err, io);
  }
}
function fail(err, io) {
  const { errorClass, invalid } = classifyError(err);
  if (errorClass !== "config") {
    io.stderr(`sweepgate: ${namedErrorText(err)}
`);
    return EXIT.failed;
  }
  const message = errorText(err);
  if (invalid === "config") io.stderr(`sweepgate: invalid config
${indent(message)}
`);
  else if (invalid === "data") io.stderr(`sweepgate: invalid data: ${message}
`);
  else io.stderr(`sweepgate: ${message}

${USAGE}`);
  return EXIT.usage;
}
var OPTIONS = {
  "cache-dir": { type: "string" },
  json: { type: "string" },
  markdown: { type: "string" },
  baseline: { type: "string" },
  "accept-regression": { type: "string" },
  "max-regression": { type: "string" },
  "no-search": { type: "boolean" },
  seed: { type: "string" },
  parallel: { type: "string" },
  "trial-timeout": { type: "string" },
  backend: { type: "string" },
  shard: { type: "string" },
  "allow-missing-shards": { type: "boolean" },
  quiet: { type: "boolean" },
  explain: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" }
};
async function dispatch(argv, io) {
  const command = parseCommand(argv);
  switch (command.kind) {
    case "help":
      io.stdout(USAGE);
      return EXIT.ok;
    case "version":
      io.stdout(`sweepgate ${VERSION}
`);
      return EXIT.ok;
    case "validate":
      await validate(command.configPath, command.explain, io);
      return EXIT.ok;
    case "run":
      return runCommand(await runRequest(command.configPath, command.flags), io);
    case "merge":
      return mergeCommand(await runRequest(command.configPath, command.flags), command.files, command.flags, io);
  }
}
function parseCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    throw new UsageError(errorText(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, configPath, ...extra] = positionals;
  if (command === void 0) throw new UsageError("missing command");
  if (command !== "run" && command !== "validate" && command !== "merge")
    throw new UsageError(`unknown command ${JSON.stringify(command)} (expected run, merge or validate)`);
  if (configPath === void 0) throw new UsageError(`${command} needs the path of a sweep config`);
  if (command === "merge") {
    if (extra.length === 0) throw new UsageError("merge needs the shard documents (the --json files of run --shard i/n)");
    if (values.shard !== void 0) throw new UsageError(`--shard goes with run, not merge, got --shard ${values.shard}`);
    return { kind: "merge", configPath, files: extra, flags: values };
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values["allow-missing-shards"]) throw new UsageError("--allow-missing-shards goes with merge");
  if (values.explain && command !== "validate") throw new UsageError("--explain goes with validate");
  return command === "validate" ? { kind: "validate", configPath, explain: values.explain === true } : { kind: "run", configPath, flags: values };
}
async function validate(configPath, explain, io) {
  const config = await loadConfig(configPath);
  for (const w of config.warnings) io.stderr(`warning: ${w}
`);
  io.stdout(
    `${configPath}: valid (${config.method}, ${config.space.length} parameters, metric ${config.metric.name} ${config.metric.goal})
`
  );
  if (explain) io.stdout(await explainConfig(config));
}
async function runRequest(configPath, flags) {
  const seed = flags.seed === void 0 ? void 0 : parseInteger("--seed", flags.seed);
  const parallel = flags.parallel === void 0 ? void 0 : parseInteger("--parallel", flags.parallel, 1, 64);
  const backend = flags.backend === void 0 ? "auto" : parseBackend(flags.backend);
  const trialTimeoutMs = usage(
    () => flags["trial-timeout"] === void 0 ? void 0 : parseDuration(flags["trial-timeout"], "--trial-timeout")
  );
  const baseline = flags.baseline === void 0 ? void 0 : await readBaseline(flags.baseline);
  const acceptRegression = flags["accept-regression"]?.trim();
  if (acceptRegression !== void 0 && acceptRegression === "")
    throw new UsageError('--accept-regression needs a reason (why the regression is accepted), got ""');
  if (acceptRegression !== void 0 && baseline === void 0)
    throw new UsageError(
      `--accept-regression goes with --baseline (there is no gate without one), got --accept-regression ${JSON.stringify(acceptRegression)}`
    );
  const shard = flags.shard === void 0 ? void 0 : parseShardFlag(flags.shard);
  if (flags["no-search"] && baseline === void 0)
    throw new UsageError("--no-search goes with --baseline: without one this run records a baseline, and a baseline needs the search");
  const maxRegression = flags["max-regression"];
  const threshold = usage(
    () => maxRegression === void 0 ? void 0 : parseThreshold(maxRegression, "--max-regression")
  );
  return {
    configPath,
    overrides: {
      ...seed !== void 0 ? { seed } : {},
      ...parallel !== void 0 ? { parallel } : {},
      ...trialTimeoutMs !== void 0 ? { trialTimeoutMs } : {},
      ...threshold ? { maxRegression: threshold } : {},
      ...flags["no-search"] ? { search: false } : {},
      backend
    },
    ...flags["cache-dir"] !== void 0 ? { cacheDir: flags["cache-dir"] } : {},
    ...baseline ? { baseline } : {},
    ...acceptRegression !== void 0 ? { acceptRegression } : {},
    ...flags.json !== void 0 ? { json: flags.json } : {},
    ...flags.markdown !== void 0 ? { markdown: flags.markdown } : {},
    quiet: flags.quiet === true,
    ...shard ? { shard } : {}
  };
}
function parseShardFlag(text) {
  const shard = parseShard(text);
  if (typeof shard === "string") throw new UsageError(`--shard ${shard}`);
  return shard;
}
function usage(read) {
  try {
    return read();
  } catch (err) {
    throw new UsageError(errorText(err));
  }
}
async function runCommand(req, io) {
  const { baseline, quiet } = req;
  const progress = quiet ? void 0 : (p) => io.stderr(`${progressLine(p)}
`);
  const { config, results } = await runSweep({
    configPath: req.configPath,
    overrides: req.overrides,
    mode: {
      ...req.cacheDir !== void 0 ? { cacheDir: req.cacheDir } : {},
      // With a baseline, replay its champion (as a PR does); without, record this run's (as main does), so the
      // --json document can itself serve as a --baseline.
      champion: baseline ? { mode: "replay", baseline } : { mode: "record" },
      ...req.shard ? { shard: req.shard } : {}
    },
    ports: {
      log: {
        info: (m) => !quiet && io.stderr(`${m}
`),
        warn: (m) => io.stderr(`warning: ${m}
`),
        ...progress ? { progress } : {}
      }
    }
  });
  const conclusion = concludeSweep({
    results,
    gate: config.gate,
    space: config.space,
    // A shard is compared and gated only once merged (`sweepgate merge`).
    ...baseline && !req.shard ? { compareWith: { baseline } } : {},
    ...req.acceptRegression !== void 0 ? { accepted: { reason: req.acceptRegression } } : {},
    layout: {
      ...req.shard ? { title: `sweepgate: ${config.name} (shard ${req.shard.index}/${req.shard.count})` } : {},
      baselineHowTo: req.shard ? "This is one shard: `sweepgate merge` merges the shards, compares and gates." : "Pass a results JSON from another run with --baseline to compare.",
      maxChars: Number.POSITIVE_INFINITY
    }
  });
  const shardDecision = req.shard && conclusion.decision.kind === "nothing-finished" ? { decision: { kind: "passed" } } : {};
  return present(req, results, { ...conclusion, ...shardDecision }, io);
}
async function mergeCommand(req, files, flags, io) {
  const { results, conclusion, shardsFailure } = await mergeRun({
    configPath: req.configPath,
    files,
    overrides: req.overrides,
    ...req.cacheDir !== void 0 ? { cacheDir: req.cacheDir } : {},
    ...req.baseline ? { baseline: req.baseline } : {},
    ...req.acceptRegression !== void 0 ? { accepted: req.acceptRegression } : {},
    allowMissingShards: flags["allow-missing-shards"] === true,
    log: { info: (m) => !req.quiet && io.stderr(`${m}
`), warn: (m) => io.stderr(`warning: ${m}
`) }
  });
  const status = await present(req, results, conclusion, io);
  if (shardsFailure === void 0) return status;
  io.stderr(`${shardsFailure}
`);
  return EXIT.failed;
}
async function present(req, results, conclusion, io) {
  const report = conclusion.report.full;
  io.stdout(report);
  let written = true;
  for (const [file, text] of [
    [req.json, `${JSON.stringify(results, null, 2)}
`],
    [req.markdown, report]
  ]) {
    if (file === void 0) continue;
    try {
      await writeOut(file, text);
    } catch (err) {
      written = false;
      io.stderr(`sweepgate: cannot write ${file}: ${errorText(err)}
`);
    }
  }
  if (!req.quiet && results.best) io.stderr(`best: ${paramsLine(results.best.params)}
`);
  const { decision } = conclusion;
  if (decision.kind === "accepted") io.stderr(`${decision.message}
`);
  else if (decision.kind !== "passed") {
    io.stderr(`${decision.message}
`);
    return EXIT.failed;
  }
  return written ? EXIT.ok : EXIT.failed;
}
function parseInteger(flag, text, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n))
    throw new UsageError(`${flag} must be an integer but got ${JSON.stringify(text)}`);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max} but got ${n}`);
  return n;
}
function parseBackend(text) {
  const choice = BACKEND_CHOICES.find((c) => c === text);
  if (choice === void 0) throw new UsageError(`--backend must be one of ${BACKEND_CHOICES.join(", ")} but got ${JSON.stringify(text)}`);
  return choice;
}
async function readBaseline(file) {
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch (err) {
    throw new UsageError(`--baseline: cannot read ${file}: ${errorText(err)}`);
  }
  const doc = parseResultsDoc(text);
  if (typeof doc === "string") throw new UsageError(`--baseline: ${file} is not a sweepgate results JSON: ${doc}`);
  return doc;
}
async function writeOut(file, text) {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, text, "utf8");
}
function indent(text) {
  return text.split("\n").map((l) => `  ${l}`).join("\n");
}

// src/cli/index.ts
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143]
])
  process.once(signal, () => process.exit(code));
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY === true
});
