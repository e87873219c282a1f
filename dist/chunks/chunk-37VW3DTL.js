import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  duration,
  isRecord,
  num
} from "./chunk-JEVU4W2W.js";
import {
  NO_METRIC
} from "./chunk-RDA5MJ7X.js";
import {
  errorText
} from "./chunk-BSN4SUU4.js";

// src/storage/results-doc.ts
function parseResultsDoc(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `not JSON (${errorText(err)})`;
  }
  if (!isRecord(doc)) return "not a JSON object";
  if (typeof doc.sweep !== "string") return '"sweep" missing';
  if (typeof doc.configHash !== "string") return '"configHash" missing';
  const metric = doc.metric;
  if (!isRecord(metric) || typeof metric.name !== "string" || metric.goal !== "minimize" && metric.goal !== "maximize")
    return '"metric" must be {name, goal: minimize|maximize}';
  if (doc.best !== null) {
    const best2 = doc.best;
    if (!isRecord(best2) || !isRecord(best2.params) || !isRecord(best2.metrics)) return '"best" must be null or {key, params, metrics}';
    if (!Object.values(best2.metrics).every((v) => typeof v === "number")) return '"best.metrics" must hold numbers';
    if (best2.samples !== void 0 && !isRecord(best2.samples)) return '"best.samples" must be an object';
  }
  if (!Array.isArray(doc.trials)) return '"trials" must be an array';
  if (!isRecord(doc.stats)) return '"stats" missing';
  const replay = doc.replay;
  if (replay !== void 0 && (!isRecord(replay) || !Array.isArray(replay.runs)))
    return '"replay" must be {params, adjustments, runs, sequential?}';
  if (isRecord(replay) && replay.sequential !== void 0 && !isReplayStop(replay.sequential))
    return `"replay.sequential" must be {of, seeds, look, looks, why: past|within|all-seeds|failed}, got ${JSON.stringify(replay.sequential)}`;
  const champion = isChampion(doc.champion) ? { champion: doc.champion } : {};
  delete doc.champion;
  if (doc.cost !== void 0 && !isCost(doc.cost)) delete doc.cost;
  const best = doc.best;
  const samples = best ? best.samples ?? Object.fromEntries(Object.entries(best.metrics).map(([k, v]) => [k, [v]])) : void 0;
  return {
    gate: [],
    method: "unknown",
    backend: "unknown",
    seed: 0,
    createdAt: "",
    ...doc,
    ...champion,
    ...best ? { best: { ...best, samples } } : {}
  };
}
function isChampion(value) {
  return isRecord(value) && isRecord(value.params) && (value.settings === void 0 || isReplaySettings(value.settings)) && Array.isArray(value.runs) && value.runs.every(
    (r) => isRecord(r) && Number.isSafeInteger(r.seed) && (r.status === "complete" || r.status === "pruned" || r.status === "failed") && isRecord(r.metrics) && Object.values(r.metrics).every((v) => typeof v === "number")
  );
}
function isReplayStop(value) {
  if (!isRecord(value)) return false;
  const { of, seeds, look, looks, why } = value;
  const count = (x) => Number.isSafeInteger(x) && x >= 0;
  return count(of) && count(seeds) && seeds <= of && count(look) && Array.isArray(looks) && looks.every(count) && look >= 1 && look <= looks.length && (why === "past" || why === "within" || why === "all-seeds" || why === "failed");
}
function isReplaySettings(value) {
  return isRecord(value) && typeof value.validationSplit === "number" && Number.isSafeInteger(value.splitSeed) && (value.splitBy === void 0 || Array.isArray(value.splitBy) && value.splitBy.every((c) => typeof c === "string")) && isRecord(value.defaults);
}
function isCost(value) {
  const counts = (c) => isRecord(c) && ["spent", "cache", "sequentialStop", "replayOnly"].every((k) => Number.isSafeInteger(c[k]) && c[k] >= 0);
  return isRecord(value) && counts(value.trainings) && (value.epochs === void 0 || counts(value.epochs));
}

// src/report/progress.ts
function progressLine(p) {
  const t = p.trial;
  const v = t.metrics[p.metric];
  const status = t.status === "complete" ? "" : ` ${t.status}`;
  const how = t.cached ? "cached" : duration(t.durationMs);
  const left = p.remainingMs !== void 0 ? `, ${duration(p.remainingMs)} left` : p.total !== void 0 && p.index < p.total ? `, ~${duration(p.elapsedMs / p.index * (p.total - p.index))} left` : "";
  const counter = p.phase === "repeat" ? `${p.index}: repeat` : `${p.index}${p.total !== void 0 ? `/${p.total}` : ""}`;
  const best = p.best === void 0 ? "\u2014" : num(p.best);
  if (p.metric === NO_METRIC) return `[${counter}] ${t.status} (${how}) \xB7 ${duration(p.elapsedMs)} elapsed${left}`;
  return `[${counter}]${status} ${p.metric}=${v === void 0 ? "\u2014" : num(v)} (${how}) \xB7 best ${best} \xB7 ${duration(p.elapsedMs)} elapsed${left}`;
}

export {
  parseResultsDoc,
  progressLine
};
