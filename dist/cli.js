#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  buildReport,
  metricVerdict,
  noTrialVerdict,
  paramsLine,
  parseResultsDoc,
  progressLine
} from "./chunks/chunk-6Q3B4OIL.js";
import {
  explainConfig,
  loadConfig,
  runSweep
} from "./chunks/chunk-M2CZCYJ3.js";
import {
  NO_METRIC,
  compareResults,
  isGateFailure,
  parseDuration,
  parseThreshold
} from "./chunks/chunk-VMRLC3AO.js";
import {
  DatasetError
} from "./chunks/chunk-O6PKMZ34.js";
import {
  ConfigError,
  ConfigErrors,
  errorText
} from "./chunks/chunk-IJZM4NT2.js";

// src/cli/main.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
var BACKEND_CHOICES = ["auto", "tensorflow", "wasm", "cpu"];
var VERSION = true ? "0.1.0" : "dev";
var EXIT = { ok: 0, failed: 1, usage: 2 };
var USAGE = `Usage:
  sweepgate run <sweep.yml> [options]    run the sweep; markdown report on stdout, progress on stderr
  sweepgate validate <sweep.yml>         check a config, print its warnings and exit (0 valid, 2 invalid)
  sweepgate validate --explain <sweep.yml>
                                         also show how each parameter was understood, the budget and
                                         the exact command line of the first trial

Options for run:
  --cache-dir DIR     trial store (default: .sweepgate/ beside the config)
  --json FILE         write the results document (JSON)
  --markdown FILE     write the markdown report to FILE as well
  --baseline FILE     a results JSON to compare with; exit 1 when the gate fails
  --max-regression T  gate the sweep metric: absolute (0.01) or relative (2%), like the Action's input;
                      a gate: rule for that metric in the config wins
  --seed N            override the config's seed
  --parallel N        trials at once (default: the config's parallel; else, for the built-in trainer, one worker thread per core capped for memory, and 1 for programs and modules)
  --trial-timeout T   stop a trial (and every process it started) after T: seconds or 90s, 5m, 1h30m;
                      it is recorded as failed (timeout) and the sweep goes on (default: the config's trial_timeout)
  --backend NAME      auto | tensorflow | wasm | cpu (default auto)
  --quiet             no progress on stderr
  --version, --help
Exit status: 0 done (gate passed), 1 gate failed or run error, 2 invalid config or arguments.
`;
var UsageError = class extends Error {
  name = "UsageError";
};
async function main(argv, io) {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof ConfigErrors || err instanceof ConfigError) {
      io.stderr(`sweepgate: invalid config
${indent(err.message)}
`);
      return EXIT.usage;
    }
    if (err instanceof DatasetError) {
      io.stderr(`sweepgate: invalid data: ${err.message}
`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.stderr(`sweepgate: ${err.message}

${USAGE}`);
      return EXIT.usage;
    }
    io.stderr(`sweepgate: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}
`);
    return EXIT.failed;
  }
}
async function dispatch(argv, io) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        "cache-dir": { type: "string" },
        json: { type: "string" },
        markdown: { type: "string" },
        baseline: { type: "string" },
        "max-regression": { type: "string" },
        seed: { type: "string" },
        parallel: { type: "string" },
        "trial-timeout": { type: "string" },
        backend: { type: "string" },
        quiet: { type: "boolean" },
        explain: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" }
      }
    });
  } catch (err) {
    throw new UsageError(errorText(err));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`sweepgate ${VERSION}
`);
    return EXIT.ok;
  }
  const [command, configPath, ...extra] = positionals;
  if (command === void 0) throw new UsageError("missing command");
  if (command !== "run" && command !== "validate") throw new UsageError(`unknown command ${JSON.stringify(command)} (expected run or validate)`);
  if (configPath === void 0) throw new UsageError(`${command} needs the path of a sweep config`);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.explain && command !== "validate") throw new UsageError("--explain goes with validate");
  if (command === "validate") {
    const config2 = await loadConfig(configPath);
    for (const w of config2.warnings) io.stderr(`warning: ${w}
`);
    io.stdout(`${configPath}: valid (${config2.method}, ${config2.space.length} parameters, metric ${config2.metric.name} ${config2.metric.goal})
`);
    if (values.explain) io.stdout(await explainConfig(config2));
    return EXIT.ok;
  }
  const seed = values.seed === void 0 ? void 0 : parseInteger("--seed", values.seed);
  const parallel = values.parallel === void 0 ? void 0 : parseInteger("--parallel", values.parallel, 1, 64);
  const backend = values.backend === void 0 ? "auto" : parseBackend(values.backend);
  let trialTimeoutMs;
  try {
    trialTimeoutMs = values["trial-timeout"] === void 0 ? void 0 : parseDuration(values["trial-timeout"], "--trial-timeout");
  } catch (err) {
    throw new UsageError(errorText(err));
  }
  const baseline = values.baseline === void 0 ? void 0 : await readBaseline(values.baseline);
  const maxRegression = values["max-regression"];
  let threshold;
  try {
    threshold = maxRegression === void 0 ? void 0 : parseThreshold(maxRegression, "--max-regression");
  } catch (err) {
    throw new UsageError(errorText(err));
  }
  const progress = values.quiet ? void 0 : (p) => io.stderr(`${progressLine(p)}
`);
  const { config, results } = await runSweep({
    configPath,
    ...values["cache-dir"] !== void 0 ? { cacheDir: values["cache-dir"] } : {},
    ...seed !== void 0 ? { seed } : {},
    ...parallel !== void 0 ? { parallel } : {},
    ...trialTimeoutMs !== void 0 ? { trialTimeoutMs } : {},
    ...threshold ? { maxRegression: threshold } : {},
    backend,
    // With a baseline, replay its champion (as a PR does); without, record this run's (as main does), so the
    // --json document can itself serve as a --baseline.
    champion: baseline ? { mode: "replay", baseline } : { mode: "record" },
    log: {
      info: (m) => !values.quiet && io.stderr(`${m}
`),
      warn: (m) => io.stderr(`warning: ${m}
`),
      ...progress ? { progress } : {}
    }
  });
  const comparison = baseline ? compareResults(baseline, results, config.gate) : void 0;
  const report = buildReport({
    results,
    ...comparison ? { comparison } : {},
    baselineHowTo: "Pass a results JSON from another run with --baseline to compare.",
    maxChars: Number.POSITIVE_INFINITY
  });
  io.stdout(report);
  let written = true;
  for (const [file, text] of [
    [values.json, `${JSON.stringify(results, null, 2)}
`],
    [values.markdown, report]
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
  if (!values.quiet && results.best) io.stderr(`best: ${paramsLine(results.best.params)}
`);
  const done = results.best !== null || results.metric.name === NO_METRIC && results.stats.trials > results.stats.failed;
  if (!done) {
    io.stderr(`sweepgate: ${noTrialVerdict(results)}
`);
    return EXIT.failed;
  }
  if (comparison?.regressed) {
    io.stderr(`sweepgate: gate failed: ${comparison.metrics.filter(isGateFailure).map(metricVerdict).join("; ")}
`);
    return EXIT.failed;
  }
  return written ? EXIT.ok : EXIT.failed;
}
function parseInteger(flag, text, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} must be an integer but got ${JSON.stringify(text)}`);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max} but got ${n}`);
  return n;
}
function parseBackend(text) {
  if (!BACKEND_CHOICES.includes(text))
    throw new UsageError(`--backend must be one of ${BACKEND_CHOICES.join(", ")} but got ${JSON.stringify(text)}`);
  return text;
}
async function readBaseline(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
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
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) process.once(signal, () => process.exit(code));
process.exitCode = await main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY === true });
