import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  COMMENT_MAX_CHARS,
  ContinuousDistribution,
  DEFAULT_CHAMPION_SEEDS,
  DEFAULT_TRIALS,
  DISTRIBUTION_ARGS,
  DISTRIBUTION_DEFAULTS,
  DISTRIBUTION_NAMES,
  FINALISTS,
  IntUniformDistribution,
  Issues,
  LogUniformDistribution,
  MAX_SUPPORT,
  QuantisedDistribution,
  acceptanceText,
  buildReport,
  championSeeds,
  checkManualKey,
  checkShardable,
  compareResults,
  concurrentTrials,
  describeSearch,
  exitCause,
  finishedWithoutMetric,
  formatPath,
  has,
  int,
  isDistributionArgIssue,
  isGateFailure,
  isRecord,
  judgedRules,
  loosenedSentence,
  makeDistribution,
  metricVerdict,
  neutralParams,
  noTrialVerdict,
  num2 as num,
  parseBudget,
  parseDuration,
  parseEarlyTerminate,
  parseFingerprint,
  parseGate,
  parseManualConfigs,
  parseMetric,
  parseStages,
  parseTrialRecord,
  planReplay,
  planStages,
  planWarmStart,
  plannedSearchTrials,
  plannedTrainings,
  plannedTrials,
  rankedTrialIndices,
  replaySettingsOf,
  replayStop,
  replayTrainer,
  runSeeds,
  runStudy,
  settingsChanges,
  shardItems,
  shardPosition,
  str,
  trainsOnce,
  withMaxRegression
} from "./chunk-JEVU4W2W.js";
import {
  CONTINUE,
  STOP,
  TRAINER_HYPERPARAMETERS,
  checkHyperparameter,
  createImageObjective,
  createTabularObjective,
  hyperparameterProblems,
  normalisationProblem,
  resolveHyperparameters,
  trainerShape,
  validationFileProblem
} from "./chunk-ZBK6FFII.js";
import {
  canonicalJson,
  hashJson,
  sha256Hex
} from "./chunk-XXUPUARK.js";
import {
  mergeReports
} from "./chunk-HUKQ7NIW.js";
import {
  NO_METRIC
} from "./chunk-RDA5MJ7X.js";
import {
  DatasetError,
  displayPath
} from "./chunk-2PM7NPGU.js";
import {
  BackendError,
  loadTf
} from "./chunk-5ZKIV7AL.js";
import {
  isBackendName
} from "./chunk-R5QEHD35.js";
import {
  ConfigError,
  TrialError,
  __commonJS,
  __require,
  __toESM,
  classifyError,
  configIssue,
  errorText,
  show
} from "./chunk-BSN4SUU4.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias3 = __name3((node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS, "isAlias");
    var isDocument = __name3((node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC, "isDocument");
    var isMap3 = __name3((node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP, "isMap");
    var isPair2 = __name3((node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR, "isPair");
    var isScalar3 = __name3((node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR, "isScalar");
    var isSeq3 = __name3((node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ, "isSeq");
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    __name3(isCollection, "isCollection");
    function isNode2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    __name3(isNode2, "isNode");
    var hasAnchor = __name3((node) => (isScalar3(node) || isCollection(node)) && !!node.anchor, "hasAnchor");
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias3;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode2;
    exports.isPair = isPair2;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    __name3(visit, "visit");
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path11) {
      const ctrl = callVisitor(key, node, visitor, path11);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path11, ctrl);
        return visit_(key, ctrl, visitor, path11);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path11 = Object.freeze(path11.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path11);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path11 = Object.freeze(path11.concat(node));
          const ck = visit_("key", node.key, visitor, path11);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path11);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    __name3(visit_, "visit_");
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    __name3(visitAsync, "visitAsync");
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path11) {
      const ctrl = await callVisitor(key, node, visitor, path11);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path11, ctrl);
        return visitAsync_(key, ctrl, visitor, path11);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path11 = Object.freeze(path11.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path11);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path11 = Object.freeze(path11.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path11);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path11);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    __name3(visitAsync_, "visitAsync_");
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    __name3(initVisitor, "initVisitor");
    function callVisitor(key, node, visitor, path11) {
      if (typeof visitor === "function")
        return visitor(key, node, path11);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path11);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path11);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path11);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path11);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path11);
      return void 0;
    }
    __name3(callVisitor, "callVisitor");
    function replaceNode(key, path11, node) {
      const parent = path11[path11.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    __name3(replaceNode, "replaceNode");
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = __name3((tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]), "escapeTagName");
    var Directives = class _Directives {
      static {
        __name3(this, "Directives");
      }
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    __name3(anchorIsValid, "anchorIsValid");
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    __name3(anchorNames, "anchorNames");
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    __name3(findNewAnchor, "findNewAnchor");
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: __name3((source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        }, "onAnchor"),
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: __name3(() => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        }, "setAnchors"),
        sourceObjects
      };
    }
    __name3(createNodeAnchors, "createNodeAnchors");
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    __name3(applyReviver, "applyReviver");
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    __name3(toJS, "toJS");
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      static {
        __name3(this, "NodeBase");
      }
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      static {
        __name3(this, "Alias");
      }
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: __name3((_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }, "Node")
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    __name3(getAliasCount, "getAliasCount");
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = __name3((value) => !value || typeof value !== "function" && typeof value !== "object", "isScalarValue");
    var Scalar2 = class extends Node.NodeBase {
      static {
        __name3(this, "Scalar");
      }
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar2.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar2.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar2.PLAIN = "PLAIN";
    Scalar2.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar2.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar2;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    __name3(findTagObject, "findTagObject");
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar2.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar2.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    __name3(createNode, "createNode");
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path11, value) {
      let v = value;
      for (let i = path11.length - 1; i >= 0; --i) {
        const k = path11[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: __name3(() => {
          throw new Error("This should not happen, please report a bug.");
        }, "onAnchor"),
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    __name3(collectionFromPath, "collectionFromPath");
    var isEmptyPath = __name3((path11) => path11 == null || typeof path11 === "object" && !!path11[Symbol.iterator]().next().done, "isEmptyPath");
    var Collection = class extends Node.NodeBase {
      static {
        __name3(this, "Collection");
      }
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path11, value) {
        if (isEmptyPath(path11))
          this.add(value);
        else {
          const [key, ...rest] = path11;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path11) {
        const [key, ...rest] = path11;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path11, keepScalar) {
        const [key, ...rest] = path11;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path11) {
        const [key, ...rest] = path11;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path11, value) {
        const [key, ...rest] = path11;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var stringifyComment = __name3((str2) => str2.replace(/^(?!$)(?: $)?/gm, "#"), "stringifyComment");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    __name3(indentComment, "indentComment");
    var lineComment = __name3((str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment, "lineComment");
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    __name3(foldFlowLines, "foldFlowLines");
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    __name3(consumeMoreIndentedLines, "consumeMoreIndentedLines");
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = __name3((ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    }), "getFoldOptions");
    var containsDocumentMarker = __name3((str2) => /^(%|---|\.\.\.)/m.test(str2), "containsDocumentMarker");
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    __name3(lineLengthOverLimit, "lineLengthOverLimit");
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    __name3(doubleQuotedString, "doubleQuotedString");
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    __name3(singleQuotedString, "singleQuotedString");
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    __name3(quotedString, "quotedString");
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar2.Scalar.BLOCK_FOLDED ? false : type === Scalar2.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar2.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    __name3(blockString, "blockString");
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar2.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = __name3((tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2), "test");
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    __name3(plainString, "plainString");
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar2.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = __name3((_type) => {
        switch (_type) {
          case Scalar2.Scalar.BLOCK_FOLDED:
          case Scalar2.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar2.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      }, "_stringify");
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    __name3(stringifyString, "stringifyString");
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    __name3(createStringifyContext, "createStringifyContext");
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    __name3(getTagObject, "getTagObject");
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    __name3(stringifyProps, "stringifyProps");
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: __name3((o) => tagObj = o, "onTagObj") });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    __name3(stringify, "stringify");
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar2.Scalar.BLOCK_FOLDED || key.type === Scalar2.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    __name3(stringifyPair, "stringifyPair");
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    __name3(debug, "debug");
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    __name3(warn, "warn");
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: __name3((value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY, "identify"),
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: __name3(() => Object.assign(new Scalar2.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }), "resolve"),
      stringify: __name3(() => MERGE_KEY, "stringify")
    };
    var isMergeKey = __name3((ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar2.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default), "isMergeKey");
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    __name3(addMergeToJSMap, "addMergeToJSMap");
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    __name3(mergeValue, "mergeValue");
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    __name3(resolveAliasValue, "resolveAliasValue");
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var log2 = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    __name3(addPairToJSMap, "addPairToJSMap");
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log2.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    __name3(stringifyKey, "stringifyKey");
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    __name3(createPair, "createPair");
    var Pair = class _Pair {
      static {
        __name3(this, "Pair");
      }
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    __name3(stringifyCollection, "stringifyCollection");
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str22 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str22 += stringifyComment.lineComment(str22, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str22);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    __name3(stringifyBlockCollection, "stringifyBlockCollection");
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    __name3(stringifyFlowCollection, "stringifyFlowCollection");
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    __name3(addCommentBefore, "addCommentBefore");
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    __name3(findPair, "findPair");
    var YAMLMap = class extends Collection.Collection {
      static {
        __name3(this, "YAMLMap");
      }
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = __name3((key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        }, "add");
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar2.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: __name3((schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx), "createNode")
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static {
        __name3(this, "YAMLSeq");
      }
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar2.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    __name3(asItemIndex, "asItemIndex");
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: __name3((schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx), "createNode")
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var stringifyString = require_stringifyString();
    var string = {
      identify: __name3((value) => typeof value === "string", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: __name3((str2) => str2, "resolve"),
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    var nullTag = {
      identify: __name3((value) => value == null, "identify"),
      createNode: __name3(() => new Scalar2.Scalar(null), "createNode"),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: __name3(() => new Scalar2.Scalar(null), "resolve"),
      stringify: __name3(({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr, "stringify")
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    var boolTag = {
      identify: __name3((value) => typeof value === "boolean", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: __name3((str2) => new Scalar2.Scalar(str2[0] === "t" || str2[0] === "T"), "resolve"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    __name3(stringifyNumber, "stringifyNumber");
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: __name3((value) => typeof value === "number", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: __name3((str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY, "resolve"),
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: __name3((value) => typeof value === "number", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: __name3((str2) => parseFloat(str2), "resolve"),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: __name3((value) => typeof value === "number", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar2.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = __name3((value) => typeof value === "bigint" || Number.isInteger(value), "intIdentify");
    var intResolve = __name3((str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix), "intResolve");
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    __name3(intStringify, "intStringify");
    var intOct = {
      identify: __name3((value) => intIdentify(value) && value >= 0, "identify"),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: __name3((str2, _onError, opt) => intResolve(str2, 2, 8, opt), "resolve"),
      stringify: __name3((node) => intStringify(node, 8, "0o"), "stringify")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: __name3((str2, _onError, opt) => intResolve(str2, 0, 10, opt), "resolve"),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: __name3((value) => intIdentify(value) && value >= 0, "identify"),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: __name3((str2, _onError, opt) => intResolve(str2, 2, 16, opt), "resolve"),
      stringify: __name3((node) => intStringify(node, 16, "0x"), "stringify")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    __name3(intIdentify, "intIdentify");
    var stringifyJSON = __name3(({ value }) => JSON.stringify(value), "stringifyJSON");
    var jsonScalars = [
      {
        identify: __name3((value) => typeof value === "string", "identify"),
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: __name3((str2) => str2, "resolve"),
        stringify: stringifyJSON
      },
      {
        identify: __name3((value) => value == null, "identify"),
        createNode: __name3(() => new Scalar2.Scalar(null), "createNode"),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: __name3(() => null, "resolve"),
        stringify: stringifyJSON
      },
      {
        identify: __name3((value) => typeof value === "boolean", "identify"),
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: __name3((str2) => str2 === "true", "resolve"),
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: __name3((str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10), "resolve"),
        stringify: __name3(({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value), "stringify")
      },
      {
        identify: __name3((value) => typeof value === "number", "identify"),
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: __name3((str2) => parseFloat(str2), "resolve"),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var node_buffer = __require("buffer");
    var Scalar2 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: __name3((value) => value instanceof Uint8Array, "identify"),
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar2.Scalar.BLOCK_LITERAL);
        if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar2.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar2.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    __name3(resolvePairs, "resolvePairs");
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    __name3(createPairs, "createPairs");
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      static {
        __name3(this, "YAMLOMap");
      }
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: __name3((value) => value instanceof Map, "identify"),
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: __name3((schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx), "createNode")
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    __name3(boolStringify, "boolStringify");
    var trueTag = {
      identify: __name3((value) => value === true, "identify"),
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: __name3(() => new Scalar2.Scalar(true), "resolve"),
      stringify: boolStringify
    };
    var falseTag = {
      identify: __name3((value) => value === false, "identify"),
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: __name3(() => new Scalar2.Scalar(false), "resolve"),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: __name3((value) => typeof value === "number", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: __name3((str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY, "resolve"),
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: __name3((value) => typeof value === "number", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: __name3((str2) => parseFloat(str2.replace(/_/g, "")), "resolve"),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: __name3((value) => typeof value === "number", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar2.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = __name3((value) => typeof value === "bigint" || Number.isInteger(value), "intIdentify");
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    __name3(intResolve, "intResolve");
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    __name3(intStringify, "intStringify");
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: __name3((str2, _onError, opt) => intResolve(str2, 2, 2, opt), "resolve"),
      stringify: __name3((node) => intStringify(node, 2, "0b"), "stringify")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: __name3((str2, _onError, opt) => intResolve(str2, 1, 8, opt), "resolve"),
      stringify: __name3((node) => intStringify(node, 8, "0"), "stringify")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: __name3((str2, _onError, opt) => intResolve(str2, 0, 10, opt), "resolve"),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: __name3((str2, _onError, opt) => intResolve(str2, 2, 16, opt), "resolve"),
      stringify: __name3((node) => intStringify(node, 16, "0x"), "stringify")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      static {
        __name3(this, "YAMLSet");
      }
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: __name3((value) => value instanceof Set, "identify"),
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: __name3((schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx), "createNode"),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num2 = __name3((n) => asBigInt ? BigInt(n) : Number(n), "num");
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    __name3(parseSexagesimal, "parseSexagesimal");
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = __name3((n) => n, "num");
      if (typeof value === "bigint")
        num2 = __name3((n) => BigInt(n), "num");
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    __name3(stringifySexagesimal, "stringifySexagesimal");
    var intTime = {
      identify: __name3((value) => typeof value === "bigint" || Number.isInteger(value), "identify"),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: __name3((str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt), "resolve"),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: __name3((value) => typeof value === "number", "identify"),
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: __name3((str2) => parseSexagesimal(str2, false), "resolve"),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: __name3((value) => value instanceof Date, "identify"),
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: __name3(({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? "", "stringify")
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    __name3(getTags, "getTags");
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = __name3((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0, "sortMapEntriesByKey");
    var Schema = class _Schema {
      static {
        __name3(this, "Schema");
      }
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    __name3(stringifyDocument, "stringifyDocument");
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      static {
        __name3(this, "Document");
      }
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path11, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path11, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = __name3((v) => typeof v === "number" || v instanceof String || v instanceof Number, "keyToStr");
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path11) {
        if (Collection.isEmptyPath(path11)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path11) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path11, keepScalar) {
        if (Collection.isEmptyPath(path11))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path11, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path11) {
        if (Collection.isEmptyPath(path11))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path11) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path11, value) {
        if (Collection.isEmptyPath(path11)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path11), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path11, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    __name3(assertCollection, "assertCollection");
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var YAMLError = class extends Error {
      static {
        __name3(this, "YAMLError");
      }
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      static {
        __name3(this, "YAMLParseError");
      }
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      static {
        __name3(this, "YAMLWarning");
      }
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = __name3((src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    }, "prettifyError");
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    __name3(resolveProps, "resolveProps");
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    __name3(containsNewline, "containsNewline");
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    __name3(flowIndentCheck, "flowIndentCheck");
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    __name3(mapIncludes, "mapIncludes");
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    __name3(resolveBlockMap, "resolveBlockMap");
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    __name3(resolveBlockSeq, "resolveBlockSeq");
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    __name3(resolveEnd, "resolveEnd");
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = __name3((token) => token && (token.type === "block-map" || token.type === "block-seq"), "isBlock");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    __name3(resolveFlowCollection, "resolveFlowCollection");
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    __name3(resolveCollection, "resolveCollection");
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar2.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    __name3(composeCollection, "composeCollection");
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      const start = scalar2.offset;
      const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar2.Scalar.BLOCK_FOLDED : Scalar2.Scalar.BLOCK_LITERAL;
      const lines = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar2.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    __name3(resolveBlockScalar, "resolveBlockScalar");
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    __name3(parseBlockScalarHeader, "parseBlockScalarHeader");
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    __name3(splitLines, "splitLines");
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Scalar2 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      const { offset, type, source, end } = scalar2;
      let _type;
      let value;
      const _onError = __name3((rel, code, msg) => onError(offset + rel, code, msg), "_onError");
      switch (type) {
        case "scalar":
          _type = Scalar2.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    __name3(resolveFlowScalar, "resolveFlowScalar");
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    __name3(plainValue, "plainValue");
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    __name3(singleQuotedValue, "singleQuotedValue");
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    __name3(unfoldLines, "unfoldLines");
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    __name3(doubleQuotedValue, "doubleQuotedValue");
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    __name3(foldNewline, "foldNewline");
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    __name3(parseCharCode, "parseCharCode");
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar2.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar2.Scalar(value);
      }
      scalar2.range = range;
      scalar2.source = value;
      if (type)
        scalar2.type = type;
      if (tagName)
        scalar2.tag = tagName;
      if (tag.format)
        scalar2.format = tag.format;
      if (comment)
        scalar2.comment = comment;
      return scalar2;
    }
    __name3(composeScalar, "composeScalar");
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    __name3(findScalarTagByName, "findScalarTagByName");
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    __name3(findScalarTagByTest, "findScalarTagByTest");
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    __name3(emptyScalarPosition, "emptyScalarPosition");
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    __name3(composeNode, "composeNode");
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    __name3(composeEmptyNode, "composeEmptyNode");
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    __name3(composeAlias, "composeAlias");
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    __name3(composeDoc, "composeDoc");
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    __name3(getErrorPos, "getErrorPos");
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    __name3(parsePrelude, "parsePrelude");
    var Composer = class {
      static {
        __name3(this, "Composer");
      }
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = __name3((pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        }, "_onError");
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    __name3(resolveAsScalar, "resolveAsScalar");
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    __name3(createScalarToken, "createScalarToken");
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    __name3(setScalarValue, "setScalarValue");
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    __name3(setBlockScalarValue, "setBlockScalarValue");
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    __name3(addEndtoBlockProps, "addEndtoBlockProps");
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    __name3(setFlowScalarValue, "setFlowScalarValue");
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var stringify = __name3((cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst), "stringify");
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    __name3(stringifyToken, "stringifyToken");
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    __name3(stringifyItem, "stringifyItem");
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    __name3(visit, "visit");
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path11) => {
      let item = cst;
      for (const [field, index] of path11) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path11) => {
      const parent = visit.itemAtPath(cst, path11.slice(0, -1));
      const field = path11[path11.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path11, item, visitor) {
      let ctrl = visitor(item, path11);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path11.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path11);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path11) : ctrl;
    }
    __name3(_visit, "_visit");
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = __name3((token) => !!token && "items" in token, "isCollection");
    var isScalar3 = __name3((token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar"), "isScalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    __name3(prettyToken, "prettyToken");
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    __name3(tokenType, "tokenType");
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    __name3(isEmpty, "isEmpty");
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = __name3((ch) => !ch || invalidAnchorChars.has(ch), "isNotAnchorChar");
    var Lexer = class {
      static {
        __name3(this, "Lexer");
      }
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var LineCounter = class {
      static {
        __name3(this, "LineCounter");
      }
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    __name3(includesToken, "includesToken");
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    __name3(findNonEmptyIndex, "findNonEmptyIndex");
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    __name3(isFlowToken, "isFlowToken");
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    __name3(getPrevProps, "getPrevProps");
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    __name3(getFirstKeyStartProps, "getFirstKeyStartProps");
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    __name3(arrayPushArray, "arrayPushArray");
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    __name3(fixFlowSeqItems, "fixFlowSeqItems");
    var Parser = class {
      static {
        __name3(this, "Parser");
      }
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar2.end) {
            sep2 = scalar2.end;
            sep2.push(this.sourceToken);
            delete scalar2.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar2.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log2 = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    __name3(parseOptions, "parseOptions");
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    __name3(parseAllDocuments, "parseAllDocuments");
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    __name3(parseDocument2, "parseDocument");
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log2.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    __name3(parse, "parse");
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    __name3(stringify, "stringify");
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar2.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str2) => REGEX_SPECIAL_CHARS.test(str2);
    exports.isRegexChar = (str2) => str2.length === 1 && exports.hasRegexChars(str2);
    exports.escapeRegex = (str2) => str2.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str2) => str2.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str2) => {
      return str2.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path11, { windows } = {}) => {
      const segs = path11.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = __name3((code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    }, "isPathSeparator");
    var depth = __name3((token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    }, "depth");
    var scan = __name3((input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str2 = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = __name3(() => index >= length, "eos");
      const peek = __name3(() => str2.charCodeAt(index + 1), "peek");
      const advance = __name3(() => {
        prev = code;
        return str2.charCodeAt(++index);
      }, "advance");
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str2;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str2.slice(0, start);
        str2 = str2.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str2.slice(0, lastIndex);
        glob2 = str2.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str2;
      } else {
        base = str2;
      }
      if (base && base !== "" && base !== "/" && base !== str2) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    }, "scan");
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = __name3((args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    }, "expandRange");
    var syntaxError = __name3((type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    }, "syntaxError");
    var splitTopLevel = __name3((input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    }, "splitTopLevel");
    var isPlainBranch = __name3((branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    }, "isPlainBranch");
    var normalizeSimpleBranch = __name3((branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    }, "normalizeSimpleBranch");
    var hasRepeatedCharPrefixOverlap = __name3((branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    }, "hasRepeatedCharPrefixOverlap");
    var parseRepeatedExtglob = __name3((pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    }, "parseRepeatedExtglob");
    var buildCharClassStar = __name3((chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    }, "buildCharClassStar");
    var getStarExtglobSequenceChars = __name3((pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    }, "getStarExtglobSequenceChars");
    var repeatedExtglobRecursion = __name3((pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    }, "repeatedExtglobRecursion");
    var analyzeRepeatedExtglob = __name3((body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    }, "analyzeRepeatedExtglob");
    var parse = __name3((input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = __name3((opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      }, "globstar");
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = __name3(() => state.index === len - 1, "eos");
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = __name3(() => input.slice(state.index + 1), "remaining");
      const consume = __name3((value2 = "", num2 = 0) => {
        state.consumed += value2;
        state.index += num2;
      }, "consume");
      const append = __name3((token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      }, "append");
      const negate = __name3(() => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      }, "negate");
      const increment = __name3((type) => {
        state[type]++;
        stack.push(type);
      }, "increment");
      const decrement = __name3((type) => {
        state[type]--;
        stack.pop();
      }, "decrement");
      const push = __name3((tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      }, "push");
      const extglobOpen = __name3((type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      }, "extglobOpen");
      const extglobClose = __name3((token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      }, "extglobClose");
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    }, "parse");
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = __name3((opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      }, "globstar");
      const create = __name3((str2) => {
        switch (str2) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str2);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      }, "create");
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = __name3((val) => val && typeof val === "object" && !Array.isArray(val), "isObject");
    var picomatch2 = __name3((glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = __name3((str2) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str2);
            if (state2) return state2;
          }
          return false;
        }, "arrayMatcher");
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = __name3(() => false, "isIgnored");
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = __name3((input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix2 });
        const result = { glob: glob2, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      }, "matcher");
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    }, "picomatch");
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix2 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str2, patterns, options) => picomatch2(patterns, options)(str2);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var __defProp3 = Object.defineProperty;
    var __name3 = (target, value) => __defProp3(target, "name", { value, configurable: true });
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    __name3(picomatch2, "picomatch");
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/engine/explain.ts
import { tmpdir as tmpdir2 } from "node:os";
import path6 from "node:path";

// src/core/pystr.ts
var NEVER = () => false;
function pyFloatRepr(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, expText] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  const sign = x < 0 ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac || "0"}`;
}
function pyStrRepr(s) {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0);
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (code < 32 || code === 127) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}
function pyNumber(x, float) {
  if (!float && Number.isInteger(x)) return BigInt(x).toString();
  return pyFloatRepr(x);
}
function pyRepr(value, isFloat = NEVER, path11 = []) {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return pyNumber(value, isFloat(path11));
  if (typeof value === "string") return pyStrRepr(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => pyRepr(v, isFloat, [...path11, i])).join(", ")}]`;
  const obj = value;
  return `{${Object.keys(obj).map((k) => `${pyStrRepr(k)}: ${pyRepr(obj[k], isFloat, [...path11, k])}`).join(", ")}}`;
}
function pyStr(value, isFloat = NEVER) {
  return typeof value === "string" ? value : pyRepr(value, isFloat);
}
function floatsOf(numbers, value) {
  if (!numbers || numbers.kind === "int") return NEVER;
  if (numbers.kind === "float") return (path11) => path11.length === 0;
  const key = canonicalJson(value);
  const choice = numbers.choices.find((c) => canonicalJson(c.value) === key);
  if (!choice || choice.floats.length === 0) return NEVER;
  const set = new Set(choice.floats.map((p) => JSON.stringify(p)));
  return (path11) => set.has(JSON.stringify(path11));
}
var JSON_ESCAPES = {
  "\\": "\\\\",
  '"': '\\"',
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t"
};
function pyJsonString(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    out += JSON_ESCAPES[ch] ?? (code >= 32 && code <= 126 ? ch : `\\u${code.toString(16).padStart(4, "0")}`);
  }
  return `${out}"`;
}
function pyJson(value, isFloat = NEVER, path11 = []) {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return pyNumber(value, isFloat(path11));
  }
  if (typeof value === "string") return pyJsonString(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => pyJson(v, isFloat, [...path11, i])).join(", ")}]`;
  const obj = value;
  return `{${Object.keys(obj).map((k) => `${pyJsonString(k)}: ${pyJson(obj[k], isFloat, [...path11, k])}`).join(", ")}}`;
}

// src/core/command.ts
var DEFAULT_COMMAND = ["${env}", "${interpreter}", "${program}", "${args}"];
var ENVVAR = /\$\{envvar:([A-Z0-9_]*)\}/g;
var LIST_MACROS = {
  args: (k, v) => [`--${k}=${v}`],
  args_no_equals: (k, v) => [`--${k}`, v],
  args_no_hyphens: (k, v) => [`${k}=${v}`],
  args_no_boolean_flags: (k, v, raw) => raw === true ? [`--${k}`] : raw === false ? [] : [`--${k}=${v}`],
  args_append_hydra: (k, v) => [`+${k}=${v}`],
  args_override_hydra: (k, v) => [`++${k}=${v}`]
};
var WORD_MACROS = ["env", "interpreter", "program", "args_json", "args_json_file"];
function pathsOf(params, given) {
  if (given) return Object.fromEntries(Object.keys(params).map((n) => [n, given[n] ?? [n]]));
  const names = new Set(Object.keys(params));
  const out = {};
  for (const n of names) {
    const parts = n.split(".");
    const prefixIsParam = parts.slice(1).some((_, i) => names.has(parts.slice(0, i + 1).join(".")));
    out[n] = parts.length === 1 || parts.includes("") || prefixIsParam ? [n] : parts;
  }
  return out;
}
function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
function topLevelArgs(params, pyNumbers, paramPaths) {
  const paths = pathsOf(params, paramPaths);
  const groups = /* @__PURE__ */ new Map();
  for (const name of Object.keys(params).sort()) {
    const [top, ...rest] = paths[name];
    const g = groups.get(top) ?? [];
    g.push({ rest, name });
    groups.set(top, g);
  }
  return [...groups.keys()].sort().map((key) => {
    const leaves = groups.get(key);
    const floats = leaves.map((l) => ({ rest: l.rest, at: floatsOf(pyNumbers?.[l.name], params[l.name]) }));
    const isFloat = (p) => floats.some((f) => f.rest.every((seg, i) => p[i] === seg) && f.at(p.slice(f.rest.length)));
    if (leaves.length === 1 && leaves[0].rest.length === 0) return { key, value: params[leaves[0].name], isFloat };
    const root = {};
    for (const { rest, name } of [...leaves].sort((a, b) => cmp(a.rest.join("\0"), b.rest.join("\0")))) {
      let node = root;
      for (const seg of rest.slice(0, -1)) {
        if (!Object.prototype.hasOwnProperty.call(node, seg)) setOwn(node, seg, {});
        node = node[seg];
      }
      setOwn(node, rest[rest.length - 1], params[name]);
    }
    return { key, value: root, isFloat };
  });
}
var cmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function nestParams(params, paramPaths) {
  const out = {};
  for (const a of topLevelArgs(params, void 0, paramPaths)) setOwn(out, a.key, a.value);
  return out;
}
function argsJson(args) {
  return `{${args.map((a) => `${pyJson(a.key)}: ${pyJson(a.value, a.isFloat)}`).join(", ")}}`;
}
function interpreterFor(program, nodePath = "node") {
  const ext = /\.[^./\\]+$/.exec(program)?.[0]?.toLowerCase();
  if (ext === ".js" || ext === ".mjs" || ext === ".cjs") return nodePath;
  if (ext === ".sh") return "bash";
  return "python";
}
function expandCommand(command, x, nodePath = "node") {
  const args = topLevelArgs(x.params, x.pyNumbers, x.paramPaths);
  const lists = {};
  for (const [macro, write] of Object.entries(LIST_MACROS))
    lists[macro] = args.flatMap((a) => write(a.key, pyStr(a.value, a.isFloat), a.value));
  const words = {
    env: "/usr/bin/env",
    interpreter: interpreterFor(x.program, nodePath),
    program: x.program,
    args_json: argsJson(args),
    args_json_file: x.argsJsonFile
  };
  const paramValue = (name) => {
    const top = args.find((a) => a.key === name);
    if (top) return pyStr(top.value, top.isFloat);
    const v = x.params[name];
    return v === void 0 ? void 0 : pyStr(v, floatsOf(x.pyNumbers?.[name], v));
  };
  const out = [];
  for (const item of command.length > 0 ? command : DEFAULT_COMMAND) {
    const token = item.replace(ENVVAR, (_, name) => x.env[name] ?? name);
    if (token.startsWith("${") && token.endsWith("}")) {
      const name = token.slice(2, -1);
      if (name in lists) out.push(...lists[name]);
      else if (WORD_MACROS.includes(name)) out.push(words[name]);
      else {
        const v = paramValue(name);
        if (v !== void 0) out.push(v);
      }
      continue;
    }
    out.push(
      token.replace(
        /\$\{(\w+)\}/g,
        (m, name) => name in lists ? lists[name].join(" ") : WORD_MACROS.includes(name) ? words[name] : m
      )
    );
  }
  return out;
}
function commandNotes(command, paramNames, topKeys) {
  const known = /* @__PURE__ */ new Set([...Object.keys(LIST_MACROS), ...WORD_MACROS]);
  const params = /* @__PURE__ */ new Set([...paramNames, ...topKeys]);
  const notes = [];
  command.forEach((item, index) => {
    const token = item.replace(ENVVAR, "x");
    if (token.startsWith("${") && token.endsWith("}") && !/^\$\{envvar:[A-Z0-9_]*\}$/.test(item)) {
      const name = token.slice(2, -1);
      if (known.has(name)) return;
      if (params.has(name))
        notes.push({
          index,
          message: `${token} is the value of parameter ${name}; W&B's agent expands only its own macros and would drop this item`
        });
      else
        notes.push({
          index,
          message: `${token} is not a macro (known: ${[...known].map((k) => `\${${k}}`).join(" ")} \${envvar:NAME}) nor a parameter; the item is dropped, as W&B's agent drops it`
        });
      return;
    }
    for (const m of token.match(/\$\{[^}]*\}/g) ?? []) {
      const name = m.slice(2, -1);
      notes.push({
        index,
        message: known.has(name) ? `${m} inside a longer item is expanded by sweepgate; W&B's agent expands only whole items and would pass it as written` : `${m} is not a macro; it is passed as written, as W&B's agent passes it`
      });
    }
  });
  return notes;
}

// src/trainer/program/program-objective.ts
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import path3 from "node:path";

// src/trainer/program/environment.ts
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
function onPath(name) {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && existsSync(path.join(dir, name)));
}
async function pythonShim(argv, tmp) {
  const usesPython = argv[0] === "python" || argv[0] === "/usr/bin/env" && argv[1] === "python";
  if (!usesPython || onPath("python") || !onPath("python3")) return {};
  const bin = path.join(tmp, "bin");
  await mkdir(bin);
  await writeFile(path.join(bin, "python"), '#!/bin/sh\nexec python3 "$@"\n', { mode: 493 });
  return { PATH: [bin, process.env.PATH].filter(Boolean).join(path.delimiter) };
}
var FILE_COMMANDS = /^GITHUB_(OUTPUT|ENV|PATH|STEP_SUMMARY|STATE)$/i;
function programEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^INPUT_/i.test(k) || /^ACTIONS_(RUNTIME_TOKEN|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL)$/.test(k) || FILE_COMMANDS.test(k))
      continue;
    out[k] = v;
  }
  return out;
}
function wandbStandInDir() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, "python");
    if (existsSync(path.join(candidate, "wandb", "__init__.py"))) return candidate;
    dir = path.dirname(dir);
  }
  return void 0;
}

// src/trainer/program/output-lines.ts
function parseWandbEvent(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: "other" };
  }
  if (typeof value !== "object" || value === null) return { kind: "other" };
  const v = value;
  if (v.finish !== void 0) return { kind: "finish" };
  if (Array.isArray(v.ignored)) return { kind: "ignored", names: v.ignored.filter((n) => typeof n === "string") };
  const data = v.log ?? v.summary;
  if (typeof data !== "object" || data === null) return { kind: "other" };
  const metrics = {};
  for (const [k, x] of Object.entries(data)) {
    if (typeof x === "number") metrics[k] = x;
    else if (typeof x === "string") return { kind: "nonfinite", text: `${k}=${x}` };
  }
  return { kind: v.log !== void 0 ? "log" : "summary", metrics };
}
function parseMetricsLine(line) {
  const text = line.trim();
  if (!text.startsWith("{") || !text.endsWith("}")) return { kind: "other" };
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      JSON.parse(text.replace(/(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/g, "0"));
      return { kind: "nonfinite" };
    } catch {
      return { kind: "other" };
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "other" };
  const entries = Object.entries(value);
  if (!entries.every((e) => typeof e[1] === "number")) return { kind: "other" };
  const obj = value;
  const stepKey = "step" in obj ? "step" : "epoch" in obj ? "epoch" : void 0;
  const metrics = {};
  for (const [k, v] of entries) if (k !== stepKey) metrics[k] = v;
  if (Object.keys(metrics).length === 0) return { kind: "other" };
  return { kind: "report", step: stepKey ? obj[stepKey] : void 0, metrics };
}
var MAX_LINE_CHARS = 1024 * 1024;
function lineSplitter(onLine, overflow) {
  let rest = "";
  return {
    push(chunk) {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      if (rest.length > MAX_LINE_CHARS) rest = overflow;
      lines.forEach(onLine);
    },
    flush() {
      const last = rest;
      rest = "";
      if (last !== "") onLine(last);
    }
  };
}

// src/trainer/program/process.ts
import { spawn } from "node:child_process";
import { constants as osConstants } from "node:os";

// src/trainer/program/containment.ts
import { spawnSync } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import path2 from "node:path";
var CONTAIN_SCRIPT = "sweepgate_contain.py";
function groupOnly(why) {
  return {
    kind: "process-group",
    summary: `trial processes: contained by their process group only (${why}); a process a trial detaches with setsid can outlive it`,
    wrap: (argv) => [...argv]
  };
}
var PY_FLAGS = ["-I", "-S"];
var PID_NAMESPACE = ["--pid", "--fork", "--kill-child", "--mount-proc"];
var USER_PID_NAMESPACE = ["--user", "--map-current-user", ...PID_NAMESPACE];
function probe(argv) {
  const run = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", timeout: 1e4 });
  if (run.error) return { why: `${argv[0]} cannot run: ${run.error.message}` };
  const [said, python] = run.stdout.trim().split(" ", 2);
  if (run.status === 0 && said === "subreaper" && python) return { python };
  const last = (run.stderr || run.stdout).trim().split("\n").pop() ?? "";
  return { why: `${argv.join(" ")} exited with status ${run.status}${last ? `: ${last}` : ""}` };
}
function probeContainment(script, tools = { python: "python3", unshare: "unshare" }) {
  if (process.platform !== "linux") return groupOnly(`no child subreaper on ${process.platform}`);
  if (script === void 0 || !existsSync2(script)) return groupOnly(`${CONTAIN_SCRIPT} is not beside sweepgate`);
  const launcher = [tools.python, ...PY_FLAGS, script, "--probe"];
  const reaper = probe(launcher);
  if ("why" in reaper) return groupOnly(reaper.why);
  const run = [reaper.python, ...PY_FLAGS, script];
  for (const flags of [PID_NAMESPACE, USER_PID_NAMESPACE]) {
    if ("python" in probe([tools.unshare, ...flags, ...run, "--probe"]))
      return {
        kind: "pid-namespace",
        summary: `trial processes: contained in a PID namespace of their own (${tools.unshare} ${flags.join(" ")}) under a child subreaper; nothing a trial starts outlives it, and it sees no other process`,
        wrap: (argv, graceMs) => [tools.unshare, ...flags, ...run, String(graceMs / 1e3), ...argv]
      };
  }
  return {
    kind: "subreaper",
    summary: `trial processes: contained by a child subreaper (${CONTAIN_SCRIPT}, prctl PR_SET_CHILD_SUBREAPER; no PID namespace: unshare was refused); nothing a trial starts outlives it`,
    wrap: (argv, graceMs) => [...run, String(graceMs / 1e3), ...argv]
  };
}
var probed;
function containment() {
  if (probed === void 0) {
    const dir = wandbStandInDir();
    probed = probeContainment(dir === void 0 ? void 0 : path2.join(dir, CONTAIN_SCRIPT));
  }
  return probed;
}

// src/trainer/program/process.ts
var DRAIN_MS = 1e3;
var STDERR_TAIL_LINES = 20;
var WANDB_FD = 3;
var LAUNCHER_MARGIN_MS = 2e3;
var liveGroups = /* @__PURE__ */ new Map();
var exitHookInstalled = false;
function trackGroup(pid, contained) {
  liveGroups.set(pid, { contained });
  if (exitHookInstalled || process.platform === "win32") return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [group, { contained: contained2 }] of liveGroups) {
      try {
        process.kill(-group, contained2 ? "SIGTERM" : "SIGKILL");
      } catch {
      }
    }
  });
}
async function trialProcessesGone(timeoutMs = 15e3) {
  const end = Date.now() + timeoutMs;
  while (liveGroups.size > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  for (const group of liveGroups.keys()) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
    }
  }
}
function signalGroup(child, sig) {
  try {
    if (child.pid !== void 0 && process.platform !== "win32") process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch {
  }
}
function later(ms, fn) {
  setTimeout(fn, ms).unref();
}
function startProgram(argv, opts) {
  const contain = opts.containment ?? containment();
  const contained = contain.kind !== "process-group";
  const line = contain.wrap(argv, opts.killGraceMs);
  const child = spawn(line[0], line.slice(1), {
    cwd: opts.cwd,
    env: opts.env,
    // fd 3: the wandb stand-in's events, apart from whatever the program prints (unused without the stand-in).
    stdio: [opts.input ? "pipe" : "ignore", "pipe", "pipe", "pipe"],
    // Its own process group (setsid), so a signal to -pid reaches everything it started.
    detached: process.platform !== "win32"
  });
  if (child.pid !== void 0) trackGroup(child.pid, contained);
  const terminate = () => {
    signalGroup(child, "SIGTERM");
    later(opts.killGraceMs + (contained ? LAUNCHER_MARGIN_MS : 0), () => signalGroup(child, "SIGKILL"));
  };
  const stdin = child.stdio[0];
  stdin?.on("error", () => {
  });
  const write = (text) => {
    if (stdin && !stdin.destroyed && stdin.writable) stdin.write(text);
  };
  const stdout = child.stdio[1];
  const stderr = child.stdio[2];
  const channel = child.stdio[WANDB_FD];
  let stderrTail = "";
  stdout.setEncoding("utf8");
  stdout.on("data", opts.onStdout);
  channel?.setEncoding("utf8");
  channel?.on("data", opts.onChannel);
  stderr.setEncoding("utf8");
  stderr.on("data", (chunk) => {
    stderrTail = (stderrTail + chunk).slice(-8192);
  });
  let exited;
  let settled = false;
  const finish = () => {
    if (settled) return;
    settled = true;
    if (child.pid !== void 0) liveGroups.delete(child.pid);
    opts.onEnd({ ...exited ?? { code: null, signal: null }, stderrTail });
  };
  child.on("error", (err) => {
    opts.onError(err);
    if (child.pid === void 0) finish();
  });
  child.on("exit", (code, signal) => {
    exited = contained ? launcherExit(code, signal) : { code, signal };
    terminate();
    later(DRAIN_MS, () => {
      stdin?.destroy();
      stdout.destroy();
      stderr.destroy();
      channel?.destroy();
      finish();
    });
  });
  child.on("close", (code, signal) => {
    exited ??= { code, signal };
    finish();
  });
  return { terminate, write };
}
function launcherExit(code, signal) {
  if (code === null || code <= 128) return { code, signal };
  const name = Object.entries(osConstants.signals).find(([, n]) => n === code - 128)?.[0];
  return name ? { code: null, signal: name } : { code, signal };
}
function exitFailure(shown, exit) {
  const { code, signal } = exit;
  if (code === 0) return void 0;
  const tail = exit.stderrTail.trimEnd().split("\n").slice(-STDERR_TAIL_LINES).join("\n");
  const how = code !== null ? `exited with status ${code}` : signal !== null ? `was killed by ${signal}` : "ended without an exit status";
  return new TrialError(`${shown} ${how}${tail ? `; last lines of stderr:
${tail}` : " (no stderr output)"}`, {
    transient: true,
    failureCause: exitCause(exit)
  });
}

// src/trainer/program/program-objective.ts
var KILL_GRACE_MS = 5e3;
function expandCommand2(command, x) {
  return expandCommand(command, { ...x, env: x.env ?? process.env }, process.execPath);
}
function programIdentity(workload, configDir) {
  const kind = workload.programKind ?? "file";
  const file = path3.resolve(configDir, workload.program);
  const tryRead = (f) => {
    try {
      return statSync(f).isFile() ? sha256Hex(readFileSync(f)) : void 0;
    } catch {
      return void 0;
    }
  };
  if (kind === "file") {
    try {
      return sha256Hex(readFileSync(file));
    } catch (err) {
      throw new TrialError(`program ${displayPath(file)} cannot be read: ${errorText(err)}`, { transient: true });
    }
  }
  if (kind === "module") {
    const base = path3.resolve(configDir, ...(workload.programAsWritten ?? workload.program).split("."));
    for (const f of [`${base}.py`, path3.join(base, "__main__.py")]) {
      const h = tryRead(f);
      if (h) return h;
    }
    return `module:${workload.programAsWritten ?? workload.program}`;
  }
  return tryRead(file) ?? `command:${workload.programAsWritten ?? workload.program}`;
}
function createCommandObjective(workload, opts) {
  const identity = programIdentity(workload, opts.configDir);
  const command = workload.command.length > 0 ? workload.command : DEFAULT_COMMAND;
  const standIn = workload.wandb === "real" ? void 0 : wandbStandInDir();
  const ignoredSeen = /* @__PURE__ */ new Set();
  const onIgnored = (names) => {
    const fresh = names.filter((n) => !ignoredSeen.has(n));
    fresh.forEach((n) => ignoredSeen.add(n));
    if (fresh.length > 0) opts.log?.(`wandb stand-in (offline): ignored ${fresh.join(", ")}`);
  };
  return {
    // A file program's key is what it always was; other kinds add how the program is found.
    fingerprint: hashJson({ kind: "sweepgate-command", program: identity, command }),
    backend: "process",
    async run(params, ctx) {
      const tmp = await mkdtemp(path3.join(tmpdir(), "sweepgate-args-"));
      try {
        const { argv, env } = await trialCommand(workload, command, params, tmp, standIn);
        const reported = await runProgram(argv, env, ctx, opts, standIn !== void 0, onIgnored);
        return { metrics: trialMetrics(argv.join(" "), reported, opts.metricName) };
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    }
  };
}
async function trialCommand(workload, command, params, tmp, standIn) {
  const { pyNumbers, paramPaths } = workload;
  const json = argsJson(topLevelArgs(params, pyNumbers, paramPaths));
  const argsJsonFile = path3.join(tmp, "params.json");
  if (command.some((t) => t.includes("${args_json_file}"))) await writeFile2(argsJsonFile, json);
  const sweepParamPath = path3.join(tmp, "config.yaml");
  const entries = topLevelArgs(params, pyNumbers, paramPaths).map((a) => `${pyJson(a.key)}: {"value": ${pyJson(a.value, a.isFloat)}}`);
  await writeFile2(sweepParamPath, `{${entries.join(", ")}}`);
  const argv = expandCommand2(command, {
    program: workload.programAsWritten ?? workload.program,
    params,
    argsJsonFile,
    pyNumbers,
    paramPaths
  });
  const env = {
    ...await pythonShim(argv, tmp),
    SWEEPGATE_PARAMS: JSON.stringify(nestParams(params, paramPaths)),
    WANDB_SWEEP_PARAM_PATH: sweepParamPath,
    ...standIn ? {
      PYTHONPATH: [standIn, process.env.PYTHONPATH].filter(Boolean).join(path3.delimiter),
      SWEEPGATE_WANDB_FD: String(WANDB_FD),
      SWEEPGATE_WANDB_CONFIG: json
    } : {}
  };
  return { argv, env };
}
function trialMetrics(shown, { reports, summary }, metricName) {
  if (metricName === NO_METRIC) return { ...mergeReports(reports), ...summary };
  if (reports.length === 0 && Object.keys(summary).length === 0)
    throw commandError(
      shown,
      `reported no metrics: call wandb.log({"${metricName}": 0.5}) or print JSON lines such as {"${metricName}": 0.5} to standard output`
    );
  const metrics = { ...mergeReports(reports), ...summary };
  if (!(metricName in metrics))
    throw commandError(shown, `never reported the sweep metric ${show(metricName)} (reported: ${Object.keys(metrics).join(", ")})`);
  return metrics;
}
function runProgram(argv, extraEnv, ctx, opts, wandbChannel, onIgnored) {
  const shown = argv.join(" ");
  return new Promise((resolve4, reject) => {
    const output = trialOutput(shown, ctx, opts.metricName, onIgnored, () => program.terminate());
    const stdout = lineSplitter(output.onLine, " ");
    const wandb = lineSplitter(output.onWandb, "");
    const onAbort = () => output.stop("cancelled");
    const program = startProgram(argv, {
      cwd: opts.configDir,
      env: {
        ...programEnv(process.env),
        ...opts.env,
        ...extraEnv,
        SWEEPGATE_SEED: String(ctx.seed),
        SWEEPGATE_METRIC: opts.metricName,
        PYTHONUNBUFFERED: "1"
      },
      killGraceMs: opts.killGraceMs ?? KILL_GRACE_MS,
      onStdout: stdout.push,
      onChannel: wandbChannel ? wandb.push : () => {
      },
      onError: (err) => output.failed(
        new TrialError(`cannot run ${shown}: ${err.message}`, { transient: true, failureCause: `cannot run: ${err.message}` })
      ),
      onEnd: (exit) => {
        ctx.signal.removeEventListener("abort", onAbort);
        stdout.flush();
        wandb.flush();
        try {
          resolve4(output.settle(exit));
        } catch (err) {
          reject(err);
        }
      }
    });
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    if (ctx.signal.aborted) output.stop("cancelled");
  });
}
function trialOutput(shown, ctx, metricName, onIgnored, terminate) {
  const reports = [];
  let summary = {};
  let metricRows = 0;
  let stopping;
  let failure;
  let finished = false;
  const stop = (why) => {
    if (stopping) return;
    stopping = why;
    terminate();
  };
  const fail = (err) => {
    failure = err;
    terminate();
  };
  const report2 = (step, metrics) => {
    reports.push(metrics);
    let prune;
    try {
      prune = ctx.report(step, metrics);
    } catch (err) {
      return fail(err instanceof TrialError ? err : new TrialError(errorText(err)));
    }
    if (prune) stop("pruned");
  };
  const onLine = (line) => {
    if (stopping || failure) return;
    const parsed = parseMetricsLine(line);
    if (parsed.kind === "nonfinite") return fail(commandError(shown, `reported a non-finite metric: ${line.trim().slice(0, 200)}`));
    if (parsed.kind === "report") report2(parsed.step ?? reports.length + 1, parsed.metrics);
  };
  const onWandb = (line) => {
    if (line.trim() === "") return;
    const event = parseWandbEvent(line);
    if (event.kind === "ignored") return onIgnored(event.names);
    if (stopping || failure || finished) return;
    if (event.kind === "finish") finished = true;
    if (event.kind === "nonfinite") return fail(commandError(shown, `logged a non-finite metric with wandb: ${event.text}`));
    if (event.kind === "summary") summary = { ...summary, ...event.metrics };
    if (event.kind !== "log" || Object.keys(event.metrics).length === 0) return;
    if (metricName in event.metrics) metricRows++;
    report2(Math.max(1, metricRows), event.metrics);
  };
  return {
    onLine,
    onWandb,
    stop,
    /** A failure from outside the output (the program could not start); the first failure stands. */
    failed(err) {
      failure ??= err;
    },
    /** The trial's reports once the program has ended, or why it failed: a pruned program ends well whatever its exit. */
    settle(exit) {
      if (failure) throw failure;
      if (stopping === "cancelled") throw new TrialError(`cancelled: ${String(ctx.signal.reason ?? "aborted")}`, { transient: true });
      if (stopping === "pruned") return { reports, summary };
      const failed = exitFailure(shown, exit);
      if (failed) throw failed;
      return { reports, summary };
    }
  };
}
function commandError(shown, problem) {
  return new TrialError(`${shown} ${problem}`, { failureCause: `the program ${problem}` });
}

// src/trainer/module/module-objective.ts
import { readFile } from "node:fs/promises";
import path5 from "node:path";

// src/trainer/workers/bundled-entry.ts
import { readdirSync } from "node:fs";
import path4 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function findBundledEntry(names) {
  const here = path4.dirname(fileURLToPath2(import.meta.url));
  for (const dir of [here, path4.dirname(here)]) {
    let files;
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    const name = names.find((f) => files.includes(f));
    if (name) return path4.join(dir, name);
  }
  return void 0;
}

// src/trainer/module/module-objective.ts
var KILL_GRACE_MS2 = 5e3;
var RUNNER_FILES = ["module-runner.js", "module-runner.mjs"];
var RUNNER_ENV = "SWEEPGATE_MODULE_RUNNER";
function findModuleRunner() {
  return findBundledEntry(RUNNER_FILES) ?? (process.env[RUNNER_ENV] || void 0);
}
var ModuleError = class extends Error {
  name;
  constructor(e) {
    super(e.message);
    this.name = e.name;
  }
};
async function createModuleObjective(modulePath, handle, opts) {
  const file = path5.resolve(modulePath);
  const hash = await moduleHash(file);
  const runner = opts.runner ?? findModuleRunner();
  if (runner === void 0)
    throw new TrialError(`objective module ${displayPath(file)}: the module runner (module-runner.js) is not beside sweepgate`);
  const backend = handle.backend;
  if (!isBackendName(backend)) throw new TrialError(`objective module ${displayPath(file)}: unknown TensorFlow.js backend ${backend}`);
  const start = (init, ctx) => runModuleProcess(runner, init, ctx, opts);
  await start({ type: "init", module: file, hash, metricName: opts.metricName });
  let warnedLeak = false;
  let usedBackend;
  return {
    fingerprint: hashJson({ kind: "sweepgate-module", module: hash }),
    get backend() {
      return usedBackend ?? "none";
    },
    async run(params, ctx) {
      const trial = { params, seed: ctx.seed, backend, cwd: path5.dirname(file), tfjsNodeDirs: opts.tfjsNodeDirs ?? [] };
      const done = await start({ type: "init", module: file, hash, metricName: opts.metricName, trial }, ctx);
      if (done.type !== "done") throw new TrialError(`objective module ${displayPath(file)} sent no result`);
      usedBackend = done.backend ?? usedBackend;
      if (done.leaked > 0 && !warnedLeak) {
        warnedLeak = true;
        opts.warn(
          `objective module ${displayPath(file)} left ${done.leaked} tensor(s) allocated after a trial; wrap work in tf.tidy() or dispose() tensors and models`
        );
      }
      return { metrics: done.metrics };
    }
  };
}
async function moduleHash(file) {
  try {
    return sha256Hex(await readFile(file));
  } catch (err) {
    throw new TrialError(`objective module ${displayPath(file)} cannot be read: ${errorText(err)}`, { transient: true });
  }
}
function runModuleProcess(runner, init, ctx, opts) {
  const where = `objective module ${displayPath(init.module)}`;
  return new Promise((resolve4, reject) => {
    let result;
    let failure;
    const fail = (err) => {
      failure ??= err;
      program.terminate();
    };
    const onMessage = (line) => {
      if (line.trim() === "" || failure || result) return;
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return fail(new TrialError(`${where} wrote something that is not sweepgate's protocol on fd 3: ${line.slice(0, 200)}`));
      }
      if (msg.type === "warn") return opts.warn(`${where}: ${msg.message.slice(0, 2e3)}`);
      if (msg.type === "report") {
        let stop;
        try {
          stop = ctx?.report(msg.step, msg.metrics) ?? false;
        } catch (err) {
          return fail(err instanceof Error ? err : new TrialError(errorText(err)));
        }
        return program.write(`${JSON.stringify({ type: "answer", stop })}
`);
      }
      if (msg.type === "failed")
        return fail(msg.error.trial ? new TrialError(msg.error.message, { transient: msg.error.transient }) : new ModuleError(msg.error));
      result = msg;
    };
    const channel = lineSplitter(onMessage, "");
    const onAbort = () => fail(new TrialError(`cancelled: ${String(ctx?.signal.reason ?? "aborted")}`, { transient: true }));
    const program = startProgram([process.execPath, runner], {
      // sweepgate's own working folder, where modules ran when they ran in its process (relative paths keep working).
      cwd: process.cwd(),
      env: programEnv(process.env),
      input: true,
      killGraceMs: opts.killGraceMs ?? KILL_GRACE_MS2,
      onStdout: () => {
      },
      onChannel: channel.push,
      onError: (err) => fail(new TrialError(`${where}: cannot start its process: ${err.message}`, { transient: true })),
      onEnd: (exit) => {
        ctx?.signal.removeEventListener("abort", onAbort);
        channel.flush();
        if (failure) reject(failure);
        else if (result) resolve4(result);
        else reject(endedEarly(where, exit));
      }
    });
    program.write(`${JSON.stringify(init)}
`);
    ctx?.signal.addEventListener("abort", onAbort, { once: true });
    if (ctx?.signal.aborted) onAbort();
  });
}
function endedEarly(where, exit) {
  const failed = exitFailure(`${where}'s process`, exit);
  if (failed) return failed;
  return new TrialError(`${where}'s process exited with status 0 before the trial returned (does the module call process.exit?)`);
}

// src/trainer/workers/worker-pool.ts
import os from "node:os";
import { Worker } from "node:worker_threads";
var WORKER_FILES = ["trainer-worker.js", "trainer-worker.mjs"];
function findWorkerScript() {
  return findBundledEntry(WORKER_FILES);
}
function workerMemoryBytes(dataBytes2) {
  return 2 * (160 * 1024 * 1024 + 8 * dataBytes2);
}
var WORKERS_PAY_OFF_MS = 3e3;
function estimatedTrialMs(size2) {
  return size2.steps * (0.1 + 6 * size2.weights * size2.batch / 2e7);
}
function defaultWorkers(dataBytes2, machine = { cores: os.availableParallelism(), freeBytes: os.freemem() }, sweepMs, concurrent = Number.POSITIVE_INFINITY) {
  if (sweepMs !== void 0 && sweepMs < WORKERS_PAY_OFF_MS) return 1;
  const byMemory = Math.floor(machine.freeBytes / 2 / workerMemoryBytes(dataBytes2));
  return Math.max(1, Math.min(machine.cores, byMemory, concurrent));
}
var WorkerCrashError = class extends TrialError {
  name = "WorkerCrashError";
  constructor(reason) {
    super(`the trainer worker thread crashed during the trial: ${reason}`, { transient: true });
  }
};
var WorkerError = class extends Error {
  name;
  constructor(e) {
    super(e.message);
    this.name = e.name;
  }
};
function createWorkerObjective(inner, opts) {
  if (!Number.isSafeInteger(opts.size) || opts.size < 1) throw new RangeError(`worker pool size must be an integer >= 1, got ${opts.size}`);
  const pool = createPool(opts);
  let nextId = 1;
  return {
    fingerprint: inner.fingerprint,
    // Read when asked: the inner objective may prepare its data and pick its backend only once a trial trains.
    get backend() {
      return inner.backend;
    },
    get validation() {
      return inner.validation;
    },
    async run(params, ctx) {
      if (pool.disposed) throw new TrialError("the worker objective was disposed", { transient: true });
      if (ctx.signal.aborted) throw new TrialError(`cancelled before it started: ${String(ctx.signal.reason)}`, { transient: true });
      const slot = await pool.acquire();
      return runOn(slot, nextId++, params, ctx, pool);
    },
    ...inner.saveModel ? { saveModel: inner.saveModel.bind(inner) } : {},
    async dispose() {
      await pool.dispose();
      await inner.dispose?.();
    }
  };
}
function createPool(opts) {
  const slots = [];
  const waiting = [];
  let disposed = false;
  const spawn2 = () => {
    const slot = startWorker(opts, pool);
    slots.push(slot);
    return slot;
  };
  const pool = {
    acquire() {
      const idle = slots.find((s) => !s.busy && !s.dead);
      if (idle) {
        idle.busy = true;
        return Promise.resolve(idle);
      }
      if (slots.length < opts.size) return Promise.resolve(spawn2());
      return new Promise((resolve4) => waiting.push(resolve4));
    },
    release(slot) {
      const next = waiting.shift();
      if (next) next(slot);
      else slot.busy = false;
    },
    remove(slot) {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (waiting.length > 0 && !disposed) waiting.shift()(spawn2());
    },
    get disposed() {
      return disposed;
    },
    async dispose() {
      disposed = true;
      const all = slots.splice(0);
      for (const s of all) s.dead = true;
      await Promise.all(all.map((s) => s.worker.terminate()));
    }
  };
  return pool;
}
function startWorker(opts, pool) {
  const worker = new Worker(opts.script, { workerData: { ...opts.init } });
  let markReady;
  let markFailed;
  const ready = new Promise((resolve4, reject) => {
    markReady = resolve4;
    markFailed = reject;
  });
  ready.catch(() => {
  });
  const slot = { worker, ready, busy: true, dead: false };
  const die = (reason) => {
    if (slot.dead) return;
    slot.dead = true;
    markFailed(new WorkerCrashError(reason));
    const a = slot.active;
    slot.active = void 0;
    a?.reject(new WorkerCrashError(reason));
    pool.remove(slot);
  };
  worker.on("message", (msg) => {
    const a = slot.active;
    switch (msg.type) {
      case "ready":
        return markReady();
      case "init-failed":
        markFailed(new TrialError(`the trainer worker could not start: ${msg.error.name}: ${msg.error.message}`, { transient: true }));
        return void worker.terminate();
      case "warn":
        return opts.warn(msg.message);
      case "report": {
        if (!a || a.id !== msg.id) return;
        Atomics.store(a.control, 0, a.ctx.report(msg.step, msg.metrics) ? STOP : CONTINUE);
        Atomics.notify(a.control, 0);
        return;
      }
      case "done":
      case "failed": {
        if (!a || a.id !== msg.id) return;
        slot.active = void 0;
        opts.afterTrial?.(msg.memory);
        if (msg.type === "done") a.resolve(msg.result);
        else a.reject(msg.error.trial ? new TrialError(msg.error.message, { transient: msg.error.transient }) : new WorkerError(msg.error));
        pool.release(slot);
      }
    }
  });
  worker.on("error", (err) => die(`${err.name}: ${err.message}`));
  worker.on("exit", (code) => die(`it exited with code ${code}`));
  return slot;
}
function runOn(slot, id, params, ctx, pool) {
  const control = new Int32Array(new SharedArrayBuffer(4));
  return new Promise((resolve4, reject) => {
    const onAbort = () => {
      if (slot.active?.id !== id) return;
      slot.active = void 0;
      slot.dead = true;
      reject(new TrialError(`cancelled: ${String(ctx.signal.reason)}`, { transient: true }));
      void slot.worker.terminate();
      pool.remove(slot);
    };
    const done = (f) => {
      ctx.signal.removeEventListener("abort", onAbort);
      f();
    };
    slot.active = { id, ctx, control, resolve: (r) => done(() => resolve4(r)), reject: (e) => done(() => reject(e)) };
    ctx.signal.addEventListener("abort", onAbort);
    slot.ready.then(
      () => {
        if (slot.active?.id !== id) return;
        const msg = { type: "run", id, params, seed: ctx.seed, control: control.buffer };
        slot.worker.postMessage(msg);
      },
      (err) => {
        if (slot.active?.id !== id) return;
        slot.active = void 0;
        done(() => reject(err));
      }
    );
  });
}

// src/trainer/tf/backend-probe.ts
var AFTER = { tensorflow: ["wasm"], wasm: [], cpu: [] };
var FIRST_STEPS = 3;
var MIN_TIMED_MS = 30;
var SMALLEST_TIMED_MS = 8;
var MAX_STEPS = 200;
var ROUNDS = 2;
var CLEARLY = 0.8;
var HOPELESS = 10;
var CLEAR_AFTER_ONE = 2;
var CPU_MAY_WIN_MS = 1;
var KEEP_PREFERRED = 1.5;
function probeTimingMs(sweepMs) {
  if (sweepMs === void 0 || !Number.isFinite(sweepMs)) return MIN_TIMED_MS;
  return Math.min(MIN_TIMED_MS, Math.max(SMALLEST_TIMED_MS, 5e-3 * sweepMs));
}
async function chooseBackend(first, ports, opts = {}) {
  const minTimedMs = opts.minTimedMs ?? MIN_TIMED_MS;
  const handles = [first];
  const load = async (name) => {
    try {
      handles.push(await ports.load(name));
    } catch (err) {
      if (!(err instanceof BackendError)) throw err;
      ports.warn(`backend auto: ${err.message}; not timed`);
    }
  };
  for (const name of AFTER[first.backend]) await load(name);
  const alone = handles.length === 1 && opts.prefer?.backend !== "cpu";
  if (alone && first.backend === "cpu") return { handle: first, timings: [], summary: "cpu (not timed: the only backend available)" };
  if (alone && opts.estimatedMsPerStep !== void 0 && opts.estimatedMsPerStep >= CPU_MAY_WIN_MS)
    return {
      handle: first,
      timings: [],
      summary: `${first.backend} (not timed: the only backend available but cpu, which can win only on steps under ${CPU_MAY_WIN_MS} ms; this model's are estimated at ${fmtMs(opts.estimatedMsPerStep)})`
    };
  const best = /* @__PURE__ */ new Map();
  const failed = /* @__PURE__ */ new Set();
  const time = async (h) => {
    try {
      const ms = await timeSteps(h, ports, minTimedMs);
      best.set(h, Math.min(ms, best.get(h) ?? Infinity));
    } catch (err) {
      failed.add(h);
      best.delete(h);
      ports.warn(`backend auto: a training step fails on the ${h.backend} backend (${errorText(err)}); not used`);
    }
  };
  for (const h of handles) await time(h);
  for (let round = 1; round < ROUNDS && !clearAfterOne(handles, best); round++) {
    const fastest2 = Math.min(...best.values());
    for (const h of handles) if (!failed.has(h) && best.get(h) <= HOPELESS * fastest2) await time(h);
  }
  const cpu = cpuMayWin(first, best, opts);
  if (cpu.time) {
    const before = handles.length;
    await load("cpu");
    if (handles.length > before) await time(handles.at(-1));
  }
  const timed = handles.filter((h) => best.has(h));
  const timings = timed.map((h) => ({ backend: h.backend, msPerStep: best.get(h) }));
  if (timings.length === 0)
    return { handle: first, timings, summary: `${first.backend} (not measured: a training step failed on every backend)` };
  let fastest = 0;
  for (let i = 1; i < timings.length; i++) if (timings[i].msPerStep < CLEARLY * timings[fastest].msPerStep) fastest = i;
  const kept = timings.findIndex((t) => t.backend === opts.prefer?.backend);
  if (kept >= 0 && kept !== fastest && timings[kept].msPerStep <= KEEP_PREFERRED * timings[fastest].msPerStep)
    return {
      handle: timed[kept],
      timings,
      summary: describeTimings(timings, kept, `${opts.prefer.why}, kept: within ${KEEP_PREFERRED}\xD7 of the fastest`, cpu.note)
    };
  return { handle: timed[fastest], timings, summary: describeTimings(timings, fastest, void 0, cpu.note) };
}
function cpuMayWin(first, best, opts) {
  if (first.backend === "cpu") return { time: false };
  const fastest = Math.min(...best.values());
  if (best.size === 0 || fastest < CPU_MAY_WIN_MS || opts.prefer?.backend === "cpu") return { time: true };
  return { time: false, note: `cpu not timed: it can win only on steps under ${CPU_MAY_WIN_MS} ms` };
}
function clearAfterOne(handles, best) {
  const timed = handles.filter((h) => best.has(h));
  if (timed.length <= 1) return true;
  if (timed[0] !== handles[0]) return false;
  const firstMs = best.get(timed[0]);
  return timed.slice(1).every((h) => best.get(h) >= CLEAR_AFTER_ONE * firstMs);
}
async function timeSteps(h, ports, minTimedMs) {
  const ms = await ports.time(h, FIRST_STEPS);
  if (ms * FIRST_STEPS >= minTimedMs) return ms;
  return ports.time(h, Math.min(MAX_STEPS, Math.ceil(minTimedMs / Math.max(ms, 0.01))));
}
function describeTimings(timings, chosen, note, untimed) {
  const fmt = (ms) => `${fmtMs(ms)}/step`;
  const c = timings[chosen];
  const others = timings.filter((_, i) => i !== chosen).map((t) => `${t.backend} ${fmt(t.msPerStep)}`);
  const alone = others.length > 0 ? ` vs ${others.join(", ")}` : untimed === void 0 ? ", the only backend available" : "";
  const notes = [note, untimed].filter((n) => n !== void 0).map((n) => `; ${n}`);
  return `${c.backend} (${fmt(c.msPerStep)}${alone}${notes.join("")})`;
}
var fmtMs = (ms) => `${ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toPrecision(2)} ms`;
async function pickBySize(first, ports, nativeFaster, why) {
  const untimed = (handle) => ({
    handle,
    timings: [],
    summary: `${handle.backend} (not timed: one training; ${why})`
  });
  if (first.backend !== "tensorflow" || nativeFaster) return untimed(first);
  try {
    return untimed(await ports.load("wasm"));
  } catch (err) {
    if (!(err instanceof BackendError)) throw err;
    ports.warn(`backend auto: ${err.message}; staying on tensorflow`);
    return untimed(first);
  }
}

// src/trainer/tf/native.ts
var NATIVE_MIN_WEIGHTS = 1e5;
var NATIVE_PAYS_OFF_MS = 6e4;
function nativeWanted(need) {
  if (need.weights < NATIVE_MIN_WEIGHTS) return void 0;
  if (need.sweepMs === void 0 || need.sweepMs < NATIVE_PAYS_OFF_MS) return void 0;
  const k = (n) => `${Math.round(n / 1e3)}k`;
  return `the model has ${k(need.weights)} weights (native TensorFlow can beat WASM from ${k(NATIVE_MIN_WEIGHTS)}) and about ${Math.round(need.sweepMs / 1e3)} s of training`;
}
var NATIVE_MIN_CONV_MACS = 8e6;
var CONV_STEP_MS = 5;
var WASM_CONV_MACS_PER_MS = 1e6;
function estimatedConvTrialMs(size2) {
  return size2.steps * (CONV_STEP_MS + 3 * size2.macsPerImage * size2.batch / WASM_CONV_MACS_PER_MS);
}
function nativeWantedForImages(need) {
  if (need.macsPerStep < NATIVE_MIN_CONV_MACS) return void 0;
  if (need.sweepMs === void 0 || need.sweepMs < NATIVE_PAYS_OFF_MS) return void 0;
  const m = (n) => `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  return `the conv net does ${m(need.macsPerStep)} multiply-adds per training step (native TensorFlow beats WASM from ${m(NATIVE_MIN_CONV_MACS)}) and about ${Math.round(need.sweepMs / 1e3)} s of training`;
}

// src/engine/explain.ts
async function explainConfig(config, env = process.env) {
  const lines = ["parameters (as understood):"];
  const width = Math.max(...config.space.map((p) => p.name.length), 4);
  const pyNumbers = config.workload.kind === "program" ? config.workload.pyNumbers : {};
  for (const p of config.space)
    lines.push(`  ${p.name.padEnd(width)}  ${describeParameter(config, p.name, p.dist.name, pyNumbers[p.name])}`);
  lines.push(`budget: ${budgetLine(config)}`);
  if (config.earlyTerminate) lines.push(`early_terminate: ${earlyTerminateLine(config)}`);
  if (config.stages.length > 0) lines.push(...stageLines(config));
  const first = await firstTrial(config);
  if (!first) {
    lines.push("first trial: none (the search space is empty)");
    return `${lines.join("\n")}
`;
  }
  if (config.workload.kind !== "program") lines.push(`first trial (seed ${first.seed}): ${pyRepr(first.params)}`);
  else {
    const r = config.workload;
    const args = topLevelArgs(first.params, r.pyNumbers, r.paramPaths);
    lines.push(`first trial (seed ${first.seed}): {${args.map((a) => `${pyRepr(a.key)}: ${pyRepr(a.value, a.isFloat)}`).join(", ")}}`);
    const argsJsonFile = path6.join(tmpdir2(), "sweepgate-args-XXXXXX", "params.json");
    const argv = expandCommand2(r.command, {
      program: r.programAsWritten,
      params: first.params,
      argsJsonFile,
      env,
      pyNumbers: r.pyNumbers,
      paramPaths: r.paramPaths
    });
    lines.push(`command (in ${config.configDir}):`, `  ${argv.map(shellWord).join(" ")}`);
    lines.push(
      `wandb: ${r.wandb === "real" ? "real (PYTHONPATH left alone)" : "stand-in (sweepgate's offline wandb module first on PYTHONPATH)"}`
    );
  }
  return `${lines.join("\n")}
`;
}
async function firstTrial(config) {
  let seen;
  const objective = {
    fingerprint: "explain",
    backend: "none",
    run(params, ctx) {
      seen = { params, seed: ctx.seed };
      return Promise.resolve({ metrics: { [config.metric.name]: 0 } });
    }
  };
  const store = {
    get: () => Promise.resolve(void 0),
    put: () => Promise.resolve(),
    all: () => Promise.resolve([])
  };
  await runStudy({ ...config, budget: { trials: 1 }, repeats: 1, parallel: 1 }, { objective, store, now: Date.now, warn: () => {
  } });
  return seen;
}
var WANDB_INFERS = /* @__PURE__ */ new Set(["value", "values", "values and probabilities", "integer min/max", "min/max"]);
function describeParameter(config, name, distribution, numbers) {
  const source = config.paramSources?.[name];
  const block = blockAt(config.raw, source?.path);
  const takes = DISTRIBUTION_ARGS[distribution] ?? [];
  const given = takes.filter((k) => block[k] !== void 0).map((k) => `${k}: ${source?.written?.[k] ?? pyRepr(block[k])}`);
  const defaults = takes.filter((k) => block[k] === void 0 && k in DISTRIBUTION_DEFAULTS).map((k) => `${k}: ${pyRepr(DISTRIBUTION_DEFAULTS[k], () => k !== "a" && k !== "b")}`);
  const args = [...given, ...defaults.length ? [`default ${defaults.join(", ")}`] : []].join(", ");
  const types = numbers?.kind === "float" ? "; gives floats" : numbers?.kind === "int" && distribution.startsWith("q_") ? "; gives ints (integer q)" : "";
  const inferred = source?.inferredFrom;
  const rule = inferred === void 0 ? "distribution given" : WANDB_INFERS.has(inferred) ? `inferred from ${inferred}, as W&B infers it` : `inferred from ${inferred} by sweepgate; W&B needs distribution: ${distribution} written here`;
  return `${distribution}(${args})${types} (${rule})`;
}
function blockAt(raw, dotted) {
  if (dotted === void 0) return {};
  let node = raw;
  let rest = dotted;
  while (rest !== "") {
    if (!isRecord(node)) return {};
    const obj = node;
    const key = Object.keys(obj).filter((k) => rest === k || rest.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
    if (key === void 0) return {};
    node = obj[key];
    rest = rest.slice(key.length + 1);
  }
  return isRecord(node) ? node : {};
}
function budgetLine(config) {
  const { trials, minutes } = config.budget;
  const gridSize = config.method === "grid" ? config.space.reduce((n, p) => n * (p.dist.values()?.length ?? Infinity), 1) : void 0;
  const staged = config.stages.length > 0 ? plannedTrials(config) : void 0;
  const count = trials === void 0 && staged !== void 0 ? `${staged} trials, the sum of the stages' budgets (a grid stage counts its size)` : trials !== void 0 ? `at most ${trials} trials${gridSize !== void 0 ? ` of ${gridSize} grid combinations` : ""}` : gridSize !== void 0 ? `every one of ${gridSize} grid combinations` : config.method === "manual" ? `each of the ${config.configs?.length ?? 0} listed configurations, in order` : `${DEFAULT_TRIALS} trials (the default without run_cap)`;
  const time = minutes !== void 0 ? `, no new trial after ${minutes} minutes` : ", no time limit";
  const repeats = config.repeats > 1 ? `; best params re-run with ${config.repeats} seeds` : "";
  const stages = config.stages.length ? `; ${config.stages.length} stages` : "";
  return `${count}${time}${repeats}${stages}`;
}
function stageLines(config) {
  const planned = planStages(config);
  const lines = [`stages${config.stagesAuto ? " (auto: planned from the parameters' names; see docs/config.md)" : ""}:`];
  planned.forEach((s, i) => {
    const what = s.space.map((p) => `${p.name} (${s.refine ? "refined around the best so far" : describeSearch(p.dist)})`).join(", ");
    const budget = s.trials !== void 0 ? `${s.trials} trials` : "every combination";
    const why = config.stages[i]?.why;
    const et = s.earlyTerminate ? `, early_terminate ${s.earlyTerminate.type}` : "";
    lines.push(`  ${i + 1}. ${s.method} over ${what}: ${budget}${et}${why ? ` (${why})` : ""}`);
  });
  return lines;
}
function earlyTerminateLine(config) {
  const e = config.earlyTerminate;
  if (e.type === "median") return `median, after ${e.warmupSteps} steps once ${e.minTrials} trials report`;
  const rungs = e.rungs ?? [0, 1, 2, 3].map((k) => e.minIter * e.eta ** k);
  const checked = e.checkRungs ? "; check_rungs: probes run in full, a rung prunes once it ranked them right" : "";
  return `hyperband (eta ${e.eta}), checks at steps ${rungs.join(", ")}${e.rungs ? "" : ", ..."}${checked}`;
}
function shellWord(w) {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

// src/engine/run.ts
import { readFile as readFile4, realpath as realpath2, stat as stat3 } from "node:fs/promises";
import path9 from "node:path";

// src/core/config/parse.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { basename, dirname, extname } from "node:path";

// src/core/config/parameters.ts
function flattenParameters(parameters, issues) {
  const out = [];
  const where = /* @__PURE__ */ new Map();
  const walk = (node, path11, prefix) => {
    if (!isRecord(node)) return;
    for (const [key, block] of Object.entries(node)) {
      const here = [...path11, key];
      if (!isRecord(block)) continue;
      if (has(block, "parameters")) {
        const others = Object.keys(block).filter((k) => k !== "parameters");
        if (others.length)
          issues.add(
            [...here, others[0]],
            `a block with nested parameters holds nothing else, got ${others.join(", ")} beside parameters`
          );
        walk(block.parameters, [...here, "parameters"], `${prefix}${key}.`);
        continue;
      }
      const name = `${prefix}${key}`;
      const first = where.get(name);
      if (first) {
        issues.add(here, `duplicates the parameter ${show(name)} already defined at ${first.join(".")}`);
        continue;
      }
      where.set(name, here);
      out.push({ name, path: here, block });
    }
  };
  walk(parameters, ["parameters"], "");
  return out;
}
function inferDistribution(block, isFloat) {
  const q = has(block, "q");
  if (has(block, "value")) return { name: "constant", from: "value" };
  if (has(block, "values"))
    return has(block, "probabilities") ? { name: "categorical_w_probabilities", from: "values and probabilities" } : { name: "categorical", from: "values" };
  if (has(block, "probabilities")) return { name: "categorical_w_probabilities", from: "probabilities" };
  if (has(block, "min") || has(block, "max")) {
    if (q) return { name: "q_uniform", from: "min/max with q" };
    const ints = ["min", "max"].every((k) => !has(block, k) || Number.isInteger(block[k]) && !isFloat(k));
    return ints ? { name: "int_uniform", from: "integer min/max" } : { name: "uniform", from: "min/max" };
  }
  if (has(block, "mu") || has(block, "sigma"))
    return q ? { name: "q_normal", from: "mu/sigma with q" } : { name: "normal", from: "mu/sigma" };
  if (has(block, "a") || has(block, "b")) return q ? { name: "q_beta", from: "a/b with q" } : { name: "beta", from: "a/b" };
  if (q) return { error: "q needs a range to quantise: give min/max, mu/sigma or a/b (or distribution)" };
  return { error: "must give value, values, min/max, mu/sigma, a/b or a distribution" };
}
var REQUIRED_ARGS = {
  constant: ["value"],
  categorical: ["values"],
  categorical_w_probabilities: ["values", "probabilities"]
};
var RANGE_REQUIRED = /* @__PURE__ */ new Set([
  "int_uniform",
  "uniform",
  "q_uniform",
  "log_uniform",
  "log_uniform_values",
  "q_log_uniform",
  "q_log_uniform_values",
  "inv_log_uniform",
  "inv_log_uniform_values"
]);
function requiredArgs(name) {
  return RANGE_REQUIRED.has(name) ? ["min", "max"] : REQUIRED_ARGS[name] ?? [];
}
function parseParameter(p, isFloat, issues) {
  const { block, path: path11 } = p;
  let name;
  let inferredFrom;
  if (has(block, "distribution")) {
    if (!DISTRIBUTION_NAMES.includes(block.distribution)) return void 0;
    name = block.distribution;
  } else {
    const inferred = inferDistribution(block, (k) => isFloat([...path11, k]));
    if ("error" in inferred) {
      issues.add(path11, `${inferred.error}, got ${show(block)}`);
      return void 0;
    }
    name = inferred.name;
    inferredFrom = inferred.from;
  }
  const takes = DISTRIBUTION_ARGS[name];
  let ok = true;
  for (const key of Object.keys(block)) {
    if (key === "distribution" || takes.includes(key)) continue;
    const why = inferredFrom ? ` (inferred from ${inferredFrom})` : "";
    issues.add([...path11, key], `is not used by ${name}${why}, which takes ${takes.join(", ")}`);
    ok = false;
  }
  for (const key of requiredArgs(name)) {
    if (has(block, key)) continue;
    issues.add([...path11, key], `is required for ${name}`);
    ok = false;
  }
  if (!ok) return void 0;
  const zeroAt = Array.isArray(block.probabilities) ? block.probabilities.findIndex((x) => x === 0) : -1;
  if (zeroAt >= 0) issues.add([...path11, "probabilities"], `must all be > 0; leave the value out instead, got 0 at position ${zeroAt}`);
  try {
    const dist = makeDistribution(name, block);
    if (zeroAt >= 0) return void 0;
    return { name: p.name, dist, path: path11, ...inferredFrom ? { inferredFrom } : {} };
  } catch (e) {
    if (isDistributionArgIssue(e)) issues.add([...path11, e.arg], e.detail);
    else issues.add(path11, errorText(e));
    return void 0;
  }
}
function checkGridParameter(p, issues) {
  if (p.dist.values()) return;
  const { dist } = p;
  const why = dist.kind === "continuous" ? `${dist.name} is continuous` : dist instanceof QuantisedDistribution && !Number.isFinite(dist.base.lo + dist.base.hi) ? `${dist.name} is unbounded` : `${dist.name} has more than ${MAX_SUPPORT} values`;
  issues.add(p.path, `method grid needs a finite set of values but ${why}; give values, or q with a bounded min/max`);
}
var EXPONENT_FORMS = /* @__PURE__ */ new Set(["log_uniform", "q_log_uniform", "inv_log_uniform"]);
function valueRange(dist) {
  const base = dist instanceof QuantisedDistribution ? dist.base : dist;
  if (dist instanceof IntUniformDistribution) return { lo: dist.min, hi: dist.max, loArg: "min", hiArg: "max" };
  if (!(base instanceof ContinuousDistribution)) return void 0;
  const support = dist.values();
  let lo = support ? support[0] : base.lo;
  const hi = support ? support[support.length - 1] : base.hi;
  if (base.name === "log_normal" && lo === 0 && !(dist instanceof QuantisedDistribution)) lo = Number.MIN_VALUE;
  if (dist.name === "inv_log_uniform") return { lo, hi, loArg: "max", hiArg: "min" };
  if (["normal", "log_normal", "q_normal", "q_log_normal", "beta", "q_beta"].includes(dist.name)) return { lo, hi };
  return { lo, hi, loArg: "min", hiArg: "max" };
}
function checkTrainerParameter(p, issues) {
  const { dist, path: path11, name } = p;
  const spec = TRAINER_HYPERPARAMETERS[name];
  if (!spec) return;
  const hint = p.inferredFrom === "integer min/max" ? " (int_uniform inferred from integer min/max; write 0.0 or set distribution: uniform for floats)" : "";
  if (dist.kind === "categorical") {
    const values = dist.values() ?? [];
    const at = (i) => dist.name === "constant" ? [...path11, "value"] : [...path11, "values", i];
    values.forEach((v, i) => {
      const msg = checkHyperparameter(name, v);
      if (msg) issues.add(at(i), msg);
    });
    return;
  }
  if (spec.type === "enum" || spec.type === "bool") {
    const takes = spec.type === "bool" ? "true or false" : `one of ${spec.values.join(", ")}`;
    const example = spec.type === "bool" ? "[true, false]" : `[${spec.values.slice(0, 2).join(", ")}]`;
    issues.add(path11, `${name} takes ${takes}; ${dist.name} gives numbers, use values: ${example}`);
    return;
  }
  if (spec.type === "int" && !givesIntegers(dist)) {
    issues.add(path11, `${name} takes integers but ${dist.name} gives fractions; use int_uniform, an integer q, or values`);
    return;
  }
  const range = valueRange(dist);
  if (!range) return;
  checkEnd(p, range, "below", issues, hint);
  checkEnd(p, range, "above", issues, hint);
}
function givesIntegers(dist) {
  if (dist instanceof IntUniformDistribution) return true;
  return dist instanceof QuantisedDistribution && Number.isInteger(dist.q);
}
function checkEnd(p, range, side, issues, hint) {
  const spec = TRAINER_HYPERPARAMETERS[p.name];
  if (!spec || spec.type !== "int" && spec.type !== "float") return;
  const [value, arg] = side === "below" ? [range.lo, range.loArg] : [range.hi, range.hiArg];
  const where = arg ? [...p.path, arg] : p.path;
  if (!Number.isFinite(value)) {
    const exclusive = spec.type === "float" && (side === "below" ? spec.minExclusive : spec.maxExclusive);
    const limit = side === "below" ? spec.min : spec.max;
    if (limit !== void 0)
      issues.add(
        where,
        `${p.dist.name} is unbounded ${side}, but ${p.name} must be ${side === "below" ? ">" : "<"}${exclusive ? "" : "="} ${limit}`
      );
    return;
  }
  const msg = checkHyperparameter(p.name, value);
  if (!msg) return;
  if (!arg) {
    const minExclusive = spec.type === "float" && spec.minExclusive === true;
    const maxExclusive = spec.type === "float" && spec.maxExclusive === true;
    const tooLow = minExclusive ? value <= spec.min : value < spec.min;
    const broken = tooLow ? `>${minExclusive ? "" : "="} ${spec.min}` : `<${maxExclusive ? "" : "="} ${spec.max ?? "\u221E"}`;
    const hi = Number.isFinite(range.hi) ? `${range.hi}]` : "\u221E)";
    issues.add(where, `${p.dist.name}'s support [${range.lo}, ${hi} includes ${value}, but ${p.name} must be ${broken}`);
    return;
  }
  const exp = EXPONENT_FORMS.has(p.dist.name) && arg ? ` (${p.dist.name} takes exponents: the value is e^${arg}; use ${p.dist.name}_values to give values)` : "";
  issues.add(where, `${msg}${exp}${hint}`);
}
var VALUES_FORM = {
  log_uniform: "log_uniform_values",
  q_log_uniform: "q_log_uniform_values",
  inv_log_uniform: "inv_log_uniform_values"
};
function exponentBoundsWarning(p) {
  const valuesForm = VALUES_FORM[p.dist.name];
  const base = p.dist instanceof QuantisedDistribution ? p.dist.base : p.dist;
  if (!valuesForm || !(base instanceof LogUniformDistribution)) return void 0;
  const [min, max] = base.name === "inv_log_uniform" ? [-base.lnHi, -base.lnLo] : [base.lnLo, base.lnHi];
  if (!(min > 0 && max <= 1)) return void 0;
  const [lo, hi] = nearOne(base.lo, base.hi);
  return `${p.dist.name} takes exponents, so values will be in [${lo}, ${hi}]; for bounds given as values use ${valuesForm}`;
}
function nearOne(a, b) {
  const round = (x, digits) => Number(x.toPrecision(Math.min(digits, 17)));
  const digitsFor = (x) => {
    let d = 4;
    while (d < 17 && x !== 1 && round(x, d) === 1) d++;
    return d;
  };
  let [da, db] = [digitsFor(a), digitsFor(b)];
  while (da < 17 && round(a, da) === round(b, db)) [da, db] = [da + 1, db + 1];
  return [String(round(a, da)), String(round(b, db))];
}
function largestValues(p) {
  const { dist, path: path11 } = p;
  if (dist.kind === "categorical") {
    const values = dist.values() ?? [];
    return values.flatMap(
      (v, i) => typeof v === "number" ? [{ value: v, path: dist.name === "constant" ? [...path11, "value"] : [...path11, "values", i] }] : []
    );
  }
  const range = valueRange(dist);
  return range && Number.isFinite(range.hi) ? [{ value: range.hi, path: range.hiArg ? [...path11, range.hiArg] : path11 }] : [];
}

// src/core/config/sweep-validator.generated.ts
var validate = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/sweepgate/sweepgate/schema/sweep.schema.json", "title": "sweepgate sweep config", "description": "A Weights & Biases sweep configuration plus sweepgate's own keys (seed, budget, trainer, objective, fingerprint, gate, repeats, stages, parallel). Exactly one of trainer, objective, program says what a trial runs; relative paths resolve from this file's folder.", "type": "object", "required": ["method"], "additionalProperties": false, "properties": { "name": { "type": "string", "minLength": 1, "description": "Sweep name; default: the config file name without extension. Names the PR comment and the cache entries." }, "description": { "type": "string", "description": "Free text shown in the report." }, "method": { "enum": ["manual", "grid", "random", "quasirandom", "bayes", "tpe"], "description": "Search strategy: manual (the configurations listed in configs, in order), grid (every combination once), random (seeded), quasirandom (a seeded scrambled Halton sequence: even coverage for exploration), bayes (Gaussian process), tpe (tree-structured Parzen estimator)." }, "configs": { "type": "array", "minItems": 1, "items": { "type": "object", "minProperties": 1 }, "description": "method manual: the configurations to try, in order, each a mapping of parameter names to values inside the space (a constant parameter may be left out). The sweep stops when the list is done." }, "metric": { "type": "object", "description": "The metric the sweep optimises. Required with objective or program, except for grid, random, quasirandom and manual sweeps, which may go without (as in W&B: every trial runs, none is best, nothing is gated); with trainer defaults to {name: val_loss, goal: minimize}.", "required": ["name"], "additionalProperties": false, "properties": { "name": { "type": "string", "minLength": 1, "description": "Metric name, as reported by the trial (e.g. val_loss, val_accuracy)." }, "goal": { "enum": ["minimize", "maximize"], "default": "minimize" }, "target": { "type": "number", "description": "Stop the sweep once the best value reaches this." }, "impute": { "description": "W&B key, accepted and ignored by sweepgate: imputation for failed runs" }, "impute_while_running": { "description": "W&B key, accepted and ignored by sweepgate: imputation while running" } } }, "parameters": { "$ref": "#/definitions/parameters" }, "early_terminate": { "type": "object", "description": "Prune unpromising trials: W&B hyperband (min_iter, or max_iter with s; eta default 3) or sweepgate's median rule (warmup_steps default 1, min_trials default 5).", "required": ["type"], "additionalProperties": false, "properties": { "type": { "enum": ["hyperband", "median"] }, "min_iter": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "hyperband: first step at which trials may be stopped." }, "max_iter": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "hyperband: last step at which trials may be stopped (with s)." }, "s": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "hyperband: number of brackets below max_iter." }, "eta": { "type": "number", "exclusiveMinimum": 1, "default": 3, "description": "hyperband: keep the top 1/eta at each bracket." }, "strict": { "description": "W&B key, accepted and ignored by sweepgate: hyperband strict mode" }, "check_rungs": { "type": "boolean", "default": false, "description": "hyperband (sweepgate): a rung prunes only once its cut would have kept the best of the trials that ran furthest (at least 3 of them)." }, "warmup_steps": { "type": "integer", "minimum": 0, "maximum": 9007199254740991, "default": 1, "description": "median: steps before a trial may be pruned." }, "min_trials": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "default": 5, "description": "median: trials reporting a step before comparing at it." } } }, "run_cap": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "Maximum number of trials (same as budget.trials)." }, "program": { "type": "string", "minLength": 1, "description": "Training script a trial runs (W&B style): a file relative to this file, or a module (command: [..., -m, ${program}]) or console script (command: [${program}, ...])." }, "command": { "type": "array", "minItems": 1, "items": { "type": ["string", "number", "boolean"] }, "description": "Command line for program, as W&B's agent runs it: each item becomes a string as Python's str() writes it; whole-item macros ${env} ${interpreter} ${program} ${args} ${args_no_equals} ${args_no_hyphens} ${args_no_boolean_flags} ${args_append_hydra} ${args_override_hydra} ${args_json} ${args_json_file}, a parameter name (${batch_size}) for its value, ${envvar:NAME} anywhere in an item; an unknown whole-item macro is dropped. Default: [${env}, ${interpreter}, ${program}, ${args}]." }, "wandb": { "enum": ["stand-in", "real"], "default": "stand-in", "description": "With program: stand-in (default) puts sweepgate's offline wandb module first on PYTHONPATH, so wandb.init/config/log/summary work with no account and no network; real leaves PYTHONPATH alone (the program then reports metrics as JSON lines)." }, "entity": { "description": "W&B key, accepted and ignored by sweepgate: W&B entity" }, "project": { "description": "W&B key, accepted and ignored by sweepgate: W&B project" }, "controller": { "description": "W&B key, accepted and ignored by sweepgate: W&B controller" }, "job": { "description": "W&B key, accepted and ignored by sweepgate: W&B Launch job" }, "image_uri": { "description": "W&B key, accepted and ignored by sweepgate: W&B Launch image" }, "imageuri": { "description": "W&B key, accepted and ignored by sweepgate: W&B Launch image (old spelling)" }, "scheduler": { "description": "W&B key, accepted and ignored by sweepgate: W&B Launch scheduler" }, "launch": { "description": "W&B key, accepted and ignored by sweepgate: W&B Launch settings" }, "apiVersion": { "description": "W&B key, accepted and ignored by sweepgate: W&B config version" }, "kind": { "description": "W&B key, accepted and ignored by sweepgate: W&B kind" }, "seed": { "type": "integer", "minimum": -9007199254740991, "maximum": 9007199254740991, "default": 0, "description": "Sweep seed: the same seed replays the same sequence of trials." }, "trial_timeout": { "type": ["number", "string"], "description": 'Longest one trial may run: seconds (90) or a duration ("90s", "5m", "1h30m"). A trial past it is stopped with every process it started and recorded as failed (timeout); the sweep goes on.' }, "budget": { "type": "object", "additionalProperties": false, "description": "Limits: trials (like run_cap) and minutes (no new trial starts after this).", "properties": { "trials": { "type": "integer", "minimum": 1, "maximum": 9007199254740991 }, "minutes": { "type": "number", "exclusiveMinimum": 0 } } }, "trainer": { "type": "object", "description": "Built-in TensorFlow.js trainer: an MLP on a CSV file (type tabular), or conv layers and a dense head on images (type image).", "required": ["data"], "additionalProperties": false, "properties": { "type": { "enum": ["tabular", "image"], "default": "tabular" }, "data": { "type": "string", "minLength": 1, "description": "CSV file with a header row, relative to this file; with type image, a CSV of pixel rows or a folder with one sub-folder of PNG/JPEG images per class." }, "target": { "type": "string", "minLength": 1, "description": "Label column (type image: of a pixel CSV; a folder of images needs none)." }, "task": { "enum": ["classification", "regression"] }, "validation_split": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "default": 0.2, "description": "Fraction held out for validation. Each row's side is fixed by a hash of its position (or its split_by ids) and split_seed, never by its feature cells or the sweep seed." }, "validation": { "type": "string", "minLength": 1, "description": "Separate validation CSV with the same columns (instead of validation_split)." }, "features": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "minLength": 1 }, "description": "Feature columns; default: every column but the target." }, "defaults": { "type": "object", "description": "Values for trainer hyperparameters the sweep does not search (e.g. epochs: 20)." }, "split_seed": { "type": "integer", "minimum": 0, "maximum": 9007199254740991, "default": 0, "description": "Seed of the validation split, independent of the sweep's seed (changing seed never moves validation rows)." }, "split_by": { "type": ["string", "array"], "minLength": 1, "minItems": 1, "uniqueItems": true, "items": { "type": "string", "minLength": 1 }, "description": "Id column(s): a row's side follows its id, so the split survives deleted and reordered rows. Not features unless listed in features." }, "input_shape": { "type": "array", "minItems": 3, "maxItems": 3, "items": { "type": "integer", "minimum": 1 }, "description": "type image: [height, width, channels] of every image (channels 1 = greyscale, 3 = RGB); folder images are resized to it." }, "base_model": { "type": "string", "minLength": 1, "description": "A saved TensorFlow.js LayersModel (model.json or its folder) to fine-tune: an MLP (type tabular) or a conv net that save_best wrote (type image); its architecture and weights replace the initial ones, and its bytes (and its model-card.json's) are part of every trial key." }, "save_best": { "type": "string", "minLength": 1, "description": "Folder to write the best trial's model to after the sweep (model.json + weights.bin, loadable with tf.loadLayersModel, and model-card.json); the MLP (type tabular) or the conv net (type image)." } }, "if": { "properties": { "type": { "const": "image" } }, "required": ["type"] }, "else": { "required": ["target", "task"] } }, "objective": { "type": "string", "minLength": 1, "description": "JS module whose default export trains one trial: async (params, ctx) => number | metrics." }, "fingerprint": { "type": ["string", "array"], "minLength": 1, "items": { "type": "string", "minLength": 1 }, "description": "Glob(s), relative to this file, whose file contents are part of every trial key." }, "gate": { "type": "object", "description": 'Per-metric regression thresholds: metric: 0.01 (absolute), metric: "2%" (relative), or {threshold, goal, alpha}.', "additionalProperties": { "$ref": "#/definitions/gateRule" } }, "parallel": { "type": "integer", "minimum": 1, "maximum": 64, "description": "Trials run at once (the built-in trainer in worker threads). Default: for the built-in trainer one worker per core capped for memory (1 for small sweeps); 1 for programs and modules. Running trials are fantasised by the sampler so they never get the same point, and trials are recorded in the order they were asked, so a parallel sweep is reproducible." }, "repeats": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "default": 1, "description": "Seeds per finalist, to measure noise." }, "champion": { "type": "object", "additionalProperties": false, "description": "Champion replay: main's best params are trained on this many held-out seeds on the baseline branch, and replayed on every PR with the same seeds in the same order, stopping once the evidence decides (3, 5, then all of them); the gate pairs them seed by seed.", "properties": { "seeds": { "type": "integer", "minimum": 0, "maximum": 1e3, "description": "Held-out seeds (0 turns the replay off; the gate then compares best with best)." } } }, "pr": { "type": "object", "additionalProperties": false, "description": "How a pull request runs (the baseline branch always runs the search). Not part of the config hash: changing it does not make main and the PR differ.", "properties": { "search": { "type": "boolean", "default": true, "description": "false: a PR runs only the champion replay, skipping the search (no trial budget spent); the gate decides on rules `on: champion`, and rules `on: best` or `both` fail, since nothing was searched. For expensive models, and PRs that do not touch the search space. Needs a baseline with a champion; without one the search runs." }, "warm_start": { "type": "integer", "minimum": 0, "maximum": 100, "default": 3, "description": "When a PR searches and main's trials cannot be reused (their keys changed), its search starts with main's best this-many configurations still inside the PR's space, re-evaluated under the PR, then the sampler takes over (random, quasirandom, bayes, tpe; not with stages). They count against the trial budget. 0 turns it off." } } }, "stages": { "type": ["array", "string"], "minItems": 1, "description": "Iterative sweep: each stage searches its parameters with its own method and budget, with every earlier stage's best fixed. `auto` plans the stages from the parameters' names (optimizer, learning rate, architecture, regularisation, the rest).", "if": { "type": "string" }, "then": { "enum": ["auto"] }, "items": { "type": "object", "required": ["parameters"], "additionalProperties": false, "properties": { "parameters": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string" } }, "method": { "type": "string", "description": "This stage's search method (default: the sweep's): grid, random, bayes, tpe, quasirandom or manual." }, "run_cap": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "This stage's trial budget (default: a grid's size, else the sweep's)." }, "budget": { "type": "object", "additionalProperties": false, "properties": { "trials": { "type": "integer", "minimum": 1, "maximum": 9007199254740991 } }, "description": "This stage's trial budget, like run_cap." }, "trials": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "This stage's trial budget, like run_cap." }, "early_terminate": { "$ref": "#/properties/early_terminate" }, "values": { "description": "decades: each numeric parameter takes the powers of ten inside its range." }, "refine": { "type": "boolean", "description": "Narrow each numeric range around its best value so far: one decade either side on a log range, a quarter of the width either side on a linear one, clipped to the original bounds." }, "configs": { "type": "array", "items": { "type": "object" }, "description": "method: manual: the configurations to try, as they are." } } } } }, "definitions": { "parameters": { "type": "object", "description": "The search space: parameter name -> distribution (W&B forms). Nested `parameters:` blocks become dotted names.", "minProperties": 1, "additionalProperties": { "$ref": "#/definitions/parameter" } }, "parameter": { "type": "object", "description": "One parameter: value | values (+probabilities) | min/max (+q) | mu/sigma (+q) | a/b (+q), an optional distribution, or a nested parameters block.", "additionalProperties": false, "properties": { "distribution": { "enum": ["constant", "categorical", "categorical_w_probabilities", "int_uniform", "uniform", "q_uniform", "log_uniform", "log_uniform_values", "q_log_uniform", "q_log_uniform_values", "inv_log_uniform", "inv_log_uniform_values", "normal", "q_normal", "log_normal", "q_log_normal", "beta", "q_beta"] }, "value": { "description": "A constant." }, "values": { "type": "array", "minItems": 1, "description": "Choices (categorical)." }, "probabilities": { "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0 }, "description": "One probability per value; they sum to 1." }, "min": { "type": "number", "description": "Lower bound (an exponent for log_uniform, q_log_uniform, inv_log_uniform)." }, "max": { "type": "number", "description": "Upper bound (an exponent for log_uniform, q_log_uniform, inv_log_uniform)." }, "mu": { "type": "number", "description": "Mean (normal) or mean of the log (log_normal); default 0." }, "sigma": { "type": "number", "exclusiveMinimum": 0, "description": "Standard deviation; default 1." }, "q": { "type": "number", "exclusiveMinimum": 0, "description": "Quantisation step for q_* distributions; default 1." }, "a": { "type": "number", "exclusiveMinimum": 0, "description": "Beta shape a; default 1." }, "b": { "type": "number", "exclusiveMinimum": 0, "description": "Beta shape b; default 1." }, "parameters": { "$ref": "#/definitions/parameters" } } }, "gateRule": { "type": ["number", "string", "object"], "description": 'Threshold: a number (absolute change) or "N%" (relative change), or {threshold, goal, alpha, on}.', "minimum": 0, "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$", "required": ["threshold"], "additionalProperties": false, "properties": { "threshold": { "type": ["number", "string"], "minimum": 0, "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$" }, "goal": { "enum": ["minimize", "maximize"] }, "alpha": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "default": 0.05 }, "on": { "enum": ["champion", "best", "both"], "default": "champion", "description": "champion: main's best params replayed on this PR with main's seeds, paired seed by seed (default); best: this PR's best vs main's best (the tuning result); both: either failing fails." } } } } };
var schema14 = { "type": ["number", "string", "object"], "description": 'Threshold: a number (absolute change) or "N%" (relative change), or {threshold, goal, alpha, on}.', "minimum": 0, "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$", "required": ["threshold"], "additionalProperties": false, "properties": { "threshold": { "type": ["number", "string"], "minimum": 0, "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$" }, "goal": { "enum": ["minimize", "maximize"] }, "alpha": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "default": 0.05 }, "on": { "enum": ["champion", "best", "both"], "default": "champion", "description": "champion: main's best params replayed on this PR with main's seeds, paired seed by seed (default); best: this PR's best vs main's best (the tuning result); both: either failing fails." } } };
var schema15 = { "type": "object", "description": "Prune unpromising trials: W&B hyperband (min_iter, or max_iter with s; eta default 3) or sweepgate's median rule (warmup_steps default 1, min_trials default 5).", "required": ["type"], "additionalProperties": false, "properties": { "type": { "enum": ["hyperband", "median"] }, "min_iter": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "hyperband: first step at which trials may be stopped." }, "max_iter": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "hyperband: last step at which trials may be stopped (with s)." }, "s": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "hyperband: number of brackets below max_iter." }, "eta": { "type": "number", "exclusiveMinimum": 1, "default": 3, "description": "hyperband: keep the top 1/eta at each bracket." }, "strict": { "description": "W&B key, accepted and ignored by sweepgate: hyperband strict mode" }, "check_rungs": { "type": "boolean", "default": false, "description": "hyperband (sweepgate): a rung prunes only once its cut would have kept the best of the trials that ran furthest (at least 3 of them)." }, "warmup_steps": { "type": "integer", "minimum": 0, "maximum": 9007199254740991, "default": 1, "description": "median: steps before a trial may be pruned." }, "min_trials": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "default": 5, "description": "median: trials reporting a step before comparing at it." } } };
var func2 = Object.prototype.hasOwnProperty;
var schema12 = { "type": "object", "description": "The search space: parameter name -> distribution (W&B forms). Nested `parameters:` blocks become dotted names.", "minProperties": 1, "additionalProperties": { "$ref": "#/definitions/parameter" } };
var schema13 = { "type": "object", "description": "One parameter: value | values (+probabilities) | min/max (+q) | mu/sigma (+q) | a/b (+q), an optional distribution, or a nested parameters block.", "additionalProperties": false, "properties": { "distribution": { "enum": ["constant", "categorical", "categorical_w_probabilities", "int_uniform", "uniform", "q_uniform", "log_uniform", "log_uniform_values", "q_log_uniform", "q_log_uniform_values", "inv_log_uniform", "inv_log_uniform_values", "normal", "q_normal", "log_normal", "q_log_normal", "beta", "q_beta"] }, "value": { "description": "A constant." }, "values": { "type": "array", "minItems": 1, "description": "Choices (categorical)." }, "probabilities": { "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0 }, "description": "One probability per value; they sum to 1." }, "min": { "type": "number", "description": "Lower bound (an exponent for log_uniform, q_log_uniform, inv_log_uniform)." }, "max": { "type": "number", "description": "Upper bound (an exponent for log_uniform, q_log_uniform, inv_log_uniform)." }, "mu": { "type": "number", "description": "Mean (normal) or mean of the log (log_normal); default 0." }, "sigma": { "type": "number", "exclusiveMinimum": 0, "description": "Standard deviation; default 1." }, "q": { "type": "number", "exclusiveMinimum": 0, "description": "Quantisation step for q_* distributions; default 1." }, "a": { "type": "number", "exclusiveMinimum": 0, "description": "Beta shape a; default 1." }, "b": { "type": "number", "exclusiveMinimum": 0, "description": "Beta shape b; default 1." }, "parameters": { "$ref": "#/definitions/parameters" } } };
var wrapper0 = { validate: validate11 };
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func2.call(schema13.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.distribution !== void 0) {
      let data0 = data.distribution;
      if (!(data0 === "constant" || data0 === "categorical" || data0 === "categorical_w_probabilities" || data0 === "int_uniform" || data0 === "uniform" || data0 === "q_uniform" || data0 === "log_uniform" || data0 === "log_uniform_values" || data0 === "q_log_uniform" || data0 === "q_log_uniform_values" || data0 === "inv_log_uniform" || data0 === "inv_log_uniform_values" || data0 === "normal" || data0 === "q_normal" || data0 === "log_normal" || data0 === "q_log_normal" || data0 === "beta" || data0 === "q_beta")) {
        const err1 = { instancePath: instancePath + "/distribution", schemaPath: "#/properties/distribution/enum", keyword: "enum", params: { allowedValues: schema13.properties.distribution.enum }, message: "must be equal to one of the allowed values", schema: schema13.properties.distribution.enum, parentSchema: schema13.properties.distribution, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.values !== void 0) {
      let data1 = data.values;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err2 = { instancePath: instancePath + "/values", schemaPath: "#/properties/values/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema13.properties.values, data: data1 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/values", schemaPath: "#/properties/values/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.properties.values.type, parentSchema: schema13.properties.values, data: data1 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.probabilities !== void 0) {
      let data2 = data.probabilities;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err4 = { instancePath: instancePath + "/probabilities", schemaPath: "#/properties/probabilities/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema13.properties.probabilities, data: data2 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 == "number" && isFinite(data3)) {
            if (data3 < 0 || isNaN(data3)) {
              const err5 = { instancePath: instancePath + "/probabilities/" + i0, schemaPath: "#/properties/probabilities/items/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema13.properties.probabilities.items, data: data3 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/probabilities/" + i0, schemaPath: "#/properties/probabilities/items/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema13.properties.probabilities.items.type, parentSchema: schema13.properties.probabilities.items, data: data3 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = { instancePath: instancePath + "/probabilities", schemaPath: "#/properties/probabilities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.properties.probabilities.type, parentSchema: schema13.properties.probabilities, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.min !== void 0) {
      let data4 = data.min;
      if (!(typeof data4 == "number" && isFinite(data4))) {
        const err8 = { instancePath: instancePath + "/min", schemaPath: "#/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema13.properties.min.type, parentSchema: schema13.properties.min, data: data4 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.max !== void 0) {
      let data5 = data.max;
      if (!(typeof data5 == "number" && isFinite(data5))) {
        const err9 = { instancePath: instancePath + "/max", schemaPath: "#/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema13.properties.max.type, parentSchema: schema13.properties.max, data: data5 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.mu !== void 0) {
      let data6 = data.mu;
      if (!(typeof data6 == "number" && isFinite(data6))) {
        const err10 = { instancePath: instancePath + "/mu", schemaPath: "#/properties/mu/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema13.properties.mu.type, parentSchema: schema13.properties.mu, data: data6 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.sigma !== void 0) {
      let data7 = data.sigma;
      if (typeof data7 == "number" && isFinite(data7)) {
        if (data7 <= 0 || isNaN(data7)) {
          const err11 = { instancePath: instancePath + "/sigma", schemaPath: "#/properties/sigma/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema13.properties.sigma, data: data7 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/sigma", schemaPath: "#/properties/sigma/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema13.properties.sigma.type, parentSchema: schema13.properties.sigma, data: data7 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.q !== void 0) {
      let data8 = data.q;
      if (typeof data8 == "number" && isFinite(data8)) {
        if (data8 <= 0 || isNaN(data8)) {
          const err13 = { instancePath: instancePath + "/q", schemaPath: "#/properties/q/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema13.properties.q, data: data8 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/q", schemaPath: "#/properties/q/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema13.properties.q.type, parentSchema: schema13.properties.q, data: data8 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.a !== void 0) {
      let data9 = data.a;
      if (typeof data9 == "number" && isFinite(data9)) {
        if (data9 <= 0 || isNaN(data9)) {
          const err15 = { instancePath: instancePath + "/a", schemaPath: "#/properties/a/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema13.properties.a, data: data9 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/a", schemaPath: "#/properties/a/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema13.properties.a.type, parentSchema: schema13.properties.a, data: data9 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.b !== void 0) {
      let data10 = data.b;
      if (typeof data10 == "number" && isFinite(data10)) {
        if (data10 <= 0 || isNaN(data10)) {
          const err17 = { instancePath: instancePath + "/b", schemaPath: "#/properties/b/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema13.properties.b, data: data10 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/b", schemaPath: "#/properties/b/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema13.properties.b.type, parentSchema: schema13.properties.b, data: data10 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.parameters !== void 0) {
      if (!wrapper0.validate(data.parameters, { instancePath: instancePath + "/parameters", parentData: data, parentDataProperty: "parameters", rootData })) {
        vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err19 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data };
    if (vErrors === null) {
      vErrors = [err19];
    } else {
      vErrors.push(err19);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length < 1) {
      const err0 = { instancePath, schemaPath: "#/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!validate12(data[key0], { instancePath: instancePath + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data, parentDataProperty: key0, rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err1 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var pattern0 = new RegExp("^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.method === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "method" }, message: "must have required property 'method'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.name, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.name.type, parentSchema: schema11.properties.name, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data1 = data.description;
      if (typeof data1 !== "string") {
        const err4 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.description.type, parentSchema: schema11.properties.description, data: data1 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.method !== void 0) {
      let data2 = data.method;
      if (!(data2 === "manual" || data2 === "grid" || data2 === "random" || data2 === "quasirandom" || data2 === "bayes" || data2 === "tpe")) {
        const err5 = { instancePath: instancePath + "/method", schemaPath: "#/properties/method/enum", keyword: "enum", params: { allowedValues: schema11.properties.method.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.method.enum, parentSchema: schema11.properties.method, data: data2 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.configs !== void 0) {
      let data3 = data.configs;
      if (Array.isArray(data3)) {
        if (data3.length < 1) {
          const err6 = { instancePath: instancePath + "/configs", schemaPath: "#/properties/configs/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.configs, data: data3 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data4 = data3[i0];
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (Object.keys(data4).length < 1) {
              const err7 = { instancePath: instancePath + "/configs/" + i0, schemaPath: "#/properties/configs/items/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema11.properties.configs.items, data: data4 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/configs/" + i0, schemaPath: "#/properties/configs/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.configs.items.type, parentSchema: schema11.properties.configs.items, data: data4 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/configs", schemaPath: "#/properties/configs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.configs.type, parentSchema: schema11.properties.configs, data: data3 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.metric !== void 0) {
      let data5 = data.metric;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.name === void 0) {
          const err10 = { instancePath: instancePath + "/metric", schemaPath: "#/properties/metric/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema11.properties.metric.required, parentSchema: schema11.properties.metric, data: data5 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        for (const key1 in data5) {
          if (!(key1 === "name" || key1 === "goal" || key1 === "target" || key1 === "impute" || key1 === "impute_while_running")) {
            const err11 = { instancePath: instancePath + "/metric", schemaPath: "#/properties/metric/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.metric, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data5.name !== void 0) {
          let data6 = data5.name;
          if (typeof data6 === "string") {
            if (data6.length < 1) {
              const err12 = { instancePath: instancePath + "/metric/name", schemaPath: "#/properties/metric/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.metric.properties.name, data: data6 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/metric/name", schemaPath: "#/properties/metric/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.metric.properties.name.type, parentSchema: schema11.properties.metric.properties.name, data: data6 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data5.goal !== void 0) {
          let data7 = data5.goal;
          if (!(data7 === "minimize" || data7 === "maximize")) {
            const err14 = { instancePath: instancePath + "/metric/goal", schemaPath: "#/properties/metric/properties/goal/enum", keyword: "enum", params: { allowedValues: schema11.properties.metric.properties.goal.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.metric.properties.goal.enum, parentSchema: schema11.properties.metric.properties.goal, data: data7 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data5.target !== void 0) {
          let data8 = data5.target;
          if (!(typeof data8 == "number" && isFinite(data8))) {
            const err15 = { instancePath: instancePath + "/metric/target", schemaPath: "#/properties/metric/properties/target/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.metric.properties.target.type, parentSchema: schema11.properties.metric.properties.target, data: data8 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/metric", schemaPath: "#/properties/metric/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.metric.type, parentSchema: schema11.properties.metric, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.parameters !== void 0) {
      if (!validate11(data.parameters, { instancePath: instancePath + "/parameters", parentData: data, parentDataProperty: "parameters", rootData })) {
        vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
        errors = vErrors.length;
      }
    }
    if (data.early_terminate !== void 0) {
      let data10 = data.early_terminate;
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        if (data10.type === void 0) {
          const err17 = { instancePath: instancePath + "/early_terminate", schemaPath: "#/properties/early_terminate/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema11.properties.early_terminate.required, parentSchema: schema11.properties.early_terminate, data: data10 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        for (const key2 in data10) {
          if (!func2.call(schema11.properties.early_terminate.properties, key2)) {
            const err18 = { instancePath: instancePath + "/early_terminate", schemaPath: "#/properties/early_terminate/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.early_terminate, data: data10 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data10.type !== void 0) {
          let data11 = data10.type;
          if (!(data11 === "hyperband" || data11 === "median")) {
            const err19 = { instancePath: instancePath + "/early_terminate/type", schemaPath: "#/properties/early_terminate/properties/type/enum", keyword: "enum", params: { allowedValues: schema11.properties.early_terminate.properties.type.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.early_terminate.properties.type.enum, parentSchema: schema11.properties.early_terminate.properties.type, data: data11 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data10.min_iter !== void 0) {
          let data12 = data10.min_iter;
          if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
            const err20 = { instancePath: instancePath + "/early_terminate/min_iter", schemaPath: "#/properties/early_terminate/properties/min_iter/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.early_terminate.properties.min_iter.type, parentSchema: schema11.properties.early_terminate.properties.min_iter, data: data12 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 > 9007199254740991 || isNaN(data12)) {
              const err21 = { instancePath: instancePath + "/early_terminate/min_iter", schemaPath: "#/properties/early_terminate/properties/min_iter/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.early_terminate.properties.min_iter, data: data12 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
            if (data12 < 1 || isNaN(data12)) {
              const err22 = { instancePath: instancePath + "/early_terminate/min_iter", schemaPath: "#/properties/early_terminate/properties/min_iter/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.early_terminate.properties.min_iter, data: data12 };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
          }
        }
        if (data10.max_iter !== void 0) {
          let data13 = data10.max_iter;
          if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
            const err23 = { instancePath: instancePath + "/early_terminate/max_iter", schemaPath: "#/properties/early_terminate/properties/max_iter/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.early_terminate.properties.max_iter.type, parentSchema: schema11.properties.early_terminate.properties.max_iter, data: data13 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
          if (typeof data13 == "number" && isFinite(data13)) {
            if (data13 > 9007199254740991 || isNaN(data13)) {
              const err24 = { instancePath: instancePath + "/early_terminate/max_iter", schemaPath: "#/properties/early_terminate/properties/max_iter/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.early_terminate.properties.max_iter, data: data13 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data13 < 1 || isNaN(data13)) {
              const err25 = { instancePath: instancePath + "/early_terminate/max_iter", schemaPath: "#/properties/early_terminate/properties/max_iter/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.early_terminate.properties.max_iter, data: data13 };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          }
        }
        if (data10.s !== void 0) {
          let data14 = data10.s;
          if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
            const err26 = { instancePath: instancePath + "/early_terminate/s", schemaPath: "#/properties/early_terminate/properties/s/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.early_terminate.properties.s.type, parentSchema: schema11.properties.early_terminate.properties.s, data: data14 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
          if (typeof data14 == "number" && isFinite(data14)) {
            if (data14 > 9007199254740991 || isNaN(data14)) {
              const err27 = { instancePath: instancePath + "/early_terminate/s", schemaPath: "#/properties/early_terminate/properties/s/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.early_terminate.properties.s, data: data14 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (data14 < 1 || isNaN(data14)) {
              const err28 = { instancePath: instancePath + "/early_terminate/s", schemaPath: "#/properties/early_terminate/properties/s/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.early_terminate.properties.s, data: data14 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          }
        }
        if (data10.eta !== void 0) {
          let data15 = data10.eta;
          if (typeof data15 == "number" && isFinite(data15)) {
            if (data15 <= 1 || isNaN(data15)) {
              const err29 = { instancePath: instancePath + "/early_terminate/eta", schemaPath: "#/properties/early_terminate/properties/eta/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 1 }, message: "must be > 1", schema: 1, parentSchema: schema11.properties.early_terminate.properties.eta, data: data15 };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          } else {
            const err30 = { instancePath: instancePath + "/early_terminate/eta", schemaPath: "#/properties/early_terminate/properties/eta/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.early_terminate.properties.eta.type, parentSchema: schema11.properties.early_terminate.properties.eta, data: data15 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data10.check_rungs !== void 0) {
          let data16 = data10.check_rungs;
          if (typeof data16 !== "boolean") {
            const err31 = { instancePath: instancePath + "/early_terminate/check_rungs", schemaPath: "#/properties/early_terminate/properties/check_rungs/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.early_terminate.properties.check_rungs.type, parentSchema: schema11.properties.early_terminate.properties.check_rungs, data: data16 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
        if (data10.warmup_steps !== void 0) {
          let data17 = data10.warmup_steps;
          if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
            const err32 = { instancePath: instancePath + "/early_terminate/warmup_steps", schemaPath: "#/properties/early_terminate/properties/warmup_steps/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.early_terminate.properties.warmup_steps.type, parentSchema: schema11.properties.early_terminate.properties.warmup_steps, data: data17 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
          if (typeof data17 == "number" && isFinite(data17)) {
            if (data17 > 9007199254740991 || isNaN(data17)) {
              const err33 = { instancePath: instancePath + "/early_terminate/warmup_steps", schemaPath: "#/properties/early_terminate/properties/warmup_steps/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.early_terminate.properties.warmup_steps, data: data17 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
            if (data17 < 0 || isNaN(data17)) {
              const err34 = { instancePath: instancePath + "/early_terminate/warmup_steps", schemaPath: "#/properties/early_terminate/properties/warmup_steps/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.early_terminate.properties.warmup_steps, data: data17 };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
          }
        }
        if (data10.min_trials !== void 0) {
          let data18 = data10.min_trials;
          if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
            const err35 = { instancePath: instancePath + "/early_terminate/min_trials", schemaPath: "#/properties/early_terminate/properties/min_trials/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.early_terminate.properties.min_trials.type, parentSchema: schema11.properties.early_terminate.properties.min_trials, data: data18 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
          if (typeof data18 == "number" && isFinite(data18)) {
            if (data18 > 9007199254740991 || isNaN(data18)) {
              const err36 = { instancePath: instancePath + "/early_terminate/min_trials", schemaPath: "#/properties/early_terminate/properties/min_trials/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.early_terminate.properties.min_trials, data: data18 };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
            if (data18 < 1 || isNaN(data18)) {
              const err37 = { instancePath: instancePath + "/early_terminate/min_trials", schemaPath: "#/properties/early_terminate/properties/min_trials/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.early_terminate.properties.min_trials, data: data18 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          }
        }
      } else {
        const err38 = { instancePath: instancePath + "/early_terminate", schemaPath: "#/properties/early_terminate/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.early_terminate.type, parentSchema: schema11.properties.early_terminate, data: data10 };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
    if (data.run_cap !== void 0) {
      let data19 = data.run_cap;
      if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
        const err39 = { instancePath: instancePath + "/run_cap", schemaPath: "#/properties/run_cap/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.run_cap.type, parentSchema: schema11.properties.run_cap, data: data19 };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
      if (typeof data19 == "number" && isFinite(data19)) {
        if (data19 > 9007199254740991 || isNaN(data19)) {
          const err40 = { instancePath: instancePath + "/run_cap", schemaPath: "#/properties/run_cap/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.run_cap, data: data19 };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
        if (data19 < 1 || isNaN(data19)) {
          const err41 = { instancePath: instancePath + "/run_cap", schemaPath: "#/properties/run_cap/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.run_cap, data: data19 };
          if (vErrors === null) {
            vErrors = [err41];
          } else {
            vErrors.push(err41);
          }
          errors++;
        }
      }
    }
    if (data.program !== void 0) {
      let data20 = data.program;
      if (typeof data20 === "string") {
        if (data20.length < 1) {
          const err42 = { instancePath: instancePath + "/program", schemaPath: "#/properties/program/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.program, data: data20 };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
      } else {
        const err43 = { instancePath: instancePath + "/program", schemaPath: "#/properties/program/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.program.type, parentSchema: schema11.properties.program, data: data20 };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
    }
    if (data.command !== void 0) {
      let data21 = data.command;
      if (Array.isArray(data21)) {
        if (data21.length < 1) {
          const err44 = { instancePath: instancePath + "/command", schemaPath: "#/properties/command/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.command, data: data21 };
          if (vErrors === null) {
            vErrors = [err44];
          } else {
            vErrors.push(err44);
          }
          errors++;
        }
        const len1 = data21.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data22 = data21[i1];
          if (typeof data22 !== "string" && !(typeof data22 == "number" && isFinite(data22)) && typeof data22 !== "boolean") {
            const err45 = { instancePath: instancePath + "/command/" + i1, schemaPath: "#/properties/command/items/type", keyword: "type", params: { type: schema11.properties.command.items.type }, message: "must be string,number,boolean", schema: schema11.properties.command.items.type, parentSchema: schema11.properties.command.items, data: data22 };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
      } else {
        const err46 = { instancePath: instancePath + "/command", schemaPath: "#/properties/command/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.command.type, parentSchema: schema11.properties.command, data: data21 };
        if (vErrors === null) {
          vErrors = [err46];
        } else {
          vErrors.push(err46);
        }
        errors++;
      }
    }
    if (data.wandb !== void 0) {
      let data23 = data.wandb;
      if (!(data23 === "stand-in" || data23 === "real")) {
        const err47 = { instancePath: instancePath + "/wandb", schemaPath: "#/properties/wandb/enum", keyword: "enum", params: { allowedValues: schema11.properties.wandb.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.wandb.enum, parentSchema: schema11.properties.wandb, data: data23 };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
    if (data.seed !== void 0) {
      let data24 = data.seed;
      if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)) && isFinite(data24))) {
        const err48 = { instancePath: instancePath + "/seed", schemaPath: "#/properties/seed/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.seed.type, parentSchema: schema11.properties.seed, data: data24 };
        if (vErrors === null) {
          vErrors = [err48];
        } else {
          vErrors.push(err48);
        }
        errors++;
      }
      if (typeof data24 == "number" && isFinite(data24)) {
        if (data24 > 9007199254740991 || isNaN(data24)) {
          const err49 = { instancePath: instancePath + "/seed", schemaPath: "#/properties/seed/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.seed, data: data24 };
          if (vErrors === null) {
            vErrors = [err49];
          } else {
            vErrors.push(err49);
          }
          errors++;
        }
        if (data24 < -9007199254740991 || isNaN(data24)) {
          const err50 = { instancePath: instancePath + "/seed", schemaPath: "#/properties/seed/minimum", keyword: "minimum", params: { comparison: ">=", limit: -9007199254740991 }, message: "must be >= -9007199254740991", schema: -9007199254740991, parentSchema: schema11.properties.seed, data: data24 };
          if (vErrors === null) {
            vErrors = [err50];
          } else {
            vErrors.push(err50);
          }
          errors++;
        }
      }
    }
    if (data.trial_timeout !== void 0) {
      let data25 = data.trial_timeout;
      if (!(typeof data25 == "number" && isFinite(data25)) && typeof data25 !== "string") {
        const err51 = { instancePath: instancePath + "/trial_timeout", schemaPath: "#/properties/trial_timeout/type", keyword: "type", params: { type: schema11.properties.trial_timeout.type }, message: "must be number,string", schema: schema11.properties.trial_timeout.type, parentSchema: schema11.properties.trial_timeout, data: data25 };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors++;
      }
    }
    if (data.budget !== void 0) {
      let data26 = data.budget;
      if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
        for (const key3 in data26) {
          if (!(key3 === "trials" || key3 === "minutes")) {
            const err52 = { instancePath: instancePath + "/budget", schemaPath: "#/properties/budget/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.budget, data: data26 };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
        }
        if (data26.trials !== void 0) {
          let data27 = data26.trials;
          if (!(typeof data27 == "number" && (!(data27 % 1) && !isNaN(data27)) && isFinite(data27))) {
            const err53 = { instancePath: instancePath + "/budget/trials", schemaPath: "#/properties/budget/properties/trials/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.budget.properties.trials.type, parentSchema: schema11.properties.budget.properties.trials, data: data27 };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
          if (typeof data27 == "number" && isFinite(data27)) {
            if (data27 > 9007199254740991 || isNaN(data27)) {
              const err54 = { instancePath: instancePath + "/budget/trials", schemaPath: "#/properties/budget/properties/trials/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.budget.properties.trials, data: data27 };
              if (vErrors === null) {
                vErrors = [err54];
              } else {
                vErrors.push(err54);
              }
              errors++;
            }
            if (data27 < 1 || isNaN(data27)) {
              const err55 = { instancePath: instancePath + "/budget/trials", schemaPath: "#/properties/budget/properties/trials/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.budget.properties.trials, data: data27 };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
          }
        }
        if (data26.minutes !== void 0) {
          let data28 = data26.minutes;
          if (typeof data28 == "number" && isFinite(data28)) {
            if (data28 <= 0 || isNaN(data28)) {
              const err56 = { instancePath: instancePath + "/budget/minutes", schemaPath: "#/properties/budget/properties/minutes/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema11.properties.budget.properties.minutes, data: data28 };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
          } else {
            const err57 = { instancePath: instancePath + "/budget/minutes", schemaPath: "#/properties/budget/properties/minutes/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.budget.properties.minutes.type, parentSchema: schema11.properties.budget.properties.minutes, data: data28 };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors++;
          }
        }
      } else {
        const err58 = { instancePath: instancePath + "/budget", schemaPath: "#/properties/budget/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.budget.type, parentSchema: schema11.properties.budget, data: data26 };
        if (vErrors === null) {
          vErrors = [err58];
        } else {
          vErrors.push(err58);
        }
        errors++;
      }
    }
    if (data.trainer !== void 0) {
      let data29 = data.trainer;
      const _errs60 = errors;
      let valid8 = true;
      const _errs61 = errors;
      if (data29 && typeof data29 == "object" && !Array.isArray(data29)) {
        let missing0;
        if (data29.type === void 0 && (missing0 = "type")) {
          const err59 = {};
          if (vErrors === null) {
            vErrors = [err59];
          } else {
            vErrors.push(err59);
          }
          errors++;
        } else {
          if (data29.type !== void 0) {
            if ("image" !== data29.type) {
              const err60 = {};
              if (vErrors === null) {
                vErrors = [err60];
              } else {
                vErrors.push(err60);
              }
              errors++;
            }
          }
        }
      }
      var _valid0 = _errs61 === errors;
      errors = _errs60;
      if (vErrors !== null) {
        if (_errs60) {
          vErrors.length = _errs60;
        } else {
          vErrors = null;
        }
      }
      if (!_valid0) {
        const _errs63 = errors;
        if (data29 && typeof data29 == "object" && !Array.isArray(data29)) {
          if (data29.target === void 0) {
            const err61 = { instancePath: instancePath + "/trainer", schemaPath: "#/properties/trainer/else/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'", schema: schema11.properties.trainer.else.required, parentSchema: schema11.properties.trainer.else, data: data29 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
          if (data29.task === void 0) {
            const err62 = { instancePath: instancePath + "/trainer", schemaPath: "#/properties/trainer/else/required", keyword: "required", params: { missingProperty: "task" }, message: "must have required property 'task'", schema: schema11.properties.trainer.else.required, parentSchema: schema11.properties.trainer.else, data: data29 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
        var _valid0 = _errs63 === errors;
        valid8 = _valid0;
      }
      if (!valid8) {
        const err63 = { instancePath: instancePath + "/trainer", schemaPath: "#/properties/trainer/if", keyword: "if", params: { failingKeyword: "else" }, message: 'must match "else" schema', schema: schema11.properties.trainer.if, parentSchema: schema11.properties.trainer, data: data29 };
        if (vErrors === null) {
          vErrors = [err63];
        } else {
          vErrors.push(err63);
        }
        errors++;
      }
      if (data29 && typeof data29 == "object" && !Array.isArray(data29)) {
        if (data29.data === void 0) {
          const err64 = { instancePath: instancePath + "/trainer", schemaPath: "#/properties/trainer/required", keyword: "required", params: { missingProperty: "data" }, message: "must have required property 'data'", schema: schema11.properties.trainer.required, parentSchema: schema11.properties.trainer, data: data29 };
          if (vErrors === null) {
            vErrors = [err64];
          } else {
            vErrors.push(err64);
          }
          errors++;
        }
        for (const key4 in data29) {
          if (!func2.call(schema11.properties.trainer.properties, key4)) {
            const err65 = { instancePath: instancePath + "/trainer", schemaPath: "#/properties/trainer/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.trainer, data: data29 };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        }
        if (data29.type !== void 0) {
          let data31 = data29.type;
          if (!(data31 === "tabular" || data31 === "image")) {
            const err66 = { instancePath: instancePath + "/trainer/type", schemaPath: "#/properties/trainer/properties/type/enum", keyword: "enum", params: { allowedValues: schema11.properties.trainer.properties.type.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.trainer.properties.type.enum, parentSchema: schema11.properties.trainer.properties.type, data: data31 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
        if (data29.data !== void 0) {
          let data32 = data29.data;
          if (typeof data32 === "string") {
            if (data32.length < 1) {
              const err67 = { instancePath: instancePath + "/trainer/data", schemaPath: "#/properties/trainer/properties/data/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.trainer.properties.data, data: data32 };
              if (vErrors === null) {
                vErrors = [err67];
              } else {
                vErrors.push(err67);
              }
              errors++;
            }
          } else {
            const err68 = { instancePath: instancePath + "/trainer/data", schemaPath: "#/properties/trainer/properties/data/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.trainer.properties.data.type, parentSchema: schema11.properties.trainer.properties.data, data: data32 };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
        }
        if (data29.target !== void 0) {
          let data33 = data29.target;
          if (typeof data33 === "string") {
            if (data33.length < 1) {
              const err69 = { instancePath: instancePath + "/trainer/target", schemaPath: "#/properties/trainer/properties/target/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.trainer.properties.target, data: data33 };
              if (vErrors === null) {
                vErrors = [err69];
              } else {
                vErrors.push(err69);
              }
              errors++;
            }
          } else {
            const err70 = { instancePath: instancePath + "/trainer/target", schemaPath: "#/properties/trainer/properties/target/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.trainer.properties.target.type, parentSchema: schema11.properties.trainer.properties.target, data: data33 };
            if (vErrors === null) {
              vErrors = [err70];
            } else {
              vErrors.push(err70);
            }
            errors++;
          }
        }
        if (data29.task !== void 0) {
          let data34 = data29.task;
          if (!(data34 === "classification" || data34 === "regression")) {
            const err71 = { instancePath: instancePath + "/trainer/task", schemaPath: "#/properties/trainer/properties/task/enum", keyword: "enum", params: { allowedValues: schema11.properties.trainer.properties.task.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.trainer.properties.task.enum, parentSchema: schema11.properties.trainer.properties.task, data: data34 };
            if (vErrors === null) {
              vErrors = [err71];
            } else {
              vErrors.push(err71);
            }
            errors++;
          }
        }
        if (data29.validation_split !== void 0) {
          let data35 = data29.validation_split;
          if (typeof data35 == "number" && isFinite(data35)) {
            if (data35 >= 1 || isNaN(data35)) {
              const err72 = { instancePath: instancePath + "/trainer/validation_split", schemaPath: "#/properties/trainer/properties/validation_split/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1", schema: 1, parentSchema: schema11.properties.trainer.properties.validation_split, data: data35 };
              if (vErrors === null) {
                vErrors = [err72];
              } else {
                vErrors.push(err72);
              }
              errors++;
            }
            if (data35 <= 0 || isNaN(data35)) {
              const err73 = { instancePath: instancePath + "/trainer/validation_split", schemaPath: "#/properties/trainer/properties/validation_split/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema11.properties.trainer.properties.validation_split, data: data35 };
              if (vErrors === null) {
                vErrors = [err73];
              } else {
                vErrors.push(err73);
              }
              errors++;
            }
          } else {
            const err74 = { instancePath: instancePath + "/trainer/validation_split", schemaPath: "#/properties/trainer/properties/validation_split/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.trainer.properties.validation_split.type, parentSchema: schema11.properties.trainer.properties.validation_split, data: data35 };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
        }
        if (data29.validation !== void 0) {
          let data36 = data29.validation;
          if (typeof data36 === "string") {
            if (data36.length < 1) {
              const err75 = { instancePath: instancePath + "/trainer/validation", schemaPath: "#/properties/trainer/properties/validation/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.trainer.properties.validation, data: data36 };
              if (vErrors === null) {
                vErrors = [err75];
              } else {
                vErrors.push(err75);
              }
              errors++;
            }
          } else {
            const err76 = { instancePath: instancePath + "/trainer/validation", schemaPath: "#/properties/trainer/properties/validation/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.trainer.properties.validation.type, parentSchema: schema11.properties.trainer.properties.validation, data: data36 };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          }
        }
        if (data29.features !== void 0) {
          let data37 = data29.features;
          if (Array.isArray(data37)) {
            if (data37.length < 1) {
              const err77 = { instancePath: instancePath + "/trainer/features", schemaPath: "#/properties/trainer/properties/features/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.trainer.properties.features, data: data37 };
              if (vErrors === null) {
                vErrors = [err77];
              } else {
                vErrors.push(err77);
              }
              errors++;
            }
            const len2 = data37.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data38 = data37[i2];
              if (typeof data38 === "string") {
                if (data38.length < 1) {
                  const err78 = { instancePath: instancePath + "/trainer/features/" + i2, schemaPath: "#/properties/trainer/properties/features/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.trainer.properties.features.items, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err78];
                  } else {
                    vErrors.push(err78);
                  }
                  errors++;
                }
              } else {
                const err79 = { instancePath: instancePath + "/trainer/features/" + i2, schemaPath: "#/properties/trainer/properties/features/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.trainer.properties.features.items.type, parentSchema: schema11.properties.trainer.properties.features.items, data: data38 };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
            let i3 = data37.length;
            let j0;
            if (i3 > 1) {
              const indices0 = {};
              for (; i3--; ) {
                let item0 = data37[i3];
                if (typeof item0 !== "string") {
                  continue;
                }
                if (typeof indices0[item0] == "number") {
                  j0 = indices0[item0];
                  const err80 = { instancePath: instancePath + "/trainer/features", schemaPath: "#/properties/trainer/properties/features/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i3 + " are identical)", schema: true, parentSchema: schema11.properties.trainer.properties.features, data: data37 };
                  if (vErrors === null) {
                    vErrors = [err80];
                  } else {
                    vErrors.push(err80);
                  }
                  errors++;
                  break;
                }
                indices0[item0] = i3;
              }
            }
          } else {
            const err81 = { instancePath: instancePath + "/trainer/features", schemaPath: "#/properties/trainer/properties/features/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.trainer.properties.features.type, parentSchema: schema11.properties.trainer.properties.features, data: data37 };
            if (vErrors === null) {
              vErrors = [err81];
            } else {
              vErrors.push(err81);
            }
            errors++;
          }
        }
        if (data29.defaults !== void 0) {
          let data39 = data29.defaults;
          if (!(data39 && typeof data39 == "object" && !Array.isArray(data39))) {
            const err82 = { instancePath: instancePath + "/trainer/defaults", schemaPath: "#/properties/trainer/properties/defaults/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.trainer.properties.defaults.type, parentSchema: schema11.properties.trainer.properties.defaults, data: data39 };
            if (vErrors === null) {
              vErrors = [err82];
            } else {
              vErrors.push(err82);
            }
            errors++;
          }
        }
        if (data29.split_seed !== void 0) {
          let data40 = data29.split_seed;
          if (!(typeof data40 == "number" && (!(data40 % 1) && !isNaN(data40)) && isFinite(data40))) {
            const err83 = { instancePath: instancePath + "/trainer/split_seed", schemaPath: "#/properties/trainer/properties/split_seed/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.trainer.properties.split_seed.type, parentSchema: schema11.properties.trainer.properties.split_seed, data: data40 };
            if (vErrors === null) {
              vErrors = [err83];
            } else {
              vErrors.push(err83);
            }
            errors++;
          }
          if (typeof data40 == "number" && isFinite(data40)) {
            if (data40 > 9007199254740991 || isNaN(data40)) {
              const err84 = { instancePath: instancePath + "/trainer/split_seed", schemaPath: "#/properties/trainer/properties/split_seed/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.trainer.properties.split_seed, data: data40 };
              if (vErrors === null) {
                vErrors = [err84];
              } else {
                vErrors.push(err84);
              }
              errors++;
            }
            if (data40 < 0 || isNaN(data40)) {
              const err85 = { instancePath: instancePath + "/trainer/split_seed", schemaPath: "#/properties/trainer/properties/split_seed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.trainer.properties.split_seed, data: data40 };
              if (vErrors === null) {
                vErrors = [err85];
              } else {
                vErrors.push(err85);
              }
              errors++;
            }
          }
        }
        if (data29.split_by !== void 0) {
          let data41 = data29.split_by;
          if (typeof data41 !== "string" && !Array.isArray(data41)) {
            const err86 = { instancePath: instancePath + "/trainer/split_by", schemaPath: "#/properties/trainer/properties/split_by/type", keyword: "type", params: { type: schema11.properties.trainer.properties.split_by.type }, message: "must be string,array", schema: schema11.properties.trainer.properties.split_by.type, parentSchema: schema11.properties.trainer.properties.split_by, data: data41 };
            if (vErrors === null) {
              vErrors = [err86];
            } else {
              vErrors.push(err86);
            }
            errors++;
          }
          if (typeof data41 === "string") {
            if (data41.length < 1) {
              const err87 = { instancePath: instancePath + "/trainer/split_by", schemaPath: "#/properties/trainer/properties/split_by/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.trainer.properties.split_by, data: data41 };
              if (vErrors === null) {
                vErrors = [err87];
              } else {
                vErrors.push(err87);
              }
              errors++;
            }
          }
          if (Array.isArray(data41)) {
            if (data41.length < 1) {
              const err88 = { instancePath: instancePath + "/trainer/split_by", schemaPath: "#/properties/trainer/properties/split_by/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.trainer.properties.split_by, data: data41 };
              if (vErrors === null) {
                vErrors = [err88];
              } else {
                vErrors.push(err88);
              }
              errors++;
            }
            const len3 = data41.length;
            for (let i4 = 0; i4 < len3; i4++) {
              let data42 = data41[i4];
              if (typeof data42 === "string") {
                if (data42.length < 1) {
                  const err89 = { instancePath: instancePath + "/trainer/split_by/" + i4, schemaPath: "#/properties/trainer/properties/split_by/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.trainer.properties.split_by.items, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err89];
                  } else {
                    vErrors.push(err89);
                  }
                  errors++;
                }
              } else {
                const err90 = { instancePath: instancePath + "/trainer/split_by/" + i4, schemaPath: "#/properties/trainer/properties/split_by/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.trainer.properties.split_by.items.type, parentSchema: schema11.properties.trainer.properties.split_by.items, data: data42 };
                if (vErrors === null) {
                  vErrors = [err90];
                } else {
                  vErrors.push(err90);
                }
                errors++;
              }
            }
            let i5 = data41.length;
            let j1;
            if (i5 > 1) {
              const indices1 = {};
              for (; i5--; ) {
                let item1 = data41[i5];
                if (typeof item1 !== "string") {
                  continue;
                }
                if (typeof indices1[item1] == "number") {
                  j1 = indices1[item1];
                  const err91 = { instancePath: instancePath + "/trainer/split_by", schemaPath: "#/properties/trainer/properties/split_by/uniqueItems", keyword: "uniqueItems", params: { i: i5, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i5 + " are identical)", schema: true, parentSchema: schema11.properties.trainer.properties.split_by, data: data41 };
                  if (vErrors === null) {
                    vErrors = [err91];
                  } else {
                    vErrors.push(err91);
                  }
                  errors++;
                  break;
                }
                indices1[item1] = i5;
              }
            }
          }
        }
        if (data29.input_shape !== void 0) {
          let data43 = data29.input_shape;
          if (Array.isArray(data43)) {
            if (data43.length > 3) {
              const err92 = { instancePath: instancePath + "/trainer/input_shape", schemaPath: "#/properties/trainer/properties/input_shape/maxItems", keyword: "maxItems", params: { limit: 3 }, message: "must NOT have more than 3 items", schema: 3, parentSchema: schema11.properties.trainer.properties.input_shape, data: data43 };
              if (vErrors === null) {
                vErrors = [err92];
              } else {
                vErrors.push(err92);
              }
              errors++;
            }
            if (data43.length < 3) {
              const err93 = { instancePath: instancePath + "/trainer/input_shape", schemaPath: "#/properties/trainer/properties/input_shape/minItems", keyword: "minItems", params: { limit: 3 }, message: "must NOT have fewer than 3 items", schema: 3, parentSchema: schema11.properties.trainer.properties.input_shape, data: data43 };
              if (vErrors === null) {
                vErrors = [err93];
              } else {
                vErrors.push(err93);
              }
              errors++;
            }
            const len4 = data43.length;
            for (let i6 = 0; i6 < len4; i6++) {
              let data44 = data43[i6];
              if (!(typeof data44 == "number" && (!(data44 % 1) && !isNaN(data44)) && isFinite(data44))) {
                const err94 = { instancePath: instancePath + "/trainer/input_shape/" + i6, schemaPath: "#/properties/trainer/properties/input_shape/items/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.trainer.properties.input_shape.items.type, parentSchema: schema11.properties.trainer.properties.input_shape.items, data: data44 };
                if (vErrors === null) {
                  vErrors = [err94];
                } else {
                  vErrors.push(err94);
                }
                errors++;
              }
              if (typeof data44 == "number" && isFinite(data44)) {
                if (data44 < 1 || isNaN(data44)) {
                  const err95 = { instancePath: instancePath + "/trainer/input_shape/" + i6, schemaPath: "#/properties/trainer/properties/input_shape/items/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.trainer.properties.input_shape.items, data: data44 };
                  if (vErrors === null) {
                    vErrors = [err95];
                  } else {
                    vErrors.push(err95);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err96 = { instancePath: instancePath + "/trainer/input_shape", schemaPath: "#/properties/trainer/properties/input_shape/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.trainer.properties.input_shape.type, parentSchema: schema11.properties.trainer.properties.input_shape, data: data43 };
            if (vErrors === null) {
              vErrors = [err96];
            } else {
              vErrors.push(err96);
            }
            errors++;
          }
        }
        if (data29.base_model !== void 0) {
          let data45 = data29.base_model;
          if (typeof data45 === "string") {
            if (data45.length < 1) {
              const err97 = { instancePath: instancePath + "/trainer/base_model", schemaPath: "#/properties/trainer/properties/base_model/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.trainer.properties.base_model, data: data45 };
              if (vErrors === null) {
                vErrors = [err97];
              } else {
                vErrors.push(err97);
              }
              errors++;
            }
          } else {
            const err98 = { instancePath: instancePath + "/trainer/base_model", schemaPath: "#/properties/trainer/properties/base_model/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.trainer.properties.base_model.type, parentSchema: schema11.properties.trainer.properties.base_model, data: data45 };
            if (vErrors === null) {
              vErrors = [err98];
            } else {
              vErrors.push(err98);
            }
            errors++;
          }
        }
        if (data29.save_best !== void 0) {
          let data46 = data29.save_best;
          if (typeof data46 === "string") {
            if (data46.length < 1) {
              const err99 = { instancePath: instancePath + "/trainer/save_best", schemaPath: "#/properties/trainer/properties/save_best/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.trainer.properties.save_best, data: data46 };
              if (vErrors === null) {
                vErrors = [err99];
              } else {
                vErrors.push(err99);
              }
              errors++;
            }
          } else {
            const err100 = { instancePath: instancePath + "/trainer/save_best", schemaPath: "#/properties/trainer/properties/save_best/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.trainer.properties.save_best.type, parentSchema: schema11.properties.trainer.properties.save_best, data: data46 };
            if (vErrors === null) {
              vErrors = [err100];
            } else {
              vErrors.push(err100);
            }
            errors++;
          }
        }
      } else {
        const err101 = { instancePath: instancePath + "/trainer", schemaPath: "#/properties/trainer/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.trainer.type, parentSchema: schema11.properties.trainer, data: data29 };
        if (vErrors === null) {
          vErrors = [err101];
        } else {
          vErrors.push(err101);
        }
        errors++;
      }
    }
    if (data.objective !== void 0) {
      let data47 = data.objective;
      if (typeof data47 === "string") {
        if (data47.length < 1) {
          const err102 = { instancePath: instancePath + "/objective", schemaPath: "#/properties/objective/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.objective, data: data47 };
          if (vErrors === null) {
            vErrors = [err102];
          } else {
            vErrors.push(err102);
          }
          errors++;
        }
      } else {
        const err103 = { instancePath: instancePath + "/objective", schemaPath: "#/properties/objective/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.objective.type, parentSchema: schema11.properties.objective, data: data47 };
        if (vErrors === null) {
          vErrors = [err103];
        } else {
          vErrors.push(err103);
        }
        errors++;
      }
    }
    if (data.fingerprint !== void 0) {
      let data48 = data.fingerprint;
      if (typeof data48 !== "string" && !Array.isArray(data48)) {
        const err104 = { instancePath: instancePath + "/fingerprint", schemaPath: "#/properties/fingerprint/type", keyword: "type", params: { type: schema11.properties.fingerprint.type }, message: "must be string,array", schema: schema11.properties.fingerprint.type, parentSchema: schema11.properties.fingerprint, data: data48 };
        if (vErrors === null) {
          vErrors = [err104];
        } else {
          vErrors.push(err104);
        }
        errors++;
      }
      if (typeof data48 === "string") {
        if (data48.length < 1) {
          const err105 = { instancePath: instancePath + "/fingerprint", schemaPath: "#/properties/fingerprint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.fingerprint, data: data48 };
          if (vErrors === null) {
            vErrors = [err105];
          } else {
            vErrors.push(err105);
          }
          errors++;
        }
      }
      if (Array.isArray(data48)) {
        const len5 = data48.length;
        for (let i7 = 0; i7 < len5; i7++) {
          let data49 = data48[i7];
          if (typeof data49 === "string") {
            if (data49.length < 1) {
              const err106 = { instancePath: instancePath + "/fingerprint/" + i7, schemaPath: "#/properties/fingerprint/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.fingerprint.items, data: data49 };
              if (vErrors === null) {
                vErrors = [err106];
              } else {
                vErrors.push(err106);
              }
              errors++;
            }
          } else {
            const err107 = { instancePath: instancePath + "/fingerprint/" + i7, schemaPath: "#/properties/fingerprint/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.fingerprint.items.type, parentSchema: schema11.properties.fingerprint.items, data: data49 };
            if (vErrors === null) {
              vErrors = [err107];
            } else {
              vErrors.push(err107);
            }
            errors++;
          }
        }
      }
    }
    if (data.gate !== void 0) {
      let data50 = data.gate;
      if (data50 && typeof data50 == "object" && !Array.isArray(data50)) {
        for (const key5 in data50) {
          let data51 = data50[key5];
          if (!(typeof data51 == "number" && isFinite(data51)) && typeof data51 !== "string" && !(data51 && typeof data51 == "object" && !Array.isArray(data51))) {
            const err108 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/gateRule/type", keyword: "type", params: { type: schema14.type }, message: "must be number,string,object", schema: schema14.type, parentSchema: schema14, data: data51 };
            if (vErrors === null) {
              vErrors = [err108];
            } else {
              vErrors.push(err108);
            }
            errors++;
          }
          if (typeof data51 == "number" && isFinite(data51)) {
            if (data51 < 0 || isNaN(data51)) {
              const err109 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/gateRule/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14, data: data51 };
              if (vErrors === null) {
                vErrors = [err109];
              } else {
                vErrors.push(err109);
              }
              errors++;
            }
          }
          if (typeof data51 === "string") {
            if (!pattern0.test(data51)) {
              const err110 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/gateRule/pattern", keyword: "pattern", params: { pattern: "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$" }, message: 'must match pattern "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$"', schema: "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$", parentSchema: schema14, data: data51 };
              if (vErrors === null) {
                vErrors = [err110];
              } else {
                vErrors.push(err110);
              }
              errors++;
            }
          }
          if (data51 && typeof data51 == "object" && !Array.isArray(data51)) {
            if (data51.threshold === void 0) {
              const err111 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/gateRule/required", keyword: "required", params: { missingProperty: "threshold" }, message: "must have required property 'threshold'", schema: schema14.required, parentSchema: schema14, data: data51 };
              if (vErrors === null) {
                vErrors = [err111];
              } else {
                vErrors.push(err111);
              }
              errors++;
            }
            for (const key6 in data51) {
              if (!(key6 === "threshold" || key6 === "goal" || key6 === "alpha" || key6 === "on")) {
                const err112 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/gateRule/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14, data: data51 };
                if (vErrors === null) {
                  vErrors = [err112];
                } else {
                  vErrors.push(err112);
                }
                errors++;
              }
            }
            if (data51.threshold !== void 0) {
              let data52 = data51.threshold;
              if (!(typeof data52 == "number" && isFinite(data52)) && typeof data52 !== "string") {
                const err113 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/threshold", schemaPath: "#/definitions/gateRule/properties/threshold/type", keyword: "type", params: { type: schema14.properties.threshold.type }, message: "must be number,string", schema: schema14.properties.threshold.type, parentSchema: schema14.properties.threshold, data: data52 };
                if (vErrors === null) {
                  vErrors = [err113];
                } else {
                  vErrors.push(err113);
                }
                errors++;
              }
              if (typeof data52 == "number" && isFinite(data52)) {
                if (data52 < 0 || isNaN(data52)) {
                  const err114 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/threshold", schemaPath: "#/definitions/gateRule/properties/threshold/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14.properties.threshold, data: data52 };
                  if (vErrors === null) {
                    vErrors = [err114];
                  } else {
                    vErrors.push(err114);
                  }
                  errors++;
                }
              }
              if (typeof data52 === "string") {
                if (!pattern0.test(data52)) {
                  const err115 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/threshold", schemaPath: "#/definitions/gateRule/properties/threshold/pattern", keyword: "pattern", params: { pattern: "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$" }, message: 'must match pattern "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$"', schema: "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$", parentSchema: schema14.properties.threshold, data: data52 };
                  if (vErrors === null) {
                    vErrors = [err115];
                  } else {
                    vErrors.push(err115);
                  }
                  errors++;
                }
              }
            }
            if (data51.goal !== void 0) {
              let data53 = data51.goal;
              if (!(data53 === "minimize" || data53 === "maximize")) {
                const err116 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/goal", schemaPath: "#/definitions/gateRule/properties/goal/enum", keyword: "enum", params: { allowedValues: schema14.properties.goal.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.goal.enum, parentSchema: schema14.properties.goal, data: data53 };
                if (vErrors === null) {
                  vErrors = [err116];
                } else {
                  vErrors.push(err116);
                }
                errors++;
              }
            }
            if (data51.alpha !== void 0) {
              let data54 = data51.alpha;
              if (typeof data54 == "number" && isFinite(data54)) {
                if (data54 >= 1 || isNaN(data54)) {
                  const err117 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/alpha", schemaPath: "#/definitions/gateRule/properties/alpha/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1", schema: 1, parentSchema: schema14.properties.alpha, data: data54 };
                  if (vErrors === null) {
                    vErrors = [err117];
                  } else {
                    vErrors.push(err117);
                  }
                  errors++;
                }
                if (data54 <= 0 || isNaN(data54)) {
                  const err118 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/alpha", schemaPath: "#/definitions/gateRule/properties/alpha/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema14.properties.alpha, data: data54 };
                  if (vErrors === null) {
                    vErrors = [err118];
                  } else {
                    vErrors.push(err118);
                  }
                  errors++;
                }
              } else {
                const err119 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/alpha", schemaPath: "#/definitions/gateRule/properties/alpha/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema14.properties.alpha.type, parentSchema: schema14.properties.alpha, data: data54 };
                if (vErrors === null) {
                  vErrors = [err119];
                } else {
                  vErrors.push(err119);
                }
                errors++;
              }
            }
            if (data51.on !== void 0) {
              let data55 = data51.on;
              if (!(data55 === "champion" || data55 === "best" || data55 === "both")) {
                const err120 = { instancePath: instancePath + "/gate/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/on", schemaPath: "#/definitions/gateRule/properties/on/enum", keyword: "enum", params: { allowedValues: schema14.properties.on.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.on.enum, parentSchema: schema14.properties.on, data: data55 };
                if (vErrors === null) {
                  vErrors = [err120];
                } else {
                  vErrors.push(err120);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err121 = { instancePath: instancePath + "/gate", schemaPath: "#/properties/gate/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.gate.type, parentSchema: schema11.properties.gate, data: data50 };
        if (vErrors === null) {
          vErrors = [err121];
        } else {
          vErrors.push(err121);
        }
        errors++;
      }
    }
    if (data.parallel !== void 0) {
      let data56 = data.parallel;
      if (!(typeof data56 == "number" && (!(data56 % 1) && !isNaN(data56)) && isFinite(data56))) {
        const err122 = { instancePath: instancePath + "/parallel", schemaPath: "#/properties/parallel/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.parallel.type, parentSchema: schema11.properties.parallel, data: data56 };
        if (vErrors === null) {
          vErrors = [err122];
        } else {
          vErrors.push(err122);
        }
        errors++;
      }
      if (typeof data56 == "number" && isFinite(data56)) {
        if (data56 > 64 || isNaN(data56)) {
          const err123 = { instancePath: instancePath + "/parallel", schemaPath: "#/properties/parallel/maximum", keyword: "maximum", params: { comparison: "<=", limit: 64 }, message: "must be <= 64", schema: 64, parentSchema: schema11.properties.parallel, data: data56 };
          if (vErrors === null) {
            vErrors = [err123];
          } else {
            vErrors.push(err123);
          }
          errors++;
        }
        if (data56 < 1 || isNaN(data56)) {
          const err124 = { instancePath: instancePath + "/parallel", schemaPath: "#/properties/parallel/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.parallel, data: data56 };
          if (vErrors === null) {
            vErrors = [err124];
          } else {
            vErrors.push(err124);
          }
          errors++;
        }
      }
    }
    if (data.repeats !== void 0) {
      let data57 = data.repeats;
      if (!(typeof data57 == "number" && (!(data57 % 1) && !isNaN(data57)) && isFinite(data57))) {
        const err125 = { instancePath: instancePath + "/repeats", schemaPath: "#/properties/repeats/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.repeats.type, parentSchema: schema11.properties.repeats, data: data57 };
        if (vErrors === null) {
          vErrors = [err125];
        } else {
          vErrors.push(err125);
        }
        errors++;
      }
      if (typeof data57 == "number" && isFinite(data57)) {
        if (data57 > 9007199254740991 || isNaN(data57)) {
          const err126 = { instancePath: instancePath + "/repeats", schemaPath: "#/properties/repeats/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.repeats, data: data57 };
          if (vErrors === null) {
            vErrors = [err126];
          } else {
            vErrors.push(err126);
          }
          errors++;
        }
        if (data57 < 1 || isNaN(data57)) {
          const err127 = { instancePath: instancePath + "/repeats", schemaPath: "#/properties/repeats/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.repeats, data: data57 };
          if (vErrors === null) {
            vErrors = [err127];
          } else {
            vErrors.push(err127);
          }
          errors++;
        }
      }
    }
    if (data.champion !== void 0) {
      let data58 = data.champion;
      if (data58 && typeof data58 == "object" && !Array.isArray(data58)) {
        for (const key7 in data58) {
          if (!(key7 === "seeds")) {
            const err128 = { instancePath: instancePath + "/champion", schemaPath: "#/properties/champion/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.champion, data: data58 };
            if (vErrors === null) {
              vErrors = [err128];
            } else {
              vErrors.push(err128);
            }
            errors++;
          }
        }
        if (data58.seeds !== void 0) {
          let data59 = data58.seeds;
          if (!(typeof data59 == "number" && (!(data59 % 1) && !isNaN(data59)) && isFinite(data59))) {
            const err129 = { instancePath: instancePath + "/champion/seeds", schemaPath: "#/properties/champion/properties/seeds/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.champion.properties.seeds.type, parentSchema: schema11.properties.champion.properties.seeds, data: data59 };
            if (vErrors === null) {
              vErrors = [err129];
            } else {
              vErrors.push(err129);
            }
            errors++;
          }
          if (typeof data59 == "number" && isFinite(data59)) {
            if (data59 > 1e3 || isNaN(data59)) {
              const err130 = { instancePath: instancePath + "/champion/seeds", schemaPath: "#/properties/champion/properties/seeds/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema11.properties.champion.properties.seeds, data: data59 };
              if (vErrors === null) {
                vErrors = [err130];
              } else {
                vErrors.push(err130);
              }
              errors++;
            }
            if (data59 < 0 || isNaN(data59)) {
              const err131 = { instancePath: instancePath + "/champion/seeds", schemaPath: "#/properties/champion/properties/seeds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.champion.properties.seeds, data: data59 };
              if (vErrors === null) {
                vErrors = [err131];
              } else {
                vErrors.push(err131);
              }
              errors++;
            }
          }
        }
      } else {
        const err132 = { instancePath: instancePath + "/champion", schemaPath: "#/properties/champion/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.champion.type, parentSchema: schema11.properties.champion, data: data58 };
        if (vErrors === null) {
          vErrors = [err132];
        } else {
          vErrors.push(err132);
        }
        errors++;
      }
    }
    if (data.pr !== void 0) {
      let data60 = data.pr;
      if (data60 && typeof data60 == "object" && !Array.isArray(data60)) {
        for (const key8 in data60) {
          if (!(key8 === "search" || key8 === "warm_start")) {
            const err133 = { instancePath: instancePath + "/pr", schemaPath: "#/properties/pr/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.pr, data: data60 };
            if (vErrors === null) {
              vErrors = [err133];
            } else {
              vErrors.push(err133);
            }
            errors++;
          }
        }
        if (data60.search !== void 0) {
          let data61 = data60.search;
          if (typeof data61 !== "boolean") {
            const err134 = { instancePath: instancePath + "/pr/search", schemaPath: "#/properties/pr/properties/search/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.pr.properties.search.type, parentSchema: schema11.properties.pr.properties.search, data: data61 };
            if (vErrors === null) {
              vErrors = [err134];
            } else {
              vErrors.push(err134);
            }
            errors++;
          }
        }
        if (data60.warm_start !== void 0) {
          let data62 = data60.warm_start;
          if (!(typeof data62 == "number" && (!(data62 % 1) && !isNaN(data62)) && isFinite(data62))) {
            const err135 = { instancePath: instancePath + "/pr/warm_start", schemaPath: "#/properties/pr/properties/warm_start/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.pr.properties.warm_start.type, parentSchema: schema11.properties.pr.properties.warm_start, data: data62 };
            if (vErrors === null) {
              vErrors = [err135];
            } else {
              vErrors.push(err135);
            }
            errors++;
          }
          if (typeof data62 == "number" && isFinite(data62)) {
            if (data62 > 100 || isNaN(data62)) {
              const err136 = { instancePath: instancePath + "/pr/warm_start", schemaPath: "#/properties/pr/properties/warm_start/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema11.properties.pr.properties.warm_start, data: data62 };
              if (vErrors === null) {
                vErrors = [err136];
              } else {
                vErrors.push(err136);
              }
              errors++;
            }
            if (data62 < 0 || isNaN(data62)) {
              const err137 = { instancePath: instancePath + "/pr/warm_start", schemaPath: "#/properties/pr/properties/warm_start/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.pr.properties.warm_start, data: data62 };
              if (vErrors === null) {
                vErrors = [err137];
              } else {
                vErrors.push(err137);
              }
              errors++;
            }
          }
        }
      } else {
        const err138 = { instancePath: instancePath + "/pr", schemaPath: "#/properties/pr/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.pr.type, parentSchema: schema11.properties.pr, data: data60 };
        if (vErrors === null) {
          vErrors = [err138];
        } else {
          vErrors.push(err138);
        }
        errors++;
      }
    }
    if (data.stages !== void 0) {
      let data63 = data.stages;
      if (!Array.isArray(data63) && typeof data63 !== "string") {
        const err139 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/type", keyword: "type", params: { type: schema11.properties.stages.type }, message: "must be array,string", schema: schema11.properties.stages.type, parentSchema: schema11.properties.stages, data: data63 };
        if (vErrors === null) {
          vErrors = [err139];
        } else {
          vErrors.push(err139);
        }
        errors++;
      }
      const _errs132 = errors;
      let valid26 = true;
      const _errs133 = errors;
      if (typeof data63 !== "string") {
        const err140 = {};
        if (vErrors === null) {
          vErrors = [err140];
        } else {
          vErrors.push(err140);
        }
        errors++;
      }
      var _valid1 = _errs133 === errors;
      errors = _errs132;
      if (vErrors !== null) {
        if (_errs132) {
          vErrors.length = _errs132;
        } else {
          vErrors = null;
        }
      }
      if (_valid1) {
        const _errs135 = errors;
        if (!(data63 === "auto")) {
          const err141 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/then/enum", keyword: "enum", params: { allowedValues: schema11.properties.stages.then.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.stages.then.enum, parentSchema: schema11.properties.stages.then, data: data63 };
          if (vErrors === null) {
            vErrors = [err141];
          } else {
            vErrors.push(err141);
          }
          errors++;
        }
        var _valid1 = _errs135 === errors;
        valid26 = _valid1;
      }
      if (!valid26) {
        const err142 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema11.properties.stages.if, parentSchema: schema11.properties.stages, data: data63 };
        if (vErrors === null) {
          vErrors = [err142];
        } else {
          vErrors.push(err142);
        }
        errors++;
      }
      if (Array.isArray(data63)) {
        if (data63.length < 1) {
          const err143 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.stages, data: data63 };
          if (vErrors === null) {
            vErrors = [err143];
          } else {
            vErrors.push(err143);
          }
          errors++;
        }
        const len6 = data63.length;
        for (let i8 = 0; i8 < len6; i8++) {
          let data64 = data63[i8];
          if (data64 && typeof data64 == "object" && !Array.isArray(data64)) {
            if (data64.parameters === void 0) {
              const err144 = { instancePath: instancePath + "/stages/" + i8, schemaPath: "#/properties/stages/items/required", keyword: "required", params: { missingProperty: "parameters" }, message: "must have required property 'parameters'", schema: schema11.properties.stages.items.required, parentSchema: schema11.properties.stages.items, data: data64 };
              if (vErrors === null) {
                vErrors = [err144];
              } else {
                vErrors.push(err144);
              }
              errors++;
            }
            for (const key9 in data64) {
              if (!func2.call(schema11.properties.stages.items.properties, key9)) {
                const err145 = { instancePath: instancePath + "/stages/" + i8, schemaPath: "#/properties/stages/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.stages.items, data: data64 };
                if (vErrors === null) {
                  vErrors = [err145];
                } else {
                  vErrors.push(err145);
                }
                errors++;
              }
            }
            if (data64.parameters !== void 0) {
              let data65 = data64.parameters;
              if (Array.isArray(data65)) {
                if (data65.length < 1) {
                  const err146 = { instancePath: instancePath + "/stages/" + i8 + "/parameters", schemaPath: "#/properties/stages/items/properties/parameters/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.stages.items.properties.parameters, data: data65 };
                  if (vErrors === null) {
                    vErrors = [err146];
                  } else {
                    vErrors.push(err146);
                  }
                  errors++;
                }
                const len7 = data65.length;
                for (let i9 = 0; i9 < len7; i9++) {
                  let data66 = data65[i9];
                  if (typeof data66 !== "string") {
                    const err147 = { instancePath: instancePath + "/stages/" + i8 + "/parameters/" + i9, schemaPath: "#/properties/stages/items/properties/parameters/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.stages.items.properties.parameters.items.type, parentSchema: schema11.properties.stages.items.properties.parameters.items, data: data66 };
                    if (vErrors === null) {
                      vErrors = [err147];
                    } else {
                      vErrors.push(err147);
                    }
                    errors++;
                  }
                }
                let i10 = data65.length;
                let j2;
                if (i10 > 1) {
                  const indices2 = {};
                  for (; i10--; ) {
                    let item2 = data65[i10];
                    if (typeof item2 !== "string") {
                      continue;
                    }
                    if (typeof indices2[item2] == "number") {
                      j2 = indices2[item2];
                      const err148 = { instancePath: instancePath + "/stages/" + i8 + "/parameters", schemaPath: "#/properties/stages/items/properties/parameters/uniqueItems", keyword: "uniqueItems", params: { i: i10, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i10 + " are identical)", schema: true, parentSchema: schema11.properties.stages.items.properties.parameters, data: data65 };
                      if (vErrors === null) {
                        vErrors = [err148];
                      } else {
                        vErrors.push(err148);
                      }
                      errors++;
                      break;
                    }
                    indices2[item2] = i10;
                  }
                }
              } else {
                const err149 = { instancePath: instancePath + "/stages/" + i8 + "/parameters", schemaPath: "#/properties/stages/items/properties/parameters/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.stages.items.properties.parameters.type, parentSchema: schema11.properties.stages.items.properties.parameters, data: data65 };
                if (vErrors === null) {
                  vErrors = [err149];
                } else {
                  vErrors.push(err149);
                }
                errors++;
              }
            }
            if (data64.method !== void 0) {
              let data67 = data64.method;
              if (typeof data67 !== "string") {
                const err150 = { instancePath: instancePath + "/stages/" + i8 + "/method", schemaPath: "#/properties/stages/items/properties/method/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.stages.items.properties.method.type, parentSchema: schema11.properties.stages.items.properties.method, data: data67 };
                if (vErrors === null) {
                  vErrors = [err150];
                } else {
                  vErrors.push(err150);
                }
                errors++;
              }
            }
            if (data64.run_cap !== void 0) {
              let data68 = data64.run_cap;
              if (!(typeof data68 == "number" && (!(data68 % 1) && !isNaN(data68)) && isFinite(data68))) {
                const err151 = { instancePath: instancePath + "/stages/" + i8 + "/run_cap", schemaPath: "#/properties/stages/items/properties/run_cap/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.stages.items.properties.run_cap.type, parentSchema: schema11.properties.stages.items.properties.run_cap, data: data68 };
                if (vErrors === null) {
                  vErrors = [err151];
                } else {
                  vErrors.push(err151);
                }
                errors++;
              }
              if (typeof data68 == "number" && isFinite(data68)) {
                if (data68 > 9007199254740991 || isNaN(data68)) {
                  const err152 = { instancePath: instancePath + "/stages/" + i8 + "/run_cap", schemaPath: "#/properties/stages/items/properties/run_cap/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.stages.items.properties.run_cap, data: data68 };
                  if (vErrors === null) {
                    vErrors = [err152];
                  } else {
                    vErrors.push(err152);
                  }
                  errors++;
                }
                if (data68 < 1 || isNaN(data68)) {
                  const err153 = { instancePath: instancePath + "/stages/" + i8 + "/run_cap", schemaPath: "#/properties/stages/items/properties/run_cap/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.stages.items.properties.run_cap, data: data68 };
                  if (vErrors === null) {
                    vErrors = [err153];
                  } else {
                    vErrors.push(err153);
                  }
                  errors++;
                }
              }
            }
            if (data64.budget !== void 0) {
              let data69 = data64.budget;
              if (data69 && typeof data69 == "object" && !Array.isArray(data69)) {
                for (const key10 in data69) {
                  if (!(key10 === "trials")) {
                    const err154 = { instancePath: instancePath + "/stages/" + i8 + "/budget", schemaPath: "#/properties/stages/items/properties/budget/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.stages.items.properties.budget, data: data69 };
                    if (vErrors === null) {
                      vErrors = [err154];
                    } else {
                      vErrors.push(err154);
                    }
                    errors++;
                  }
                }
                if (data69.trials !== void 0) {
                  let data70 = data69.trials;
                  if (!(typeof data70 == "number" && (!(data70 % 1) && !isNaN(data70)) && isFinite(data70))) {
                    const err155 = { instancePath: instancePath + "/stages/" + i8 + "/budget/trials", schemaPath: "#/properties/stages/items/properties/budget/properties/trials/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.stages.items.properties.budget.properties.trials.type, parentSchema: schema11.properties.stages.items.properties.budget.properties.trials, data: data70 };
                    if (vErrors === null) {
                      vErrors = [err155];
                    } else {
                      vErrors.push(err155);
                    }
                    errors++;
                  }
                  if (typeof data70 == "number" && isFinite(data70)) {
                    if (data70 > 9007199254740991 || isNaN(data70)) {
                      const err156 = { instancePath: instancePath + "/stages/" + i8 + "/budget/trials", schemaPath: "#/properties/stages/items/properties/budget/properties/trials/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.stages.items.properties.budget.properties.trials, data: data70 };
                      if (vErrors === null) {
                        vErrors = [err156];
                      } else {
                        vErrors.push(err156);
                      }
                      errors++;
                    }
                    if (data70 < 1 || isNaN(data70)) {
                      const err157 = { instancePath: instancePath + "/stages/" + i8 + "/budget/trials", schemaPath: "#/properties/stages/items/properties/budget/properties/trials/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.stages.items.properties.budget.properties.trials, data: data70 };
                      if (vErrors === null) {
                        vErrors = [err157];
                      } else {
                        vErrors.push(err157);
                      }
                      errors++;
                    }
                  }
                }
              } else {
                const err158 = { instancePath: instancePath + "/stages/" + i8 + "/budget", schemaPath: "#/properties/stages/items/properties/budget/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.stages.items.properties.budget.type, parentSchema: schema11.properties.stages.items.properties.budget, data: data69 };
                if (vErrors === null) {
                  vErrors = [err158];
                } else {
                  vErrors.push(err158);
                }
                errors++;
              }
            }
            if (data64.trials !== void 0) {
              let data71 = data64.trials;
              if (!(typeof data71 == "number" && (!(data71 % 1) && !isNaN(data71)) && isFinite(data71))) {
                const err159 = { instancePath: instancePath + "/stages/" + i8 + "/trials", schemaPath: "#/properties/stages/items/properties/trials/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.stages.items.properties.trials.type, parentSchema: schema11.properties.stages.items.properties.trials, data: data71 };
                if (vErrors === null) {
                  vErrors = [err159];
                } else {
                  vErrors.push(err159);
                }
                errors++;
              }
              if (typeof data71 == "number" && isFinite(data71)) {
                if (data71 > 9007199254740991 || isNaN(data71)) {
                  const err160 = { instancePath: instancePath + "/stages/" + i8 + "/trials", schemaPath: "#/properties/stages/items/properties/trials/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema11.properties.stages.items.properties.trials, data: data71 };
                  if (vErrors === null) {
                    vErrors = [err160];
                  } else {
                    vErrors.push(err160);
                  }
                  errors++;
                }
                if (data71 < 1 || isNaN(data71)) {
                  const err161 = { instancePath: instancePath + "/stages/" + i8 + "/trials", schemaPath: "#/properties/stages/items/properties/trials/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.stages.items.properties.trials, data: data71 };
                  if (vErrors === null) {
                    vErrors = [err161];
                  } else {
                    vErrors.push(err161);
                  }
                  errors++;
                }
              }
            }
            if (data64.early_terminate !== void 0) {
              let data72 = data64.early_terminate;
              if (data72 && typeof data72 == "object" && !Array.isArray(data72)) {
                if (data72.type === void 0) {
                  const err162 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate", schemaPath: "#/properties/early_terminate/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema15.required, parentSchema: schema15, data: data72 };
                  if (vErrors === null) {
                    vErrors = [err162];
                  } else {
                    vErrors.push(err162);
                  }
                  errors++;
                }
                for (const key11 in data72) {
                  if (!func2.call(schema15.properties, key11)) {
                    const err163 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate", schemaPath: "#/properties/early_terminate/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data: data72 };
                    if (vErrors === null) {
                      vErrors = [err163];
                    } else {
                      vErrors.push(err163);
                    }
                    errors++;
                  }
                }
                if (data72.type !== void 0) {
                  let data73 = data72.type;
                  if (!(data73 === "hyperband" || data73 === "median")) {
                    const err164 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/type", schemaPath: "#/properties/early_terminate/properties/type/enum", keyword: "enum", params: { allowedValues: schema15.properties.type.enum }, message: "must be equal to one of the allowed values", schema: schema15.properties.type.enum, parentSchema: schema15.properties.type, data: data73 };
                    if (vErrors === null) {
                      vErrors = [err164];
                    } else {
                      vErrors.push(err164);
                    }
                    errors++;
                  }
                }
                if (data72.min_iter !== void 0) {
                  let data74 = data72.min_iter;
                  if (!(typeof data74 == "number" && (!(data74 % 1) && !isNaN(data74)) && isFinite(data74))) {
                    const err165 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/min_iter", schemaPath: "#/properties/early_terminate/properties/min_iter/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.properties.min_iter.type, parentSchema: schema15.properties.min_iter, data: data74 };
                    if (vErrors === null) {
                      vErrors = [err165];
                    } else {
                      vErrors.push(err165);
                    }
                    errors++;
                  }
                  if (typeof data74 == "number" && isFinite(data74)) {
                    if (data74 > 9007199254740991 || isNaN(data74)) {
                      const err166 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/min_iter", schemaPath: "#/properties/early_terminate/properties/min_iter/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema15.properties.min_iter, data: data74 };
                      if (vErrors === null) {
                        vErrors = [err166];
                      } else {
                        vErrors.push(err166);
                      }
                      errors++;
                    }
                    if (data74 < 1 || isNaN(data74)) {
                      const err167 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/min_iter", schemaPath: "#/properties/early_terminate/properties/min_iter/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.properties.min_iter, data: data74 };
                      if (vErrors === null) {
                        vErrors = [err167];
                      } else {
                        vErrors.push(err167);
                      }
                      errors++;
                    }
                  }
                }
                if (data72.max_iter !== void 0) {
                  let data75 = data72.max_iter;
                  if (!(typeof data75 == "number" && (!(data75 % 1) && !isNaN(data75)) && isFinite(data75))) {
                    const err168 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/max_iter", schemaPath: "#/properties/early_terminate/properties/max_iter/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.properties.max_iter.type, parentSchema: schema15.properties.max_iter, data: data75 };
                    if (vErrors === null) {
                      vErrors = [err168];
                    } else {
                      vErrors.push(err168);
                    }
                    errors++;
                  }
                  if (typeof data75 == "number" && isFinite(data75)) {
                    if (data75 > 9007199254740991 || isNaN(data75)) {
                      const err169 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/max_iter", schemaPath: "#/properties/early_terminate/properties/max_iter/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema15.properties.max_iter, data: data75 };
                      if (vErrors === null) {
                        vErrors = [err169];
                      } else {
                        vErrors.push(err169);
                      }
                      errors++;
                    }
                    if (data75 < 1 || isNaN(data75)) {
                      const err170 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/max_iter", schemaPath: "#/properties/early_terminate/properties/max_iter/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.properties.max_iter, data: data75 };
                      if (vErrors === null) {
                        vErrors = [err170];
                      } else {
                        vErrors.push(err170);
                      }
                      errors++;
                    }
                  }
                }
                if (data72.s !== void 0) {
                  let data76 = data72.s;
                  if (!(typeof data76 == "number" && (!(data76 % 1) && !isNaN(data76)) && isFinite(data76))) {
                    const err171 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/s", schemaPath: "#/properties/early_terminate/properties/s/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.properties.s.type, parentSchema: schema15.properties.s, data: data76 };
                    if (vErrors === null) {
                      vErrors = [err171];
                    } else {
                      vErrors.push(err171);
                    }
                    errors++;
                  }
                  if (typeof data76 == "number" && isFinite(data76)) {
                    if (data76 > 9007199254740991 || isNaN(data76)) {
                      const err172 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/s", schemaPath: "#/properties/early_terminate/properties/s/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema15.properties.s, data: data76 };
                      if (vErrors === null) {
                        vErrors = [err172];
                      } else {
                        vErrors.push(err172);
                      }
                      errors++;
                    }
                    if (data76 < 1 || isNaN(data76)) {
                      const err173 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/s", schemaPath: "#/properties/early_terminate/properties/s/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.properties.s, data: data76 };
                      if (vErrors === null) {
                        vErrors = [err173];
                      } else {
                        vErrors.push(err173);
                      }
                      errors++;
                    }
                  }
                }
                if (data72.eta !== void 0) {
                  let data77 = data72.eta;
                  if (typeof data77 == "number" && isFinite(data77)) {
                    if (data77 <= 1 || isNaN(data77)) {
                      const err174 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/eta", schemaPath: "#/properties/early_terminate/properties/eta/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 1 }, message: "must be > 1", schema: 1, parentSchema: schema15.properties.eta, data: data77 };
                      if (vErrors === null) {
                        vErrors = [err174];
                      } else {
                        vErrors.push(err174);
                      }
                      errors++;
                    }
                  } else {
                    const err175 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/eta", schemaPath: "#/properties/early_terminate/properties/eta/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema15.properties.eta.type, parentSchema: schema15.properties.eta, data: data77 };
                    if (vErrors === null) {
                      vErrors = [err175];
                    } else {
                      vErrors.push(err175);
                    }
                    errors++;
                  }
                }
                if (data72.check_rungs !== void 0) {
                  let data78 = data72.check_rungs;
                  if (typeof data78 !== "boolean") {
                    const err176 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/check_rungs", schemaPath: "#/properties/early_terminate/properties/check_rungs/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema15.properties.check_rungs.type, parentSchema: schema15.properties.check_rungs, data: data78 };
                    if (vErrors === null) {
                      vErrors = [err176];
                    } else {
                      vErrors.push(err176);
                    }
                    errors++;
                  }
                }
                if (data72.warmup_steps !== void 0) {
                  let data79 = data72.warmup_steps;
                  if (!(typeof data79 == "number" && (!(data79 % 1) && !isNaN(data79)) && isFinite(data79))) {
                    const err177 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/warmup_steps", schemaPath: "#/properties/early_terminate/properties/warmup_steps/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.properties.warmup_steps.type, parentSchema: schema15.properties.warmup_steps, data: data79 };
                    if (vErrors === null) {
                      vErrors = [err177];
                    } else {
                      vErrors.push(err177);
                    }
                    errors++;
                  }
                  if (typeof data79 == "number" && isFinite(data79)) {
                    if (data79 > 9007199254740991 || isNaN(data79)) {
                      const err178 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/warmup_steps", schemaPath: "#/properties/early_terminate/properties/warmup_steps/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema15.properties.warmup_steps, data: data79 };
                      if (vErrors === null) {
                        vErrors = [err178];
                      } else {
                        vErrors.push(err178);
                      }
                      errors++;
                    }
                    if (data79 < 0 || isNaN(data79)) {
                      const err179 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/warmup_steps", schemaPath: "#/properties/early_terminate/properties/warmup_steps/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema15.properties.warmup_steps, data: data79 };
                      if (vErrors === null) {
                        vErrors = [err179];
                      } else {
                        vErrors.push(err179);
                      }
                      errors++;
                    }
                  }
                }
                if (data72.min_trials !== void 0) {
                  let data80 = data72.min_trials;
                  if (!(typeof data80 == "number" && (!(data80 % 1) && !isNaN(data80)) && isFinite(data80))) {
                    const err180 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/min_trials", schemaPath: "#/properties/early_terminate/properties/min_trials/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.properties.min_trials.type, parentSchema: schema15.properties.min_trials, data: data80 };
                    if (vErrors === null) {
                      vErrors = [err180];
                    } else {
                      vErrors.push(err180);
                    }
                    errors++;
                  }
                  if (typeof data80 == "number" && isFinite(data80)) {
                    if (data80 > 9007199254740991 || isNaN(data80)) {
                      const err181 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/min_trials", schemaPath: "#/properties/early_terminate/properties/min_trials/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991", schema: 9007199254740991, parentSchema: schema15.properties.min_trials, data: data80 };
                      if (vErrors === null) {
                        vErrors = [err181];
                      } else {
                        vErrors.push(err181);
                      }
                      errors++;
                    }
                    if (data80 < 1 || isNaN(data80)) {
                      const err182 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate/min_trials", schemaPath: "#/properties/early_terminate/properties/min_trials/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.properties.min_trials, data: data80 };
                      if (vErrors === null) {
                        vErrors = [err182];
                      } else {
                        vErrors.push(err182);
                      }
                      errors++;
                    }
                  }
                }
              } else {
                const err183 = { instancePath: instancePath + "/stages/" + i8 + "/early_terminate", schemaPath: "#/properties/early_terminate/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data: data72 };
                if (vErrors === null) {
                  vErrors = [err183];
                } else {
                  vErrors.push(err183);
                }
                errors++;
              }
            }
            if (data64.refine !== void 0) {
              let data81 = data64.refine;
              if (typeof data81 !== "boolean") {
                const err184 = { instancePath: instancePath + "/stages/" + i8 + "/refine", schemaPath: "#/properties/stages/items/properties/refine/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.stages.items.properties.refine.type, parentSchema: schema11.properties.stages.items.properties.refine, data: data81 };
                if (vErrors === null) {
                  vErrors = [err184];
                } else {
                  vErrors.push(err184);
                }
                errors++;
              }
            }
            if (data64.configs !== void 0) {
              let data82 = data64.configs;
              if (Array.isArray(data82)) {
                const len8 = data82.length;
                for (let i11 = 0; i11 < len8; i11++) {
                  let data83 = data82[i11];
                  if (!(data83 && typeof data83 == "object" && !Array.isArray(data83))) {
                    const err185 = { instancePath: instancePath + "/stages/" + i8 + "/configs/" + i11, schemaPath: "#/properties/stages/items/properties/configs/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.stages.items.properties.configs.items.type, parentSchema: schema11.properties.stages.items.properties.configs.items, data: data83 };
                    if (vErrors === null) {
                      vErrors = [err185];
                    } else {
                      vErrors.push(err185);
                    }
                    errors++;
                  }
                }
              } else {
                const err186 = { instancePath: instancePath + "/stages/" + i8 + "/configs", schemaPath: "#/properties/stages/items/properties/configs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.stages.items.properties.configs.type, parentSchema: schema11.properties.stages.items.properties.configs, data: data82 };
                if (vErrors === null) {
                  vErrors = [err186];
                } else {
                  vErrors.push(err186);
                }
                errors++;
              }
            }
          } else {
            const err187 = { instancePath: instancePath + "/stages/" + i8, schemaPath: "#/properties/stages/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.stages.items.type, parentSchema: schema11.properties.stages.items, data: data64 };
            if (vErrors === null) {
              vErrors = [err187];
            } else {
              vErrors.push(err187);
            }
            errors++;
          }
        }
      }
    }
  } else {
    const err188 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err188];
    } else {
      vErrors.push(err188);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/core/config/schema.ts
var validator = validate;
function validate2(doc) {
  return validator(doc) ? [] : validator.errors ?? [];
}
function checkSchema(doc, issues) {
  for (const e of validate2(doc)) {
    const translated = translate(e, doc);
    if (translated) issues.schema(translated.path, translated.message);
  }
}
function pointerToPath(pointer, doc) {
  const out = [];
  let node = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = isRecord(node) ? node[key] : void 0;
    }
  }
  return out;
}
var TYPE_WORDS = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  object: "a mapping",
  array: "a list",
  boolean: "true or false",
  null: "null"
};
function typeWords(type) {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(" or ");
}
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
function suggest(key, known) {
  const best = known.map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? `; did you mean ${best.k}?` : "";
}
function translate(e, doc) {
  const path11 = pointerToPath(e.instancePath, doc);
  const got = `, got ${show(e.data)}`;
  const p = e.params;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const declared = isRecord(e.parentSchema) && isRecord(e.parentSchema.properties) ? e.parentSchema.properties : {};
      const props = Object.keys(declared).filter(
        (k) => !/accepted and ignored/.test(String(declared[k].description))
      );
      const hint = suggest(key, props) || (props.length ? `; expected one of ${props.join(", ")}` : "");
      return { path: [...path11, key], message: `unknown key${hint}` };
    }
    case "required":
      return { path: [...path11, String(p.missingProperty)], message: "is required" };
    case "enum":
      return { path: path11, message: `must be one of ${p.allowedValues.map(String).join(", ")}${got}` };
    case "type":
      return { path: path11, message: `must be ${typeWords(p.type)}${got}` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { path: path11, message: `must be ${String(p.comparison)} ${String(p.limit)}${got}` };
    case "minItems":
      return { path: path11, message: `must have at least ${String(p.limit)} item${p.limit === 1 ? "" : "s"}${got}` };
    case "minProperties":
      return { path: path11, message: `must have at least ${String(p.limit)} entr${p.limit === 1 ? "y" : "ies"}${got}` };
    case "maxItems":
      return { path: path11, message: `must have at most ${String(p.limit)} item${p.limit === 1 ? "" : "s"}${got}` };
    case "if":
      return void 0;
    case "minLength":
      return { path: path11, message: `must not be empty${got}` };
    case "uniqueItems":
      return { path: path11, message: `must not repeat items (positions ${String(p.j)} and ${String(p.i)} are equal)${got}` };
    case "pattern":
      return { path: path11, message: `must look like "2%" (a relative threshold) or be a number${got}` };
    default:
      return { path: path11, message: `${e.message ?? "is invalid"}${got}` };
  }
}

// src/core/config/yaml11.ts
var import_yaml = __toESM(require_dist(), 1);
var PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
var PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
var PY_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
var PY_OCTAL = /^[-+]?0[0-7_]+$/;
function writtenAsFloat(node) {
  return (0, import_yaml.isScalar)(node) && typeof node.value === "number" && typeof node.source === "string" && /[.eE]|inf|nan/i.test(node.source);
}
function isPlain(node) {
  return node.type === import_yaml.Scalar.PLAIN && typeof node.source === "string";
}
function readYaml11(doc) {
  const notes = [];
  const walk = (node, path11) => {
    if ((0, import_yaml.isAlias)(node)) return;
    if ((0, import_yaml.isScalar)(node)) return scalar(node, path11, notes);
    if ((0, import_yaml.isSeq)(node)) return node.items.forEach((item, i) => walk(item, [...path11, i]));
    if (!(0, import_yaml.isMap)(node)) return;
    const seen = /* @__PURE__ */ new Map();
    for (const pair of node.items) {
      if (!(0, import_yaml.isPair)(pair) || !(0, import_yaml.isScalar)(pair.key) || typeof pair.key.value === "symbol") continue;
      const key = String(pair.key.value);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const [key, n] of seen)
      if (n > 1) notes.push({ path: [...path11, key], message: `is given ${n} times; the last one is used, as PyYAML (W&B) does` });
    for (const pair of node.items) {
      if (!(0, import_yaml.isPair)(pair)) continue;
      const key = (0, import_yaml.isScalar)(pair.key) ? pair.key.value : void 0;
      walk(pair.value, typeof key === "symbol" ? path11 : [...path11, String(key)]);
    }
  };
  walk(doc.contents, []);
  return notes;
}
function scalar(node, path11, notes) {
  if (!isPlain(node)) return;
  const src = node.source;
  if (typeof node.value === "string" && PY_BOOL.test(src)) {
    node.value = /^(?:yes|on|true)$/i.test(src);
    return;
  }
  if (typeof node.value === "number") {
    if (PY_FLOAT.test(src) || PY_INT.test(src) && !PY_OCTAL.test(src)) return;
    const pyReads = PY_INT.test(src) ? `the octal number ${parseInt(src.replace(/_/g, ""), 8)}` : `the string "${src}"`;
    notes.push({
      path: path11,
      message: `${src} is read as the number ${node.value}; PyYAML (W&B) reads ${pyReads}. Write it as ${suggestFloat(src, node.value)} to mean the same number in both`
    });
    return;
  }
  if (typeof node.value === "string" && (PY_INT.test(src) || PY_FLOAT.test(src)))
    notes.push({ path: path11, message: `${src} is read as a string; PyYAML (W&B) reads it as a number. Quote it to keep a string in both` });
}
function suggestFloat(src, value) {
  if (Number.isInteger(value) && !/[eE]/.test(src)) return String(value);
  const [m, e] = value.toExponential().split("e");
  return `${m.includes(".") ? m : `${m}.0`}e${e.startsWith("-") ? e : `+${e.replace("+", "")}`}`;
}
function floatPathsIn(doc, node, path11 = [], depth = 0) {
  if (depth > 64) return [];
  const here = (0, import_yaml.isAlias)(node) ? node.resolve(doc) : node;
  if ((0, import_yaml.isScalar)(here)) return writtenAsFloat(here) ? [path11] : [];
  if ((0, import_yaml.isSeq)(here)) return here.items.flatMap((item, i) => floatPathsIn(doc, item, [...path11, i], depth + 1));
  if ((0, import_yaml.isMap)(here))
    return here.items.flatMap(
      (pair) => (0, import_yaml.isPair)(pair) && (0, import_yaml.isScalar)(pair.key) && typeof pair.key.value !== "symbol" ? floatPathsIn(doc, pair.value, [...path11, String(pair.key.value)], depth + 1) : []
    );
  return [];
}

// src/core/config/workload-section.ts
import { resolve } from "node:path";
var RUNNER_KEYS = ["trainer", "objective", "program"];
function parseWorkload(doc, configDir, issues, isFloat = () => false) {
  const given = RUNNER_KEYS.filter((k) => has(doc, k));
  if (given.length === 0) {
    issues.add([], "nothing to run: give exactly one of trainer (built-in model), objective (JS module) or program (script)");
    if (has(doc, "command")) issues.add(["command"], "needs program (the ${program} a command runs)");
    return void 0;
  }
  for (const extra of given.slice(1))
    issues.add([extra], `cannot be combined with ${given[0]}: give exactly one of trainer, objective, program`);
  for (const key of ["command", "wandb"])
    if (has(doc, key) && given[0] !== "program") issues.add([key], `only applies with program, got it beside ${given[0]}`);
  if (given.length > 1) return void 0;
  switch (given[0]) {
    case "trainer": {
      const trainer = parseTrainer(doc.trainer, configDir, issues);
      return trainer && { kind: "trainer", trainer };
    }
    case "objective": {
      const module = str(doc.objective);
      return module === void 0 ? void 0 : { kind: "objective", module: resolve(configDir, module) };
    }
    default: {
      const program = str(doc.program);
      const command = parseCommand(doc.command, isFloat);
      if (program === void 0 || !command) return void 0;
      return {
        kind: "program",
        program: resolve(configDir, program),
        programAsWritten: program,
        programKind: programKind(command),
        command,
        wandb: doc.wandb === "real" ? "real" : "stand-in",
        pyNumbers: {},
        paramPaths: {}
      };
    }
  }
}
function parseCommand(value, isFloat) {
  if (value === void 0) return DEFAULT_COMMAND;
  if (!Array.isArray(value) || !value.every((t) => ["string", "number", "boolean"].includes(typeof t))) return void 0;
  return value.map((t, i) => pyStr(t, () => isFloat(["command", i])));
}
var INTERPRETER_WORD = /^(?:\$\{interpreter\}|(?:.*\/)?(?:python[0-9.]*|node|bash|sh|Rscript|julia|ruby|perl|deno|bun))$/;
function programKind(command) {
  const at = command.indexOf("${program}");
  if (at < 0) return "command";
  const before = command[at - 1];
  if (before === "-m") return "module";
  return before !== void 0 && INTERPRETER_WORD.test(before) ? "file" : "command";
}
function parseTrainer(value, configDir, issues) {
  if (!isRecord(value)) return void 0;
  if (value.type === "image") return parseImageTrainer(value, configDir, issues);
  if (has(value, "input_shape"))
    issues.add(["trainer", "input_shape"], "is used by trainer type image only (this trainer reads CSV columns)");
  const data = str(value.data);
  const target = str(value.target);
  const task = value.task === "classification" || value.task === "regression" ? value.task : void 0;
  if (has(value, "validation") && has(value, "validation_split"))
    issues.add(["trainer", "validation_split"], "cannot be combined with validation (a separate validation file)");
  const features = Array.isArray(value.features) ? value.features.filter((f) => typeof f === "string") : void 0;
  if (features && target !== void 0 && features.includes(target))
    issues.add(["trainer", "features", features.indexOf(target)], `must not include the target column, got ${show(target)}`);
  const defaults = parseTrainerDefaults(value.defaults, issues);
  if (data === void 0 || target === void 0 || !task) return void 0;
  const validation = str(value.validation);
  const splitBy = typeof value.split_by === "string" ? [value.split_by] : Array.isArray(value.split_by) ? value.split_by.filter((c) => typeof c === "string") : void 0;
  for (const [i, c] of (splitBy ?? []).entries()) {
    if (c === target)
      issues.add(["trainer", "split_by", i], `must not be the target column (an id column says which row is which), got ${show(c)}`);
  }
  if (has(value, "split_seed") && validation !== void 0)
    issues.add(["trainer", "split_seed"], "has no effect with validation (a separate validation file): there is no split to seed");
  const baseModel = str(value.base_model);
  const saveBest2 = str(value.save_best);
  return {
    type: "tabular",
    data: resolve(configDir, data),
    target,
    task,
    validationSplit: num(value.validation_split) ?? 0.2,
    ...validation !== void 0 ? { validation: resolve(configDir, validation) } : {},
    ...features ? { features } : {},
    ...int(value.split_seed) !== void 0 ? { splitSeed: int(value.split_seed) } : {},
    ...splitBy && splitBy.length > 0 ? { splitBy } : {},
    ...baseModel !== void 0 ? { baseModel: resolve(configDir, baseModel) } : {},
    ...saveBest2 !== void 0 ? { saveBest: resolve(configDir, saveBest2) } : {},
    defaults
  };
}
var MAX_IMAGE_VALUES = 1 << 18;
function parseImageTrainer(value, configDir, issues) {
  for (const key of ["validation", "features"])
    if (has(value, key))
      issues.add(
        ["trainer", key],
        `is not used by trainer type image (pixels are every column but target; the split is validation_split), got ${show(value[key])}`
      );
  if (has(value, "task") && value.task !== "classification")
    issues.add(["trainer", "task"], `the image trainer does classification only, got ${show(value.task)}`);
  const shape = value.input_shape;
  if (!Array.isArray(shape)) {
    if (shape === void 0)
      issues.add(["trainer", "input_shape"], "is required with type image: [height, width, channels], e.g. [8, 8, 1]");
    return void 0;
  }
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 1) || shape.length !== 3) return void 0;
  const [h, w, c] = shape;
  if (c !== 1 && c !== 3) issues.add(["trainer", "input_shape", 2], `channels must be 1 (greyscale) or 3 (RGB), got ${c}`);
  if (h * w * c > MAX_IMAGE_VALUES)
    issues.add(
      ["trainer", "input_shape"],
      `gives ${h * w * c} values per image, more than the ${MAX_IMAGE_VALUES} the image trainer takes, got ${show(shape)}`
    );
  const defaults = parseTrainerDefaults(value.defaults, issues);
  const data = str(value.data);
  const target = str(value.target);
  const baseModel = str(value.base_model);
  const saveBest2 = str(value.save_best);
  if (data === void 0) return void 0;
  return {
    type: "image",
    data: resolve(configDir, data),
    ...target !== void 0 ? { target } : {},
    task: "classification",
    inputShape: [h, w, c],
    validationSplit: num(value.validation_split) ?? 0.2,
    ...int(value.split_seed) !== void 0 ? { splitSeed: int(value.split_seed) } : {},
    ...baseModel !== void 0 ? { baseModel: resolve(configDir, baseModel) } : {},
    ...saveBest2 !== void 0 ? { saveBest: resolve(configDir, saveBest2) } : {},
    defaults
  };
}
function parseTrainerDefaults(value, issues) {
  if (!isRecord(value)) return {};
  for (const [name, v] of Object.entries(value)) {
    const msg = checkHyperparameter(name, v);
    if (msg) issues.add(["trainer", "defaults", name], msg);
  }
  return value;
}
function finishTrainer(workload, parameterNames, metric, issues, warn) {
  if (workload?.kind !== "trainer") return workload;
  const t = workload.trainer;
  const searched = (name) => parameterNames.includes(name);
  const fixed = (name) => has(t.defaults, name);
  if (t.type === "image") checkStrides(t, ["trainer", "defaults", "strides"], t.defaults["strides"], issues);
  const shape = trainerShape(t);
  for (const { name, problem } of hyperparameterProblems(shape)) {
    if (searched(name))
      issues.add(["parameters", name], name === "validation_split" ? `${problem}, got a search over validation_split` : problem);
    if (fixed(name)) issues.add(["trainer", "defaults", name], `${problem}, got ${show(t.defaults[name])}`);
  }
  if (searched("validation_split") && validationFileProblem("validation_split", shape.validationFile) === void 0) {
    warn(
      ["parameters", "validation_split"],
      "is searched: each value holds out other rows, so metrics of trials with different splits are measured on different data and are not comparable"
    );
  }
  const normalisation = normalisationProblem(t.defaults["batch_norm"], t.defaults["layer_norm"]);
  if (normalisation !== void 0) issues.add(["trainer", "defaults", "layer_norm"], normalisation);
  if (!searched("early_stopping_patience") && !fixed("early_stopping_patience")) return workload;
  return { kind: "trainer", trainer: { ...t, earlyStoppingMetric: { name: metric.name, goal: metric.goal } } };
}
function checkStrides(trainer, path11, value, issues) {
  const side = Math.min(trainer.inputShape[0], trainer.inputShape[1]);
  if (typeof value === "number" && value > side)
    issues.add(
      path11,
      `must be at most the input's shorter side (${side}, from trainer.input_shape ${show(trainer.inputShape)}), got ${value}`
    );
}

// src/core/config/parse.ts
function parseSweepConfig(text, file) {
  const configDir = dirname(file);
  const { doc, raw, notes } = readDocument(text);
  const issues = new Issues(Object.keys(raw));
  const warnings = [];
  const warn = (path11, message) => {
    warnings.push(`${formatPath(path11)}: ${message}`);
  };
  for (const n of notes) warn(n.path, n.message);
  checkFinite(raw, [], issues);
  checkSchema(raw, issues);
  const parsedWorkload = parseWorkload(raw, configDir, issues, (path11) => writtenAsFloat(nodeAt(doc, path11)));
  const metric = parseMetric(raw, parsedWorkload, issues);
  const { names, parsed: parameters } = parseParameters(raw, doc, parsedWorkload?.kind === "trainer", issues);
  const workload = parsedWorkload?.kind === "program" ? withPython(parsedWorkload, parameters, doc, warn) : finishTrainer(parsedWorkload, names, metric, issues, warn);
  if (raw.parameters === void 0) issues.add(["parameters"], "is required: the search space (name: {values: [...]} or {min, max}, ...)");
  const method = raw.method;
  checkManualKey(method, raw.configs, [], issues);
  for (const p of parameters) {
    if (p.inferredFrom && !WANDB_INFERS2.has(p.inferredFrom))
      warn(
        p.path,
        `W&B infers only constant, categorical, int_uniform and uniform and would reject this block; sweepgate reads it as ${p.dist.name} (from ${p.inferredFrom}). Write distribution: ${p.dist.name} for both`
      );
    if (method === "grid" && !searchedOffGrid(raw.stages, p.name)) checkGridParameter(p, issues);
    if (workload?.kind === "trainer") checkTrainerParameter(p, issues);
    if (workload?.kind === "trainer" && workload.trainer.type === "image" && p.name === "strides")
      for (const { value, path: path11 } of largestValues(p)) checkStrides(workload.trainer, path11, value, issues);
    const w = exponentBoundsWarning(p);
    if (w) warn(p.path, w);
  }
  const gate = parseGate(raw.gate, metric, workload, issues);
  const budget = parseBudget(raw, issues);
  const config = {
    name: parseName(raw.name, file, issues),
    ...typeof raw.description === "string" ? { description: raw.description } : {},
    method,
    ...optional("configs", method === "manual" ? parseManualConfigs(raw.configs, ["configs"], parameters, issues) : void 0),
    metric,
    space: parameters.map(({ name, dist }) => ({ name, dist })),
    ...optional("earlyTerminate", parseEarlyTerminate(raw.early_terminate, issues, warn)),
    budget,
    ...optional("trialTimeoutMs", parseTrialTimeout(raw.trial_timeout, issues)),
    seed: Number.isSafeInteger(raw.seed) ? raw.seed : 0,
    fingerprint: parseFingerprint(raw.fingerprint),
    gate,
    repeats: Number.isSafeInteger(raw.repeats) ? raw.repeats : 1,
    champion: {
      seeds: isRecord(raw.champion) && Number.isSafeInteger(raw.champion.seeds) ? raw.champion.seeds : DEFAULT_CHAMPION_SEEDS
    },
    pr: parsePr(raw.pr),
    ...optional("parallel", parseParallel(raw.parallel)),
    ...stagesOf(raw.stages, parameters, budget.trials, issues, warn),
    configDir
  };
  issues.throwIfAny();
  if (!workload) throw new ConfigError("", "nothing to run");
  const paramSources = Object.fromEntries(parameters.map((p) => [p.name, paramSource(p, doc)]));
  const { pr: _pr, ...hashed } = raw;
  return { ...config, workload, configHash: hashJson(hashed), raw, warnings, paramSources };
}
var DEFAULT_WARM_START = 3;
function parsePr(value) {
  const pr = isRecord(value) ? value : {};
  return {
    search: pr.search !== false,
    warmStart: Number.isSafeInteger(pr.warm_start) ? pr.warm_start : DEFAULT_WARM_START
  };
}
function parseParallel(value) {
  return Number.isSafeInteger(value) ? value : void 0;
}
function parseTrialTimeout(value, issues) {
  if (value === void 0 || typeof value !== "number" && typeof value !== "string") return void 0;
  try {
    return parseDuration(value, "trial_timeout");
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    issues.add(["trial_timeout"], e.message.slice("trial_timeout: ".length));
    return void 0;
  }
}
function searchedOffGrid(stages, name) {
  if (stages === "auto") return true;
  if (!Array.isArray(stages)) return false;
  const naming = stages.filter((s) => isRecord(s) && Array.isArray(s.parameters) && s.parameters.includes(name));
  return naming.length > 0 && naming.every((s) => s.method !== void 0 && s.method !== "grid" || s.values === "decades");
}
function stagesOf(value, parameters, trials, issues, warn) {
  const space = parameters.map(({ name, dist }) => ({ name, dist }));
  const { stages, auto } = parseStages(value, space, trials, issues, warn);
  return { stages, ...auto ? { stagesAuto: true } : {} };
}
function optional(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
var MAX_DEPTH = 64;
function readDocument(text) {
  const doc = (0, import_yaml2.parseDocument)(text, { merge: true, uniqueKeys: false, prettyErrors: true });
  const first = doc.errors[0];
  if (first) throw new ConfigError("", `invalid YAML: ${yamlError(first, text)}`);
  let notes;
  try {
    notes = readYaml11(doc);
  } catch (e) {
    throw new ConfigError("", `invalid YAML: ${yamlProblem(errorText(e))}`);
  }
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError("", `invalid YAML: ${yamlProblem(errorText(e))}`);
  }
  if (raw === null || raw === void 0)
    throw new ConfigError("", "the config is empty: write a mapping of sweep keys (method, parameters, ...)");
  if (!isRecord(raw))
    throw new ConfigError(
      "",
      `must be a mapping of sweep keys (method, parameters, ...), got ${Array.isArray(raw) ? "a list" : "a scalar"} ${show(raw)}`
    );
  const deep = tooDeep(raw);
  if (deep) throw new ConfigError(formatPath(deep), `nests deeper than ${MAX_DEPTH} levels; no sweep key needs that`);
  return { doc, raw, notes };
}
function yamlError(e, text) {
  const where = e.linePos ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : "";
  if (e.code === "DUPLICATE_KEY") {
    const key = /^\s*("[^"]*"|'[^']*'|[^:\n]*?)\s*:/.exec(text.slice(e.pos[0]))?.[1];
    if (key) return `the key ${show(key.replace(/^["']|["']$/g, ""))} appears twice in one mapping${where}`;
  }
  return yamlProblem(e.message.split("\n")[0] ?? "");
}
function yamlProblem(message) {
  if (/multiple documents/.test(message))
    return 'the file holds more than one YAML document (a line "---" or "..." starts another); a sweep config is one';
  if (/Excessive alias count/.test(message))
    return "too many alias expansions (an alias bomb, or a merge key that includes itself); write the values out instead";
  const text = message.replace(/:$/, "");
  return /Maximum call stack size exceeded/.test(text) ? text.replace(
    /(?:RangeError: )?Maximum call stack size exceeded/,
    `nested too deeply (no sweep key needs more than ${MAX_DEPTH} levels)`
  ) : text;
}
function tooDeep(root) {
  const stack = [[root, []]];
  while (stack.length > 0) {
    const [node, path11] = stack.pop();
    if (path11.length > MAX_DEPTH) return path11.slice(0, 4);
    if (Array.isArray(node)) node.forEach((v, i) => stack.push([v, [...path11, i]]));
    else if (isRecord(node)) for (const [k, v] of Object.entries(node)) stack.push([v, [...path11, k]]);
  }
  return void 0;
}
function checkFinite(node, path11, issues) {
  if (typeof node === "number" && !Number.isFinite(node)) issues.schema(path11, `must be a finite number, got ${String(node)}`);
  else if (Array.isArray(node)) node.forEach((v, i) => checkFinite(v, [...path11, i], issues));
  else if (isRecord(node)) for (const [k, v] of Object.entries(node)) checkFinite(v, [...path11, k], issues);
}
function nodeAt(doc, path11) {
  let node = doc.contents;
  for (const seg of path11) {
    const here = deref(doc, node);
    if ((0, import_yaml2.isMap)(here)) node = mapGet(doc, here, seg, 0);
    else if ((0, import_yaml2.isSeq)(here) && typeof seg === "number") node = here.items[seg];
    else return void 0;
  }
  return deref(doc, node);
}
function deref(doc, node) {
  return (0, import_yaml2.isAlias)(node) ? node.resolve(doc) : node;
}
function mapGet(doc, map, key, depth) {
  if (depth > 32) return void 0;
  const isMergeKey = (k) => (0, import_yaml2.isScalar)(k) && typeof k.value === "symbol" && k.value.description === "<<";
  for (const pair of [...map.items].reverse())
    if ((0, import_yaml2.isScalar)(pair.key) && !isMergeKey(pair.key) && String(pair.key.value) === String(key)) return pair.value;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue;
    const value = deref(doc, pair.value);
    for (const source of (0, import_yaml2.isSeq)(value) ? value.items : [value]) {
      const m = deref(doc, source);
      const found = (0, import_yaml2.isMap)(m) ? mapGet(doc, m, key, depth + 1) : void 0;
      if (found !== void 0) return found;
    }
  }
  return void 0;
}
function parseParameters(raw, doc, trainer, issues) {
  const isFloat = (path11) => writtenAsFloat(nodeAt(doc, path11));
  const out = [];
  const blocks = flattenParameters(raw.parameters, issues);
  for (const block of blocks) {
    if (trainer && !TRAINER_HYPERPARAMETERS[block.name])
      issues.add(block.path, `${checkHyperparameter(block.name, null)}, got ${show(block.name)}`);
    const p = parseParameter(block, isFloat, issues);
    if (p) out.push(p);
  }
  return { names: blocks.map((b) => b.name), parsed: out };
}
function parseName(value, file, issues) {
  const name = typeof value === "string" ? value : basename(file, extname(file));
  if (/[,\r\n]|-->/.test(name)) issues.add(["name"], `must not contain commas, line breaks or "-->", got ${show(name)}`);
  return name;
}
var FLOAT_DISTRIBUTIONS = /* @__PURE__ */ new Set([
  "uniform",
  "log_uniform",
  "log_uniform_values",
  "inv_log_uniform",
  "inv_log_uniform_values",
  "normal",
  "log_normal",
  "beta"
]);
function withPython(workload, parameters, doc, warn) {
  const pyNumbers = {};
  const paramPaths = {};
  for (const p of parameters) {
    paramPaths[p.name] = p.path.filter((_, i) => i % 2 === 1).map(String);
    const name = p.dist.name;
    if (name === "constant" || name === "categorical" || name === "categorical_w_probabilities") {
      const nodes = name === "constant" ? [nodeAt(doc, [...p.path, "value"])] : seqItems(doc, nodeAt(doc, [...p.path, "values"]));
      const choices = nodes.map((node) => ({
        value: (0, import_yaml2.isNode)(node) ? node.toJS(doc) : null,
        floats: floatPathsIn(doc, node)
      }));
      pyNumbers[p.name] = { kind: "choices", choices };
    } else if (name.startsWith("q_")) {
      const q = nodeAt(doc, [...p.path, "q"]);
      const intQ = (0, import_yaml2.isScalar)(q) && typeof q.value === "number" && Number.isInteger(q.value) && !writtenAsFloat(q);
      pyNumbers[p.name] = { kind: intQ ? "int" : "float" };
    } else pyNumbers[p.name] = { kind: FLOAT_DISTRIBUTIONS.has(name) ? "float" : "int" };
  }
  for (const n of commandNotes(
    workload.command,
    Object.keys(paramPaths),
    Object.values(paramPaths).map((p) => p[0])
  ))
    warn(["command", n.index], n.message);
  return { ...workload, pyNumbers, paramPaths };
}
function seqItems(doc, node) {
  return (0, import_yaml2.isSeq)(node) ? node.items.map((item) => deref(doc, item)) : [];
}
var WANDB_INFERS2 = /* @__PURE__ */ new Set(["value", "values", "values and probabilities", "integer min/max", "min/max"]);
function paramSource(p, doc) {
  const written = {};
  const node = nodeAt(doc, p.path);
  if ((0, import_yaml2.isMap)(node))
    for (const pair of node.items) {
      if (!(0, import_yaml2.isScalar)(pair.key) || typeof pair.key.value === "symbol") continue;
      const key = String(pair.key.value);
      const value = deref(doc, pair.value);
      const floats = floatPathsIn(doc, value).map((x) => JSON.stringify(x));
      written[key] = pyRepr((0, import_yaml2.isNode)(value) ? value.toJS(doc) : null, (path11) => floats.includes(JSON.stringify(path11)));
    }
  return { path: formatPath(p.path), ...p.inferredFrom ? { inferredFrom: p.inferredFrom } : {}, written };
}

// src/core/config/text.ts
var MAX_CONFIG_BYTES = 1024 * 1024;
function decodeConfigText(bytes, file) {
  if (bytes.length > MAX_CONFIG_BYTES)
    throw new ConfigError("", `config ${file} is ${size(bytes.length)}; a sweep config is at most ${size(MAX_CONFIG_BYTES)}`);
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255)
    throw new ConfigError("", `config ${file} is UTF-16 text; save it as UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ConfigError("", `config ${file} is a binary file, not YAML or JSON text (a NUL byte at offset ${nul})`);
  const bad = invalidUtf8At(bytes);
  if (bad >= 0)
    throw new ConfigError(
      "",
      `config ${file} is not valid UTF-8 text (byte 0x${bytes[bad].toString(16).padStart(2, "0")} at offset ${bad}); save it as UTF-8`
    );
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}
function size(n) {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${+(n / 1024).toFixed(1)} kB`;
}
function invalidUtf8At(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 128) {
      i++;
      continue;
    }
    let n;
    let lo = 128;
    let hi = 191;
    if (c >= 194 && c <= 223) n = 2;
    else if (c >= 224 && c <= 239) [n, lo, hi] = [3, c === 224 ? 160 : 128, c === 237 ? 159 : 191];
    else if (c >= 240 && c <= 244) [n, lo, hi] = [4, c === 240 ? 144 : 128, c === 244 ? 143 : 191];
    else return i;
    for (let k = 1; k < n; k++) {
      const d = b[i + k];
      if (d === void 0) return i;
      if (k === 1 ? d < lo || d > hi : d < 128 || d > 191) return i;
    }
    i += n;
  }
  return -1;
}

// src/core/cost.ts
function skippedSearch(config) {
  const budget = plannedSearchTrials(config);
  return budget + (config.repeats > 1 ? (config.repeats - 1) * Math.min(FINALISTS, budget) : 0);
}
function runCost(r, ctx) {
  const runs = r.replay?.runs ?? r.champion?.runs ?? [];
  const savedModel = r.savedModel !== void 0 && r.best ? r.trials.find((t) => t.key === r.best.key) : void 0;
  const trained = r.trials.filter((t) => !t.cached);
  const cached = r.trials.filter((t) => t.cached);
  const stopped = Math.max(0, ctx.plannedSeeds - runs.length);
  const trainings = {
    spent: trained.length + runs.filter((x) => !x.cached).length + (savedModel ? 1 : 0),
    cache: cached.length + runs.filter((x) => x.cached).length,
    sequentialStop: stopped,
    replayOnly: ctx.replayOnly
  };
  if (!ctx.epochs) return { trainings };
  const steps = (ts) => ts.reduce((n, t) => n + t.history.length, 0);
  const runSteps = (xs) => xs.reduce((n, x) => n + (x.steps ?? 0), 0);
  const perRun = runs.length > 0 ? runSteps(runs) / runs.length : 0;
  const mainSearch = (ctx.baseline?.trials ?? []).filter((t) => t.status !== "failed");
  const perTrial = mainSearch.length > 0 ? steps(mainSearch) / mainSearch.length : 0;
  const estimated = [...stopped > 0 ? ["sequentialStop"] : [], ...ctx.replayOnly > 0 ? ["replayOnly"] : []];
  return {
    trainings,
    epochs: {
      spent: steps(trained) + runSteps(runs.filter((x) => !x.cached)) + (savedModel?.history.length ?? 0),
      cache: steps(cached) + runSteps(runs.filter((x) => x.cached)),
      sequentialStop: Math.round(stopped * perRun),
      replayOnly: Math.round(ctx.replayOnly * perTrial),
      estimated
    }
  };
}

// src/engine/champion-step.ts
async function championStep(config, results, ports, step, engineLog, buildReplay, pickSeeds = (seeds) => seeds) {
  if (!step || step.mode === "record" && config.champion.seeds === 0) return {};
  const log2 = (what) => (run, i, n) => {
    const v = run.metrics[config.metric.name];
    const value = run.status === "failed" ? `failed: ${run.error ?? "unknown error"}` : `${config.metric.name} ${v === void 0 ? "n/a" : Number(v.toPrecision(6))}`;
    engineLog.info(`${what} seed ${i}/${n}: ${value}${run.cached ? " (cached)" : ""}`);
  };
  if (step.mode === "record") {
    if (!results.best) return {};
    const seeds2 = pickSeeds(championSeeds(config.seed, results.best.params, config.champion.seeds));
    const say2 = log2("champion");
    const runs = await runSeeds(
      results.best.params,
      seeds2,
      { ...ports, progress: (r, i) => say2(r, i, seeds2.length) },
      config.metric,
      config.trialTimeoutMs
    );
    const settings = replaySettingsOf(config);
    return { champion: { params: results.best.params, runs, ...settings ? { settings } : {} } };
  }
  const champion = step.baseline?.champion;
  if (!step.baseline) return {};
  if (!champion || champion.runs.length === 0)
    return {
      replaySkipped: "the baseline has no champion runs: it was recorded before sweepgate replayed champions, or with champion.seeds: 0"
    };
  const replay = await replayWorkload(config, step.baseline, buildReplay, engineLog);
  if ("notComparable" in replay) return { notComparable: replay.notComparable };
  const plan = planReplay(champion.params, config.space, effectiveDefaults(replay.workload, champion.params), {
    keepMainValues: replay.workload.kind === "trainer"
  });
  if (!plan.ok) {
    await replay.dispose?.();
    return {
      notComparable: `${plan.reason}, so main's best config cannot be passed to this PR's ${replay.workload.kind} as main ran it. Keep the parameter in the space (fix it with \`value:\` to stop searching it); to drop it on purpose, accept this once (the Action's accept-label, the CLI's --accept-regression): the baseline recorded after the merge no longer uses it`
    };
  }
  const seeds = pickSeeds(champion.runs.map((r) => r.seed));
  const say = log2("main's champion, replayed:");
  const rules = judgedRules(step.baseline, config.gate).rules;
  let stop;
  const sequential = step.sequential !== false && seeds.length === champion.runs.length;
  try {
    const runs = await runSeeds(
      plan.params,
      seeds,
      {
        ...ports,
        objective: replay.objective ?? ports.objective,
        progress: (r, i) => say(r, i, seeds.length),
        ...sequential ? { stop: (so) => (stop = replayStop(champion.runs, so, rules, seeds.length)) !== void 0 } : {}
      },
      config.metric,
      config.trialTimeoutMs
    );
    const kept = replay.mainSettings ? { mainSettings: replay.mainSettings } : {};
    if (stop && stop.seeds < seeds.length) engineLog.info(`main's champion, replayed: ${stopSentence(stop)}`);
    return { replay: { params: plan.params, adjustments: plan.adjustments, runs, ...kept, ...stop ? { sequential: stop } : {} } };
  } finally {
    await replay.dispose?.();
  }
}
function stopSentence(stop) {
  const why = stop.why === "past" ? "clearly past the threshold" : stop.why === "within" ? "clearly within the threshold" : stop.why === "failed" ? "a run failed to train" : "no early decision";
  return `stopped after ${stop.seeds} of ${stop.of} seeds: ${why}`;
}
async function replayWorkload(config, baseline, buildReplay, engineLog) {
  const workload = config.workload;
  if (workload.kind !== "trainer") return { workload };
  const recorded = baseline.champion?.settings;
  const plan = replayTrainer(workload.trainer, recorded, baseline.configHash === config.configHash);
  if (!plan.ok) return { notComparable: plan.reason };
  const replayed = { kind: "trainer", trainer: plan.trainer };
  if (!plan.changed) return { workload: replayed };
  const mainSettings = settingsChanges(recorded, replaySettingsOf(config));
  engineLog.info(`main's champion is replayed with main's settings, not this PR's: ${mainSettings.join(", ")}`);
  try {
    const objective = await buildReplay(plan.trainer);
    return { workload: replayed, objective, mainSettings, ...objective.dispose ? { dispose: () => objective.dispose() } : {} };
  } catch (err) {
    if (classifyError(err).errorClass !== "config") throw err;
    return {
      notComparable: `main's validation settings cannot be applied to this PR's data (${errorText(err)}), so main's best config cannot be replayed on main's validation rows. Keep the columns main's split_by names; to change the split on purpose, accept this once (the Action's accept-label, the CLI's --accept-regression): the baseline recorded after the merge uses the new split`
    };
  }
}
function effectiveDefaults(workload, params) {
  const resolved = workload.kind === "trainer" ? resolveHyperparameters(params, { validation_split: workload.trainer.validationSplit, ...workload.trainer.defaults }) : {};
  return (name) => resolved[name];
}

// src/storage/local-trial-store.ts
import { randomUUID } from "node:crypto";
import { mkdir as mkdir2, readFile as readFile2, readdir, rename, rm as rm2, writeFile as writeFile3 } from "node:fs/promises";
import path7 from "node:path";
var LocalTrialStore = class {
  dir;
  warn;
  corrupt = 0;
  constructor(dir, warn = () => {
  }) {
    this.dir = path7.join(dir, "trials");
    this.warn = warn;
  }
  file(key) {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`trial key must be 64 hex digits, got ${JSON.stringify(key)}`);
    return path7.join(this.dir, `${key}.json`);
  }
  async get(key) {
    const file = this.file(key);
    let text;
    try {
      text = await readFile2(file, "utf8");
    } catch (err) {
      if (isNotFound(err)) return void 0;
      throw err;
    }
    const record = parseTrialRecord(text, key);
    if (typeof record === "string") {
      if (this.corrupt++ === 0)
        this.warn(
          `ignoring corrupt cache entry ${file}: ${record}; the trial will be recomputed (further corrupt entries in ${this.dir} are ignored without a warning)`
        );
      return void 0;
    }
    return record;
  }
  async put(record) {
    const file = this.file(record.key);
    await mkdir2(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile3(tmp, `${JSON.stringify(record)}
`, "utf8");
      await rename(tmp, file);
    } catch (err) {
      await rm2(tmp, { force: true });
      throw err;
    }
  }
  async all() {
    let names;
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    const out = [];
    for (const name of names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).sort()) {
      const r = await this.get(name.slice(0, 64));
      if (r) out.push(r);
    }
    return out;
  }
};
function isNotFound(err) {
  return typeof err === "object" && err !== null && "code" in err && err.code === "ENOENT";
}

// src/engine/fingerprint.ts
import { readFile as readFile3 } from "node:fs/promises";
import path8 from "node:path";

// node_modules/tinyglobby/dist/index.mjs
import { readdir as readdir2, readdirSync as readdirSync2, realpath, realpathSync, stat, statSync as statSync2 } from "fs";
import { isAbsolute, posix, resolve as resolve3 } from "path";
import { fileURLToPath as fileURLToPath3 } from "url";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename as basename2, dirname as dirname2, normalize, relative, resolve as resolve2, sep } from "path";
import * as nativeFs from "fs";
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var __require2 = createRequire(import.meta.url);
function cleanPath(path11) {
  let normalized = normalize(path11);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
__name(cleanPath, "cleanPath");
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path11, separator) {
  return path11.replace(SLASHES_REGEX, separator);
}
__name(convertSlashes, "convertSlashes");
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path11) {
  return path11 === "/" || WINDOWS_ROOT_DIR_REGEX.test(path11);
}
__name(isRootDirectory, "isRootDirectory");
function normalizePath(path11, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path11.includes("/") || path11.startsWith(".");
  if (resolvePaths) path11 = resolve2(path11);
  if (normalizePath$1 || pathNeedsCleaning) path11 = cleanPath(path11);
  if (path11 === ".") return "";
  const needsSeperator = path11[path11.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path11 + pathSeparator : path11, pathSeparator);
}
__name(normalizePath, "normalizePath");
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
__name(joinPathWithBasePath, "joinPathWithBasePath");
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
__name(joinPathWithRelativePath, "joinPathWithRelativePath");
function joinPath(filename) {
  return filename;
}
__name(joinPath, "joinPath");
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
__name(joinDirectoryPath, "joinDirectoryPath");
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
__name(build$7, "build$7");
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
__name(pushDirectoryWithRelativePath, "pushDirectoryWithRelativePath");
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
__name(pushDirectoryFilterWithRelativePath, "pushDirectoryFilterWithRelativePath");
var pushDirectory = __name((directoryPath, paths) => {
  paths.push(directoryPath || ".");
}, "pushDirectory");
var pushDirectoryFilter = __name((directoryPath, paths, filters) => {
  const path11 = directoryPath || ".";
  if (filters.every((filter) => filter(path11, true))) paths.push(path11);
}, "pushDirectoryFilter");
var empty$2 = __name(() => {
}, "empty$2");
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
__name(build$6, "build$6");
var pushFileFilterAndCount = __name((filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
}, "pushFileFilterAndCount");
var pushFileFilter = __name((filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
}, "pushFileFilter");
var pushFileCount = __name((_filename, _paths, counts, _filters) => {
  counts.files++;
}, "pushFileCount");
var pushFile = __name((filename, paths) => {
  paths.push(filename);
}, "pushFile");
var empty$1 = __name(() => {
}, "empty$1");
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
__name(build$5, "build$5");
var getArray = __name((paths) => {
  return paths;
}, "getArray");
var getArrayGroup = __name(() => {
  return [""].slice(0, 0);
}, "getArrayGroup");
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
__name(build$4, "build$4");
var groupFiles = __name((groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
}, "groupFiles");
var empty = __name(() => {
}, "empty");
function build$3(options) {
  return options.group ? groupFiles : empty;
}
__name(build$3, "build$3");
var resolveSymlinksAsync = __name(function(path11, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path11, (error, resolvedPath) => {
    if (error) return queue.dequeue(suppressErrors ? null : error, state);
    fs.stat(resolvedPath, (error$1, stat4) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat4.isDirectory() && isRecursive(path11, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat4, resolvedPath);
      queue.dequeue(null, state);
    });
  });
}, "resolveSymlinksAsync");
var resolveSymlinks = __name(function(path11, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path11);
    const stat4 = fs.statSync(resolvedPath);
    if (stat4.isDirectory() && isRecursive(path11, resolvedPath, state)) return;
    callback$1(stat4, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
}, "resolveSymlinks");
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
__name(build$2, "build$2");
function isRecursive(path11, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname2(path11);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname2(parent);
  }
  state.symlinks.set(path11, resolved);
  return depth > 1;
}
__name(isRecursive, "isRecursive");
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
__name(isRecursiveUsingRealPaths, "isRecursiveUsingRealPaths");
var onlyCountsSync = __name((state) => {
  return state.counts;
}, "onlyCountsSync");
var groupsSync = __name((state) => {
  return state.groups;
}, "groupsSync");
var defaultSync = __name((state) => {
  return state.paths;
}, "defaultSync");
var limitFilesSync = __name((state) => {
  return state.paths.slice(0, state.options.maxFiles);
}, "limitFilesSync");
var onlyCountsAsync = __name((state, error, callback$1) => {
  report(error, callback$1, state.counts, state.options.suppressErrors);
  return null;
}, "onlyCountsAsync");
var defaultAsync = __name((state, error, callback$1) => {
  report(error, callback$1, state.paths, state.options.suppressErrors);
  return null;
}, "defaultAsync");
var limitFilesAsync = __name((state, error, callback$1) => {
  report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
}, "limitFilesAsync");
var groupsAsync = __name((state, error, callback$1) => {
  report(error, callback$1, state.groups, state.options.suppressErrors);
  return null;
}, "groupsAsync");
function report(error, callback$1, output, suppressErrors) {
  if (error && !suppressErrors) callback$1(error, output);
  else callback$1(null, output);
}
__name(report, "report");
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
__name(build$1, "build$1");
var readdirOpts = { withFileTypes: true };
var walkAsync = __name((state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error, state);
  });
}, "walkAsync");
var walkSync = __name((state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
}, "walkSync");
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
__name(build, "build");
var Queue = class {
  static {
    __name(this, "Queue");
  }
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error)) {
      this.onQueueEmpty(error, output);
      if (error) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  static {
    __name(this, "Counter");
  }
  _files = 0;
  _directories = 0;
  set files(num2) {
    this._files = num2;
  }
  get files() {
    return this._files;
  }
  set directories(num2) {
    this._directories = num2;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  static {
    __name(this, "Aborter");
  }
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  static {
    __name(this, "Walker");
  }
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = __name((entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path11 = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path11)) continue;
        this.pushDirectory(path11, paths, filters);
        this.walkDirectory(this.state, path11, path11, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path11 = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path11, this.state, (stat4, resolvedPath) => {
          if (stat4.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path11 + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path11 + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path11;
            const filename = basename2(resolvedPath);
            const directoryPath$1 = normalizePath(dirname2(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  }, "walk");
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
__name(promise, "promise");
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
__name(callback, "callback");
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
__name(sync, "sync");
var APIBuilder = class {
  static {
    __name(this, "APIBuilder");
  }
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require2.resolve("picomatch");
  pm = __require2("picomatch");
} catch {
}
var Builder = class {
  static {
    __name(this, "Builder");
  }
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path11) => isMatch(path11));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var __defProp2 = Object.defineProperty;
var __name2 = (target, value) => __defProp2(target, "name", { value, configurable: true });
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
__name2(getPartialMatcher, "getPartialMatcher");
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir ? result.slice(0, -1) : result;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
__name2(buildFormat, "buildFormat");
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
__name2(buildRelative, "buildRelative");
function ensureNonDriveRelativePath(path11) {
  return path11.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
__name2(ensureNonDriveRelativePath, "ensureNonDriveRelativePath");
var splitPatternOptions = { parts: true };
function splitPattern(path11) {
  var _result$parts;
  const result = import_picomatch.default.scan(path11, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path11];
}
__name2(splitPattern, "splitPattern");
var ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path11) {
  return escapePosixPath(path11);
}
__name2(convertPosixPathToPattern, "convertPosixPathToPattern");
function convertWin32PathToPattern(path11) {
  return escapeWin32Path(path11).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
__name2(convertWin32PathToPattern, "convertWin32PathToPattern");
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = __name2((path11) => path11.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&"), "escapePosixPath");
var escapeWin32Path = __name2((path11) => path11.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&"), "escapeWin32Path");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
__name2(isDynamicPattern, "isDynamicPattern");
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
__name2(log, "log");
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
__name2(ensureStringArray, "ensureStringArray");
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result;
}
__name2(normalizePattern, "normalizePattern");
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
__name2(processPatterns, "processPatterns");
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = __name2((_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  }, "excludePredicate");
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory) => {
      const path11 = format(p, isDirectory);
      const matches = matcher(path11) && !ignore(path11);
      if (matches) log(`matched ${path11}`);
      return matches;
    } : (p, isDirectory) => {
      const path11 = format(p, isDirectory);
      return matcher(path11) && !ignore(path11);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
__name2(buildCrawler, "buildCrawler");
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
__name2(formatPaths, "formatPaths");
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath3(opts.cwd) : resolve3(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir2,
    readdirSync: opts.fs.readdirSync || readdirSync2,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync2
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
__name2(getOptions, "getOptions");
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
__name2(getCrawler, "getCrawler");
async function glob(globInput, options) {
  const [crawler, relative2] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative2) : [];
}
__name2(glob, "glob");
function globSync(globInput, options) {
  const [crawler, relative2] = getCrawler(globInput, options);
  return crawler ? formatPaths(crawler.sync(), relative2) : [];
}
__name2(globSync, "globSync");

// src/engine/fingerprint.ts
async function fingerprintFiles(patterns, configDir) {
  const files = /* @__PURE__ */ new Set();
  for (const [i, pattern] of patterns.entries()) {
    const matched = await glob(pattern, {
      cwd: configDir,
      onlyFiles: true,
      dot: false,
      absolute: true,
      ignore: ["**/node_modules/**", "**/.sweepgate/**"]
    });
    if (matched.length === 0)
      throw new ConfigError(`fingerprint[${i}]`, `matches no file under ${configDir}, got ${JSON.stringify(pattern)}`);
    for (const f of matched) files.add(f);
  }
  return [...files].sort();
}
async function fingerprintGlobs(patterns, configDir) {
  if (patterns.length === 0) return "";
  const parts = [];
  for (const file of await fingerprintFiles(patterns, configDir)) {
    parts.push(`${path8.relative(configDir, file).split(path8.sep).join("/")}\0${sha256Hex(await readFile3(file))}`);
  }
  return sha256Hex(parts.join("\n"));
}

// src/engine/objective-builder.ts
import { stat as stat2 } from "node:fs/promises";
async function createObjective(config, opts) {
  const workload = await objectiveFor(config, opts);
  const globs = await fingerprintGlobs(config.fingerprint, config.configDir);
  return globs ? { ...workload, objective: withGlobs(workload.objective, globs) } : workload;
}
async function objectiveFor(config, opts) {
  const workload = config.workload;
  if (workload.kind !== "trainer") announceContainment(opts);
  if (workload.kind === "program") {
    const objective = createCommandObjective(workload, {
      configDir: config.configDir,
      metricName: config.metric.name,
      log: opts.ports.log.info
    });
    return { objective, parallel: config.parallel ?? 1 };
  }
  const choice = opts.overrides?.backend ?? "auto";
  const native = { dirs: [...opts.ports.tfjsNodeDirs ?? []], cwd: config.configDir, opts };
  const handle = await firstBackend(choice, native);
  if (workload.kind === "objective")
    return {
      objective: await createModuleObjective(workload.module, handle, {
        metricName: config.metric.name,
        warn: opts.ports.log.warn,
        tfjsNodeDirs: native.dirs
      }),
      parallel: config.parallel ?? 1
    };
  const trained = await trainerObjective(config, workload.trainer, { auto: choice === "auto", handle, native });
  const built = await inWorkers(config, workload.trainer, trained, native);
  const dataFailure = new AbortController();
  return {
    objective: whenReady(built.objective, trained, dataFailure),
    parallel: built.parallel,
    get backendChoice() {
      return trained.backendChoice;
    },
    dataFailure: dataFailure.signal
  };
}
function whenReady(objective, trained, failure) {
  let ready;
  const once = async () => {
    ready ??= trained.ready().catch((err) => {
      if (err instanceof DatasetError) failure.abort(err);
      throw err;
    });
    return ready;
  };
  return {
    fingerprint: objective.fingerprint,
    get backend() {
      return objective.backend;
    },
    get validation() {
      return objective.validation;
    },
    async run(params, ctx) {
      await once();
      return objective.run(params, ctx);
    },
    ...objective.dispose ? { dispose: () => objective.dispose() } : {},
    ...objective.saveModel ? {
      saveModel: async (...args) => {
        await once();
        return objective.saveModel(...args);
      }
    } : {}
  };
}
function announceContainment(opts) {
  const c = containment();
  if (c.kind === "process-group") opts.ports.log.warn(c.summary);
  else opts.ports.log.info(c.summary);
}
async function trainerObjective(config, trainer, start) {
  const { auto, handle, native } = start;
  if (trainer.type === "image") {
    const image = await createImageObjective(trainer, handle, { splitSeed: trainer.splitSeed ?? 0 });
    const size2 = middleSize(image, config);
    const sweepMs = size2 && estimatedConvTrialMs(size2) * plannedTrainings(config, native.opts.mode?.champion?.mode);
    const macsPerStep = size2 && 3 * size2.macsPerImage * size2.batch;
    const why = !auto || handle.backend === "tensorflow" || macsPerStep === void 0 ? void 0 : nativeWantedForImages({ macsPerStep, sweepMs });
    const first = (why !== void 0 ? await provisioned(why, native) : void 0) ?? handle;
    const estimate2 = size2 ? {
      sweepMs,
      msPerStep: estimatedConvTrialMs(size2) / size2.steps,
      nativeFaster: macsPerStep >= NATIVE_MIN_CONV_MACS,
      bySize: `${millions(macsPerStep)} multiply-adds per step, ${macsPerStep >= NATIVE_MIN_CONV_MACS ? "past" : "below"} native TensorFlow's break-even (${millions(NATIVE_MIN_CONV_MACS)})`
    } : {};
    const pick = auto ? await probe2(config, image, first, estimate2, native) : void 0;
    return {
      objective: image,
      handle: pick?.handle ?? handle,
      ...pick ? { backendChoice: pick.summary } : {},
      ...sweepMs !== void 0 ? { sweepMs } : {},
      prepared: [],
      ready: async () => {
      }
    };
  }
  const tabular = await createTabularObjective(trainer, handle);
  const estimate = { trialSize: (params) => tabular.estimatedTrialSize(params) };
  const champion = native.opts.mode?.champion?.mode;
  const sized = config.parallel === void 0 ? sweepSize(estimate, config, champion) : void 0;
  const trained = {
    objective: tabular,
    handle,
    ...sized?.sweepMs !== void 0 ? { sweepMs: sized.sweepMs } : {},
    get prepared() {
      return tabular.prepared;
    },
    async ready() {
      tabular.prepare();
      if (!auto) return;
      const { size: size2, sweepMs } = sweepSize(tabular, config, champion);
      const why = handle.backend === "tensorflow" || !size2 ? void 0 : nativeWanted({ weights: size2.weights, sweepMs });
      const first = (why !== void 0 ? await provisioned(why, native) : void 0) ?? handle;
      const estimate2 = size2 ? {
        sweepMs,
        msPerStep: estimatedTrialMs(size2) / size2.steps,
        nativeFaster: size2.weights >= NATIVE_MIN_WEIGHTS,
        bySize: `${size2.weights} weights, ${size2.weights >= NATIVE_MIN_WEIGHTS ? "past" : "below"} native TensorFlow's break-even (${NATIVE_MIN_WEIGHTS})`
      } : {};
      const pick = await probe2(config, tabular, first, estimate2, native);
      trained.handle = pick.handle;
      trained.backendChoice = pick.summary;
    }
  };
  return trained;
}
function sweepSize(tabular, config, champion) {
  const size2 = middleSize(tabular, config);
  return size2 ? { size: size2, sweepMs: estimatedTrialMs(size2) * plannedTrainings(config, champion) } : {};
}
var millions = (n) => `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
async function probe2(config, timed, first, estimate, native) {
  const { opts } = native;
  const params = neutralParams(config.space);
  const ports = {
    load: (name) => loadTf(name, tfOptions(native)),
    time: (h, steps) => timed.msPerStep(h, params, steps),
    warn: opts.ports.log.warn
  };
  const pick = trainsOnce(config, opts.mode?.champion?.mode) && estimate.nativeFaster !== void 0 ? await pickBySize(first, ports, estimate.nativeFaster, estimate.bySize) : await chooseBackend(first, ports, {
    ...probeOptions(opts.mode ?? {}, estimate.sweepMs),
    ...estimate.msPerStep !== void 0 ? { estimatedMsPerStep: estimate.msPerStep } : {}
  });
  opts.ports.log.info(`backend auto: ${pick.summary}`);
  timed.switchBackend(pick.handle);
  return pick;
}
async function inWorkers(config, trainer, trained, native) {
  const { log: log2 } = native.opts.ports;
  const parallel = config.parallel ?? defaultWorkers(await dataBytes(trainer.data), void 0, trained.sweepMs, concurrentTrials(config));
  if (parallel <= 1) return { objective: trained.objective, parallel: 1 };
  const script = findWorkerScript();
  if (script === void 0) {
    if (config.parallel !== void 0)
      log2.warn(
        `parallel ${parallel}: the trainer worker (trainer-worker.js) is not beside sweepgate (running from source?), so trials run one at a time`
      );
    return { objective: trained.objective, parallel: 1 };
  }
  const init = {
    trainer,
    get backend() {
      return trained.handle.backend;
    },
    cwd: config.configDir,
    tfjsNodeDirs: native.dirs,
    splitSeed: trainer.type === "image" ? trainer.splitSeed ?? 0 : 0,
    get prepared() {
      return trained.prepared;
    }
  };
  return { objective: createWorkerObjective(trained.objective, { size: parallel, init, script, warn: log2.warn }), parallel };
}
var tfOptions = (n) => ({ cwd: n.cwd, tfjsNodeDirs: n.dirs, warn: n.opts.ports.log.warn });
async function firstBackend(choice, native) {
  try {
    return await loadTf(choice, tfOptions(native));
  } catch (err) {
    if (!(err instanceof BackendError) || choice !== "tensorflow" || !native.opts.ports.provisionTfjsNode) throw err;
    return await provisioned("'backend: tensorflow' was asked for", native) ?? await loadTf("auto", tfOptions(native));
  }
}
async function provisioned(why, native) {
  const provision = native.opts.ports.provisionTfjsNode;
  if (!provision) return void 0;
  const dir = await provision(why);
  if (dir === void 0) return void 0;
  native.dirs.push(dir);
  try {
    return await loadTf("tensorflow", tfOptions(native));
  } catch (err) {
    if (!(err instanceof BackendError)) throw err;
    native.opts.ports.log.warn(`${err.message} (provisioned in ${dir}); going on without native TensorFlow`);
    return void 0;
  }
}
function middleSize(objective, config) {
  try {
    return objective.trialSize(neutralParams(config.space));
  } catch {
    return void 0;
  }
}
async function dataBytes(file) {
  const s = await stat2(file).catch(() => void 0);
  return s?.isFile() ? s.size : 0;
}
function withGlobs(objective, globs) {
  const fingerprint = sha256Hex(`${objective.fingerprint}\0${globs}`);
  return {
    fingerprint,
    get backend() {
      return objective.backend;
    },
    get validation() {
      return objective.validation;
    },
    run: (params, ctx) => objective.run(params, ctx),
    ...objective.dispose ? { dispose: () => objective.dispose() } : {},
    ...objective.saveModel ? { saveModel: (...args) => objective.saveModel(...args) } : {}
  };
}
function probeOptions(opts, sweepMs) {
  const backend = opts.champion?.mode === "replay" ? opts.champion.baseline?.backend : void 0;
  return { minTimedMs: probeTimingMs(sweepMs), ...isBackendName(backend) ? { prefer: { backend, why: "main's backend" } } : {} };
}

// src/engine/run.ts
async function loadConfig(configPath, root) {
  const file = path9.resolve(configPath);
  const boundary = root ?? await gitRoot(path9.dirname(file));
  if (boundary) await checkInside(boundary, [["", file]]);
  let bytes;
  try {
    const { size: size2 } = await stat3(file);
    if (size2 > MAX_CONFIG_BYTES)
      throw new ConfigError("", `config ${file} is ${(size2 / 1024 / 1024).toFixed(1)} MB; a sweep config is at most 1 MB`);
    bytes = await readFile4(file);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError("", `cannot read config ${file}: ${errorText(err)}`);
  }
  const config = parseSweepConfig(decodeConfigText(bytes, file), file);
  await checkFiles(config);
  const fingerprinted = await fingerprintFiles(config.fingerprint, config.configDir);
  if (boundary) await checkInside(boundary, [...workloadFiles(config), ...fingerprinted.map((f) => ["fingerprint", f])]);
  return config;
}
async function gitRoot(dir) {
  for (let d = dir; ; d = path9.dirname(d)) {
    try {
      await stat3(path9.join(d, ".git"));
      return d;
    } catch {
      if (path9.dirname(d) === d) return void 0;
    }
  }
}
async function checkInside(root, files) {
  const realRoot = await realpath2(root).catch(() => path9.resolve(root));
  const issues = [];
  for (const [key, file] of files) {
    const real = await realpath2(file).catch(() => void 0);
    if (real === void 0) continue;
    const rel = path9.relative(realRoot, real);
    if (rel === ".." || rel.startsWith(`..${path9.sep}`) || path9.isAbsolute(rel)) {
      const what = key === "" ? `the config ${file}` : JSON.stringify(file);
      issues.push(
        configIssue(key, `must stay inside the repository ${realRoot}, got ${what}${real !== file ? ` (resolves to ${real})` : ""}`)
      );
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
}
function workloadFiles(config) {
  const r = config.workload;
  return r.kind === "trainer" ? [
    ["trainer.data", r.trainer.data],
    ...r.trainer.type === "tabular" && r.trainer.validation ? [["trainer.validation", r.trainer.validation]] : []
  ] : r.kind === "objective" ? [["objective", r.module]] : r.programKind === "file" ? [["program", r.program]] : [];
}
async function checkFiles(config) {
  const r = config.workload;
  const files = workloadFiles(config);
  const issues = [];
  for (const [key, file] of files) {
    try {
      const s = await stat3(file);
      const folderOk = r.kind === "trainer" && r.trainer.type === "image" && key === "trainer.data" && s.isDirectory();
      if (!s.isFile() && !folderOk) issues.push(configIssue(key, `is not a file, got ${JSON.stringify(file)}`));
    } catch {
      issues.push(
        configIssue(
          key,
          `file not found, got ${JSON.stringify(path9.relative(config.configDir, file) || file)} (resolved from ${config.configDir})`
        )
      );
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
}
async function runSweep(opts) {
  const { overrides = {}, mode = {}, ports } = opts;
  const { log: log2 } = ports;
  const loaded = await loadConfig(opts.configPath, mode.root);
  const overridden = withOverrides(loaded, overrides, log2);
  checkShardable(overridden, mode.shard);
  for (const w of overridden.warnings) log2.warn(w);
  const cacheDir = path9.resolve(mode.cacheDir ?? path9.join(overridden.configDir, ".sweepgate"));
  const store = ports.store ?? new LocalTrialStore(cacheDir, log2.warn);
  const built = await createObjective(overridden, opts);
  const { objective, parallel } = built;
  const config = { ...overridden, parallel };
  const now = ports.now ?? (() => performance.now());
  const stops = [ports.signal, built.dataFailure].filter((s) => s !== void 0);
  const signal = stops.length > 0 ? { signal: AbortSignal.any(stops) } : {};
  try {
    const backend = trainsWithTf(config) ? `, backend ${objective.backend}` : "";
    log2.info(
      `sweep ${config.name}: ${config.method} over ${config.space.length} parameters${backend}, ${parallel} at once, cache ${cacheDir}`
    );
    const baseline = mode.champion?.mode === "replay" ? mode.champion.baseline : void 0;
    const replayOnly = skipsSearch(config, overrides.search, mode.champion, log2);
    const warm = replayOnly || !baseline || mode.shard ? void 0 : planWarmStart(config, baseline, objective.fingerprint);
    if (warm) log2.info(`warm start: ${warm.why}`);
    const studyConfig = { ...config, warmStart: warm?.configs ?? [], ...mode.shard ? { shard: mode.shard } : {} };
    const outcome = replayOnly ? NO_SEARCH : await runStudy(studyConfig, {
      objective,
      store,
      now,
      warn: log2.warn,
      ...log2.progress ? { progress: log2.progress } : {},
      ...signal
    });
    if (built.dataFailure?.aborted) throw built.dataFailure.reason;
    const backendChoice = built.backendChoice;
    const results = {
      ...toResults(config, objective, outcome, mode.sha),
      ...backendChoice ? { backendChoice } : {},
      ...mode.shard ? { shard: mode.shard } : {},
      ...replayOnly ? { replayOnly: baseline?.sha ? { mainSha: baseline.sha } : {} } : {}
    };
    const studyPorts = { objective, store, now, warn: log2.warn, ...signal };
    const savedModel = replayOnly ? void 0 : await saveBest(config, objective, results, log2);
    const done = {
      ...results,
      ...savedModel ? { savedModel } : {},
      ...await championStep(
        config,
        results,
        studyPorts,
        mode.shard && mode.champion?.mode === "record" ? void 0 : mode.champion,
        log2,
        replayBuilder(config, opts, objective),
        (seeds) => shardItems(seeds, mode.shard)
      )
    };
    const planned = ports.signal?.aborted ? (done.replay ?? done.champion)?.runs.length : done.replay ? shardItems(baseline?.champion?.runs ?? [], mode.shard).length : done.champion && config.champion.seeds;
    const cost = runCost(done, {
      plannedSeeds: planned || 0,
      replayOnly: replayOnly ? skippedSearch(config) : 0,
      epochs: trainsWithTf(config),
      ...baseline ? { baseline } : {}
    });
    return { config, results: { ...done, cost }, cacheDir };
  } finally {
    await objective.dispose?.();
    await trialProcessesGone();
  }
}
function replayBuilder(config, opts, objective) {
  return async (trainer) => {
    const replayConfig = { ...config, workload: { kind: "trainer", trainer } };
    const overridesUsed = { ...opts.overrides, ...isBackendName(objective.backend) ? { backend: objective.backend } : {} };
    const replay = (await createObjective(replayConfig, { ...opts, overrides: overridesUsed })).objective;
    void replay.validation;
    return replay;
  };
}
var NO_SEARCH = { trials: [], bestIndex: -1, bestSamples: {}, bestMetrics: {}, stopReason: "trials", wallMs: 0 };
function skipsSearch(config, search, step, log2) {
  if (search ?? config.pr.search) return false;
  if (step?.mode !== "replay") {
    log2.info("pr.search is false, but this run does not replay a baseline (the baseline branch always searches): searching");
    return false;
  }
  if (step.baseline?.champion?.runs.length) {
    log2.info("replay-only: the search ran on main only; this run replays main's champion");
    return true;
  }
  log2.warn(
    "pr.search is false, but there is no baseline champion to replay, so this PR runs the search (the gate compares best with best)"
  );
  return false;
}
function trainsWithTf(config) {
  return config.workload.kind === "trainer";
}
async function saveBest(config, objective, results, log2) {
  const r = config.workload;
  if (r.kind !== "trainer" || r.trainer.saveBest === void 0 || !objective.saveModel) return void 0;
  const best = results.best;
  const trial = best && results.trials.find((t) => t.key === best.key);
  if (!best || !trial) {
    log2.warn(`trainer.save_best: no trial completed, so no model was written to ${r.trainer.saveBest}`);
    return void 0;
  }
  const file = await objective.saveModel(best.params, trial.seed, r.trainer.saveBest, {
    sweep: config.name,
    configHash: config.configHash,
    trialKey: best.key,
    sweepMetric: { name: config.metric.name, goal: config.metric.goal }
  });
  log2.info(`saved the best trial's model to ${file}`);
  return file;
}
function withOverrides(config, overrides, log2) {
  const gate = withMaxRegression(config.gate, config.metric, overrides.maxRegression, log2.warn);
  for (const rule of overrides.extraGate ?? []) if (!gate.some((g) => g.metric === rule.metric)) gate.push(rule);
  return {
    ...config,
    gate,
    ...overrides.seed !== void 0 ? { seed: overrides.seed } : {},
    ...overrides.parallel !== void 0 ? { parallel: overrides.parallel } : {},
    ...overrides.trialTimeoutMs !== void 0 ? { trialTimeoutMs: overrides.trialTimeoutMs } : {}
  };
}
function toResults(config, objective, o, sha) {
  const backend = objective.backend;
  const best = o.bestIndex >= 0 ? o.trials[o.bestIndex] : void 0;
  const count = (pred) => o.trials.filter(pred).length;
  return {
    sweep: config.name,
    configHash: config.configHash,
    method: config.method,
    metric: {
      name: config.metric.name,
      goal: config.metric.goal,
      ...config.metric.target !== void 0 ? { target: config.metric.target } : {}
    },
    backend,
    best: best ? { key: best.key, params: best.params, metrics: o.bestMetrics, samples: o.bestSamples } : null,
    trials: o.trials,
    ...o.stages ? { stages: o.stages } : {},
    stats: {
      trials: o.trials.length,
      trained: count((t) => !t.cached),
      cached: count((t) => t.cached),
      pruned: count((t) => t.status === "pruned"),
      failed: count((t) => t.status === "failed"),
      wallMs: Math.round(o.wallMs),
      stopReason: o.stopReason,
      budget: {
        ...config.budget.trials !== void 0 ? { trials: config.budget.trials } : {},
        ...config.budget.minutes !== void 0 ? { minutes: config.budget.minutes } : {}
      }
    },
    gate: config.gate,
    seed: config.seed,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    ...sha ? { sha } : {},
    ...objective.validation ? { validation: objective.validation } : {}
  };
}

// src/engine/conclusion.ts
function concludeSweep(input) {
  const { results, compareWith } = input;
  const { maxChars, commentMaxChars = COMMENT_MAX_CHARS, ...presentation } = input.layout;
  const comparison = compareWith ? compareResults(compareWith.baseline, results, input.gate) : void 0;
  const failures = comparison ? comparison.metrics.filter(isGateFailure) : [];
  const noBaselineFails = compareWith?.required === true && comparison?.hasBaseline === false && results.best !== null && input.gate.length > 0;
  const decision = noBaselineFails ? { kind: "no-baseline", message: `sweepgate: no baseline: ${presentation.baselineHowTo ?? "none was recorded"}` } : decide(results, failures, comparison);
  const accepted = decision.kind === "gate-failed" ? input.accepted : void 0;
  const report2 = (cap) => buildReport({
    ...presentation,
    results,
    ...comparison ? { comparison } : {},
    ...noBaselineFails ? { noBaselineFails } : {},
    ...accepted ? { accepted } : {},
    ...input.space ? { space: input.space } : {},
    maxChars: cap
  });
  const full = report2(maxChars);
  return {
    comparison,
    failures,
    decision: accepted && decision.kind === "gate-failed" ? { kind: "accepted", message: `${decision.message} (${acceptanceText(accepted)}, so it passes)` } : decision,
    notes: comparison ? comparisonNotes(comparison, compareWith?.baseline) : [],
    report: { full, comment: full.length <= commentMaxChars ? full : report2(commentMaxChars) }
  };
}
function decide(results, failures, comparison) {
  if (results.best === null && !results.replayOnly && !finishedWithoutMetric(results))
    return { kind: "nothing-finished", message: `sweepgate: ${noTrialVerdict(results)}` };
  if (failures.length > 0) return { kind: "gate-failed", message: gateMessage(failures, comparison) };
  return { kind: "passed" };
}
function gateMessage(failures, comparison) {
  const loosened = loosenedSentence(comparison?.loosened);
  return `sweepgate: gate failed: ${[...new Set(failures.map(metricVerdict))].join("; ")}${loosened ? ` (${loosened})` : ""}`;
}
function comparisonNotes(comparison, baseline) {
  return [
    ...comparison.configChanged ? [`the sweep config differs from the baseline's (${baseline?.sha ?? "main"}): the comparison may not be like for like`] : [],
    ...comparison.gateChanged ? ["the gate rules differ from the baseline's"] : [],
    // Worse but within noise: worth a warning, not a failure.
    ...comparison.metrics.filter((m) => m.status === "not-significant").map((m) => `${metricVerdict(m)}: the gate passes`)
  ];
}

// src/engine/shard-merge.ts
var STOP_ORDER = ["minutes", "target", "trials", "exhausted"];
function mergeShards(count, parts, problems = []) {
  const sorted = [...parts].sort((a, b) => a.index - b.index);
  const first = sorted[0];
  if (!first) throw new RangeError("mergeShards needs at least one shard document");
  const base = first.results;
  const trials = unionByKey(interleave(count, sorted, (r) => r.trials));
  const ranked = rankedTrialIndices(trials, base.metric.name, base.metric.goal);
  const best = ranked.length > 0 ? bestOf(trials[ranked[0]]) : null;
  const count_ = (pred) => trials.filter(pred).length;
  const stops = sorted.map((p) => p.results.stats.stopReason);
  const { champion: _recorded, savedModel: _saved, replay: _replay, shard: _shard, cost: _cost, ...kept } = base;
  const replay = mergeReplay(count, sorted);
  const firstOf = (k) => {
    const v = sorted.find((p) => p.results[k] !== void 0)?.results[k];
    return v !== void 0 ? { [k]: v } : {};
  };
  return {
    ...kept,
    best,
    trials,
    stats: {
      trials: trials.length,
      trained: count_((t) => !t.cached),
      cached: count_((t) => t.cached),
      pruned: count_((t) => t.status === "pruned"),
      failed: count_((t) => t.status === "failed"),
      // The shards ran side by side: the sweep took as long as the slowest.
      wallMs: Math.max(...sorted.map((p) => p.results.stats.wallMs)),
      stopReason: STOP_ORDER.find((r) => stops.includes(r)) ?? "exhausted",
      budget: base.stats.budget
    },
    createdAt: sorted.map((p) => p.results.createdAt).sort().at(-1) ?? base.createdAt,
    ...firstOf("replaySkipped"),
    ...firstOf("notComparable"),
    ...replay ? { replay } : {},
    shards: { count, merged: sorted.map((p) => p.index), problems: [...problems].sort((a, b) => a.index - b.index) }
  };
}
function interleave(count, parts, items) {
  const placed = [];
  for (const p of parts) (items(p.results) ?? []).forEach((item, k) => placed.push([shardPosition(p.index, count, k), item]));
  return placed.sort(([a], [b]) => a - b).map(([, item]) => item);
}
function unionByKey(trials) {
  const seen = /* @__PURE__ */ new Set();
  return trials.filter((t) => !seen.has(t.key) && seen.add(t.key));
}
function bestOf(t) {
  const names = Object.keys(t.metrics).sort();
  const metrics = Object.fromEntries(names.map((n) => [n, t.metrics[n]]));
  return { key: t.key, params: t.params, metrics, samples: Object.fromEntries(names.map((n) => [n, [t.metrics[n]]])) };
}
function mergeReplay(count, parts) {
  const first = parts.find((p) => p.results.replay)?.results.replay;
  if (!first) return void 0;
  const runs = interleave(count, parts, (r) => r.replay?.runs);
  return { ...first, runs };
}
function nothingMerged(config, count, problems) {
  const { name, goal, target } = config.metric;
  return {
    sweep: config.name,
    configHash: config.configHash,
    method: config.method,
    metric: { name, goal, ...target !== void 0 ? { target } : {} },
    backend: "none",
    best: null,
    trials: [],
    stats: { trials: 0, trained: 0, cached: 0, pruned: 0, failed: 0, wallMs: 0, stopReason: "exhausted", budget: { ...config.budget } },
    gate: config.gate,
    seed: config.seed,
    createdAt: (/* @__PURE__ */ new Date(0)).toISOString(),
    shards: { count, merged: [], problems: [...problems].sort((a, b) => a.index - b.index) }
  };
}

// src/engine/report-run.ts
import path10 from "node:path";
async function finishShards(opts, merged) {
  const { overrides = {}, mode = {}, ports } = opts;
  const config = withOverrides(await loadConfig(opts.configPath, mode.root), overrides, ports.log);
  const step = mode.champion;
  const pending = step?.mode === "replay" ? replayPending(merged, step.baseline) : [];
  const record = step?.mode === "record" && merged.best !== null && config.champion.seeds > 0;
  if (!step || !record && pending.length === 0) return { config, results: withCost(merged, config, step) };
  ports.log.info(
    record ? "report job: recording the merged best as the champion" : `report job: replaying main's champion on ${pending.length} seeds no shard ran`
  );
  const store = ports.store ?? new LocalTrialStore(path10.resolve(mode.cacheDir ?? path10.join(config.configDir, ".sweepgate")), ports.log.warn);
  const { objective, parallel } = await createObjective(config, opts);
  const used = { ...config, parallel };
  const now = ports.now ?? (() => performance.now());
  try {
    const studyPorts = { objective, store, now, warn: ports.log.warn, ...ports.signal ? { signal: ports.signal } : {} };
    const pick = step.mode === "record" ? void 0 : (seeds) => seeds.filter((s) => pending.includes(s));
    const done = await championStep(used, merged, studyPorts, step, ports.log, replayBuilder(used, opts, objective), pick);
    const results = { ...merged, ...withShardRuns(merged, done, step.mode === "replay" ? step.baseline : void 0) };
    return { config: used, results: withCost(results, used, step) };
  } finally {
    await objective.dispose?.();
    await trialProcessesGone();
  }
}
function replayPending(merged, baseline) {
  const runs = baseline?.champion?.runs ?? [];
  if (runs.length === 0 || merged.replaySkipped !== void 0 || merged.notComparable !== void 0) return [];
  const ran = new Set((merged.replay?.runs ?? []).map((r) => r.seed));
  return runs.map((r) => r.seed).filter((s) => !ran.has(s));
}
function withShardRuns(merged, done, baseline) {
  if (!done.replay || !merged.replay) return done;
  const order = (baseline?.champion?.runs ?? []).map((r) => r.seed);
  const runs = [...merged.replay.runs, ...done.replay.runs].sort((a, b) => order.indexOf(a.seed) - order.indexOf(b.seed));
  return { ...done, replay: { ...merged.replay, runs } };
}
function withCost(results, config, step) {
  const baseline = step?.mode === "replay" ? step.baseline : void 0;
  const planned = step?.mode === "replay" ? baseline?.champion?.runs.length ?? 0 : results.champion ? config.champion.seeds : 0;
  const cost = runCost(results, {
    plannedSeeds: planned,
    replayOnly: results.replayOnly ? skippedSearch(config) : 0,
    epochs: config.workload.kind === "trainer",
    ...baseline ? { baseline } : {}
  });
  return { ...results, cost };
}

export {
  explainConfig,
  firstTrial,
  loadConfig,
  runSweep,
  concludeSweep,
  mergeShards,
  nothingMerged,
  finishShards
};
