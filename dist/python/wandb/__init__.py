"""sweepgate's offline stand-in for the ``wandb`` client.

sweepgate puts this package first on PYTHONPATH for ``program:`` trials, so a script written for a W&B sweep
runs unchanged, with no account and no network: ``wandb.init()`` returns a run whose ``config`` holds the
trial's hyperparameters merged over the script's ``config=`` defaults (as W&B merges them: the sweep's values
win), ``wandb.log`` records a step of metrics, ``run.summary`` / ``wandb.summary`` set final metrics and
``wandb.finish()`` ends the run. Everything else (``watch``, ``Table``, ``Image``, ``Artifact``, ``save``,
``define_metric``, ``login``, ``wandb.keras``, ...) is accepted and does nothing; one line on stderr at exit
names what was ignored.

Metrics go to sweepgate as JSON lines on the file descriptor named by SWEEPGATE_WANDB_FD; the trial's
hyperparameters come from SWEEPGATE_WANDB_CONFIG (JSON, floats written as floats). This module never opens a
socket. Set ``wandb: real`` in the sweep config to use the real client instead.
"""

import atexit
import importlib.abc
import importlib.machinery
import json
import math
import os
import sys
import types

__version__ = "0.0.0+sweepgate-stand-in"
STAND_IN = True

_ignored = []  # names of ignored calls, in first-use order


class Error(Exception):
    """What the real client raises for misuse, e.g. wandb.log before wandb.init."""


def _note_ignored(name):
    if name not in _ignored:
        _ignored.append(name)


def _report_ignored():
    if _ignored:
        _send({"ignored": _ignored})  # sweepgate logs it once per sweep
        sys.stderr.write(
            "wandb (sweepgate stand-in, offline): ignored "
            + ", ".join(_ignored)
            + "\n"
        )
        sys.stderr.flush()


atexit.register(_report_ignored)


class _Ignored:
    """Whatever an ignored call returns: callable, indexable, iterable, a context manager; all doing nothing."""

    def __init__(self, name):
        object.__setattr__(self, "_name", name)

    def __call__(self, *args, **kwargs):
        _note_ignored(self._name)
        return _Ignored(self._name)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return _Ignored(self._name + "." + attr)

    def __setattr__(self, attr, value):
        pass

    def __getitem__(self, key):
        return _Ignored(self._name + "[]")

    def __setitem__(self, key, value):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __repr__(self):
        return "<wandb stand-in: %s (ignored)>" % self._name


# --- the channel to sweepgate -------------------------------------------------------------------------------

_channel = None


def _send(event):
    global _channel
    if _channel is None:
        fd = os.environ.get("SWEEPGATE_WANDB_FD")
        if not fd:
            return
        try:
            _channel = os.fdopen(int(fd), "w", buffering=1, closefd=False)
        except (OSError, ValueError):
            _channel = False
    if _channel:
        try:
            _channel.write(json.dumps(event) + "\n")
            _channel.flush()
        except (OSError, ValueError):
            pass


def _number(value):
    """A loggable scalar as a float or int (numpy / torch scalars via .item()), else None."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, _Ignored):
        return None
    item = getattr(value, "item", None)
    if callable(item):
        try:
            v = item()  # numpy and torch scalars; raises for arrays of more than one element
        except Exception:
            return None
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None
    return None


def _flatten(data, prefix=""):
    """W&B shows nested dicts as dotted keys (``{"val": {"loss": x}}`` is ``val.loss``)."""
    out = {}
    for key, value in data.items():
        name = prefix + str(key)
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


def _numbers(data):
    out = {}
    for key, value in _flatten(data).items():
        v = _number(value)
        if v is None:
            continue
        if isinstance(v, float) and not math.isfinite(v):
            v = str(v)  # JSON has no NaN; sweepgate fails the trial on it, as with JSON lines
        out[key] = v
    return out


# --- config and summary -------------------------------------------------------------------------------------


class Config:
    """``wandb.config``: attribute and item access over a dict; the sweep's keys are locked, as in W&B."""

    def __init__(self):
        object.__setattr__(self, "_items", {})
        object.__setattr__(self, "_locked", set())

    def _set(self, key, value, locked=False):
        if key in self._locked and not locked:
            sys.stderr.write(
                "wandb (sweepgate stand-in): config item %r is set by the sweep; update ignored\n" % key
            )
            return
        self._items[key] = value
        if locked:
            self._locked.add(key)

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self._items[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key, value):
        self._set(key, value)

    def __getitem__(self, key):
        return self._items[key]

    def __setitem__(self, key, value):
        self._set(key, value)

    def __delitem__(self, key):
        del self._items[key]

    def __contains__(self, key):
        return key in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return repr(self._items)

    def keys(self):
        return self._items.keys()

    def values(self):
        return self._items.values()

    def items(self):
        return self._items.items()

    def get(self, key, default=None):
        return self._items.get(key, default)

    def as_dict(self):
        return dict(self._items)

    def update(self, d=None, allow_val_change=None, **kwargs):
        for key, value in _as_dict(d).items():
            self._set(key, value)
        for key, value in kwargs.items():
            self._set(key, value)

    def setdefaults(self, d):
        for key, value in _as_dict(d).items():
            if key not in self._items:
                self._items[key] = value

    def persist(self):
        pass


def _as_dict(d):
    """wandb accepts a dict, an argparse Namespace or any object with attributes as config."""
    if d is None:
        return {}
    if isinstance(d, Config):
        return d.as_dict()
    if isinstance(d, dict):
        return d
    if hasattr(d, "__dict__"):
        return {k: v for k, v in vars(d).items() if not k.startswith("_")}
    raise TypeError("wandb (sweepgate stand-in): config must be a dict or an object with attributes, got %r" % (d,))


class Summary:
    """``run.summary``: the last logged value of each metric unless set explicitly, as in W&B."""

    def __init__(self):
        object.__setattr__(self, "_items", {})

    def _record(self, data):
        self._items.update(_flatten(data))

    def __getitem__(self, key):
        return self._items[key]

    def __setitem__(self, key, value):
        self._items[key] = value
        numbers = _numbers({key: value})
        if numbers:
            _send({"summary": numbers})

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self._items[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key, value):
        self[key] = value

    def __contains__(self, key):
        return key in self._items

    def __iter__(self):
        return iter(self._items)

    def keys(self):
        return self._items.keys()

    def items(self):
        return self._items.items()

    def get(self, key, default=None):
        return self._items.get(key, default)

    def update(self, d=None, **kwargs):
        for key, value in {**(d or {}), **kwargs}.items():
            self[key] = value


# --- the run ------------------------------------------------------------------------------------------------

config = Config()
summary = Summary()
run = None
# init() takes a `config` argument, which hides the module's `config` there.
_CONFIG = config


class Run:
    def __init__(self, project=None, name=None):
        self.config = config
        self.summary = summary
        self.id = os.environ.get("SWEEPGATE_TRIAL_KEY", "offline")[:8]
        self.name = name or self.id
        self.project = project
        self.entity = None
        self.sweep_id = None
        self.url = None
        self.dir = os.getcwd()
        self.offline = True
        self.step = 0
        self._row = {}
        self._finished = False

    def _commit(self):
        if self._row:
            summary._record(self._row)
            numbers = _numbers(self._row)
            if numbers:
                _send({"log": numbers, "step": self.step})
            self._row = {}
            self.step += 1

    def log(self, data, step=None, commit=None, sync=None):
        if self._finished:
            raise Error("run %s is finished: call wandb.init() again to log more" % self.id)
        if not isinstance(data, dict):
            raise TypeError("wandb.log takes a dict, got %r" % (data,))
        if step is not None:
            if step < self.step:
                sys.stderr.write(
                    "wandb (sweepgate stand-in): step %s is before the current step %s; ignored, as W&B ignores it\n"
                    % (step, self.step)
                )
                return
            if step > self.step:
                self._commit()
                self.step = step
        self._row.update(data)
        if commit or (commit is None and step is None):
            self._commit()

    def finish(self, exit_code=None, quiet=None):
        global run
        if self._finished:
            return
        self._commit()
        self._finished = True
        _send({"finish": True if exit_code in (None, 0) else exit_code})
        if run is self:
            run = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.finish(exit_code=1 if exc_type else 0)
        return False

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _Ignored("run." + attr)


def _sweep_params():
    text = os.environ.get("SWEEPGATE_WANDB_CONFIG")
    if not text:
        return {}
    try:
        params = json.loads(text)
    except ValueError:
        return {}
    return params if isinstance(params, dict) else {}


def init(*args, config=None, project=None, name=None, config_exclude_keys=None, config_include_keys=None, reinit=None, **kwargs):
    """Starts the run: the script's ``config`` defaults, then the sweep's values over them (the sweep wins)."""
    global run
    if run is not None and not run._finished:
        if reinit in (None, False, "return_previous"):
            return run
        run.finish()
    defaults = _as_dict(config)
    if config_include_keys:
        defaults = {k: v for k, v in defaults.items() if k in config_include_keys}
    if config_exclude_keys:
        defaults = {k: v for k, v in defaults.items() if k not in config_exclude_keys}
    for key, value in defaults.items():
        if key not in _CONFIG._locked:
            _CONFIG._items[key] = value
    for key, value in _sweep_params().items():
        _CONFIG._set(key, value, locked=True)
    run = Run(project=project, name=name)
    return run


def log(data, step=None, commit=None, sync=None):
    if run is None:
        raise Error("You must call wandb.init() before wandb.log()")  # as the real client says
    run.log(data, step=step, commit=commit)


def finish(exit_code=None, quiet=None):
    if run is not None:
        run.finish(exit_code=exit_code)


def sweep(sweep, entity=None, project=None, prior_runs=None):
    """A script that starts its own sweep is itself the trial here: the sweep config is sweepgate's."""
    _note_ignored("wandb.sweep")
    return "sweepgate"


def agent(sweep_id, function=None, entity=None, project=None, count=None):
    """``wandb.agent(sweep_id, train)`` runs ``train`` once: each sweepgate trial is one process, one run."""
    if function is not None:
        function()
        if run is not None:
            run.finish()


def _finish_at_exit():
    if run is not None:
        run.finish()


atexit.register(_finish_at_exit)


def __getattr__(name):
    # wandb.watch, wandb.Table, wandb.Image, wandb.login, wandb.define_metric, ...: accepted and ignored.
    if name.startswith("__"):
        raise AttributeError(name)
    return _Ignored("wandb." + name)


class _IgnoredModule(types.ModuleType):
    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _Ignored(self.__name__ + "." + attr)


class _SubmoduleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``from wandb.integration.keras import WandbMetricsLogger`` and the like import a module of ignored names."""

    def find_spec(self, fullname, path, target=None):
        if fullname.startswith(__name__ + "."):
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        module = _IgnoredModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, _SubmoduleFinder())
