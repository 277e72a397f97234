# codeloom grader, trusted part (docs/evaluation.md, "How a verdict is made").
# Embedded into the harness at build time; the sandbox runs it as main.py,
# followed by a mode section (program.py or evalplus.py).
#
# The candidate runs only in a child forked before any secret exists. The
# parent (this code) never executes candidate code: it calls the candidate's
# functions over a pipe and gets plain data back (None, bool, int, float,
# complex, str, bytes, list, tuple, dict, set, frozenset; anything else is an
# opaque handle that refuses comparison). After the fork the parent reads the
# per-job nonce from stdin, removes the test files from the work dir and only
# then lets the child load the candidate. The verdict is the parent's last
# stdout line, "<nonce> ..."; the child's stdin and stdout are /dev/null and
# the parent is not dumpable, so the child can neither read the nonce (stdin,
# /proc/<ppid>/mem, ptrace) nor write to the parent's stdout.
import ctypes, io, os, pickle, signal, struct, sys, traceback

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)
# The work dir is writable by the candidate: import nothing from it.
_cwd = os.getcwd()
sys.path[:] = [p for p in sys.path if p and os.path.realpath(p) != os.path.realpath(_cwd)]


def _die(why):
    os.write(2, ("codeloom grader: " + why + "\n").encode())
    os._exit(3)


# Not dumpable: other processes of the job's uid may not ptrace this one,
# read /proc/<pid>/mem or open /proc/<pid>/fd/*. Done before the fork, so
# nothing opened early by the child can outlive the change.
_libc = ctypes.CDLL(None, use_errno=True)
if _libc.prctl(4, 0, 0, 0, 0) != 0 or _libc.prctl(3, 0, 0, 0, 0) != 0:  # PR_SET_DUMPABLE, PR_GET_DUMPABLE
    _die("cannot make the grader non-dumpable (errno %d)" % ctypes.get_errno())


class _Null(io.TextIOBase):
    def write(self, s):
        return len(s)


def _send(fd, obj, pickler=pickle.Pickler):
    _send_bytes(fd, _pickled(obj, pickler))


def _send_bytes(fd, data):
    view = memoryview(struct.pack("<Q", len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _recv(fd):
    def exactly(n):
        parts, got = [], 0
        while got < n:
            b = os.read(fd, min(n - got, 1 << 20))
            if not b:
                return None
            parts.append(b)
            got += len(b)
        return b"".join(parts)

    head = exactly(8)
    if head is None:
        return None
    return exactly(struct.unpack("<Q", head)[0])


# ---------------------------------------------------------------- the child
_PLAIN = (type(None), bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset)
# Dict subclasses of the stdlib compare with a dict as a dict does: sent as dicts.
import collections as _collections
_AS_DICT = (_collections.Counter, _collections.defaultdict, _collections.OrderedDict)


class _PlainPickler(pickle.Pickler):
    """Plain data as itself; anything else through handle() (the child makes
    it a handle; the parent's digest pickler refuses it)."""

    def persistent_id(self, obj):
        # complex and dict (the classes) are how pickle rebuilds complex
        # numbers and the dict subclasses below.
        if type(obj) in _PLAIN or type(obj) in _AS_DICT or obj is complex or obj is dict:
            return None
        return self.handle(obj)

    def reducer_override(self, obj):
        if type(obj) in _AS_DICT:
            return (dict, (dict(obj),))
        return NotImplemented

    def handle(self, obj):
        raise pickle.PicklingError("not plain data")


def _pickled(obj, pickler=_PlainPickler):
    buf = io.BytesIO()
    pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buf.getvalue()


def _serve(req_fd, resp_fd):
    # Runs in the child: no secret exists in this process. Until "go" only
    # trusted code runs; then the candidate module, then calls as asked.
    handles = []

    class Out(_PlainPickler):
        def handle(self, obj):
            handles.append(obj)
            return ("h", len(handles) - 1, type(obj).__name__)

    class In(pickle.Unpickler):
        def persistent_load(self, pid):
            return handles[pid[1]]

    def reply(obj):
        try:
            _send(resp_fd, obj, Out)
        except BaseException as e:
            _send(resp_fd, ("raise", "TypeError", "the candidate's result cannot be sent: %s" % type(e).__name__, False))

    def exception(e):
        base = next((c.__name__ for c in type(e).__mro__ if c.__module__ == "builtins"), "BaseException")
        try:
            msg = str(e)[:1000]
        except BaseException:
            msg = "?"
        return ("raise", base, "%s: %s" % (type(e).__name__, msg), isinstance(e, Exception))

    go = _recv(req_fd)
    if go is None:
        os._exit(0)
    source = pickle.loads(go)
    g = {}
    try:
        exec(compile(source, "candidate.py", "exec"), g)
    except BaseException as e:
        reply(("load_error", traceback.format_exc()[-600:]))
        os._exit(0)
    names = {}
    for k, v in list(g.items()):
        if k.startswith("__"):
            continue
        if type(v).__name__ == "module":
            names[k] = ("m", getattr(v, "__name__", ""))
        elif callable(v):
            names[k] = ("c",)
        else:
            names[k] = ("v", v)
    reply(("loaded", names))
    pending = [b""]
    while True:
        msg = _recv(req_fd)
        if msg is None:
            os._exit(0)
        try:
            op, name, args, kwargs = In(io.BytesIO(msg)).load()
            if op == "fetch":
                _send_bytes(resp_fd, pending[0])
                continue
            if op == "digest":
                # Only the digest crosses unless asked for (huge outputs): a
                # match proves the candidate computed the expected output.
                import hashlib
                pending[0] = _pickled(("ok", g[name](*args, **kwargs)), Out)
                reply(("digest", hashlib.sha256(pending[0]).hexdigest()))
                continue
            if op == "call":
                out = g[name](*args, **kwargs)
            elif op == "handle":
                out = handles[name](*args, **kwargs)
            elif op == "bool":
                out = bool(handles[name])
            elif op == "getattr":
                out = getattr(handles[name], *args)
            else:
                out = setattr(handles[name], *args)
        except BaseException as e:
            reply(exception(e))
            continue
        reply(("ok", out))


# --------------------------------------------------------------- the parent
class CandidateExit(BaseException):
    """The candidate process ended or exited: never caught by a test."""


class CandidateError(Exception):
    """An exception of the candidate that is not a builtin Exception."""


class _Handle:
    """A non-plain object the candidate returned. It may be passed back to the
    candidate; comparing, hashing or inspecting it is a type error (EvalPlus-style
    type check: an object with a forged __eq__ cannot pass)."""

    __slots__ = ("_id", "_type")

    def __init__(self, ident, type_name):
        object.__setattr__(self, "_id", ident)
        object.__setattr__(self, "_type", type_name)

    def _refuse(self, *a, **k):
        raise TypeError("the candidate returned a %s object, not plain data" % object.__getattribute__(self, "_type"))

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __hash__ = __len__ = __iter__ = _refuse

    # Truth is one bool computed by the candidate's process: nothing a plain
    # bool result could not say (MBPP's check_str tests `assert check_str(s)`
    # on an re.Match), unlike __eq__, which could say yes to every value.
    def __bool__(self):
        out = _call("bool", object.__getattribute__(self, "_id"), (), {})
        if type(out) is not bool:
            raise TypeError("the candidate's object has no plain truth value")
        return out
    __contains__ = __getitem__ = __int__ = __float__ = __index__ = __str__ = __add__ = __radd__ = __sub__ = _refuse
    __mul__ = __rmul__ = __truediv__ = __abs__ = __neg__ = __round__ = _refuse

    # Attributes live in the candidate's process (MBPP builds trees of the
    # solution's Node class in its test setup); values come back as plain data.
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _call("getattr", object.__getattribute__(self, "_id"), (name,), {})

    def __setattr__(self, name, value):
        _call("setattr", object.__getattribute__(self, "_id"), (name, value), {})

    def __call__(self, *args, **kwargs):
        if _unpickling[0]:
            raise pickle.UnpicklingError("the candidate's reply calls one of its objects")
        return _call("handle", object.__getattribute__(self, "_id"), args, kwargs)

    def __repr__(self):
        return "<candidate %s>" % object.__getattribute__(self, "_type")


class _ToChild(pickle.Pickler):
    def persistent_id(self, obj):
        return ("h", object.__getattribute__(obj, "_id")) if type(obj) is _Handle else None


class _FromChild(pickle.Unpickler):
    # Only plain data: the candidate's bytes never name a class or function here.
    def find_class(self, module, name):
        if (module, name) == ("builtins", "complex"):
            return complex
        if (module, name) == ("builtins", "dict"):
            return dict
        raise pickle.UnpicklingError("the candidate sent a %s.%s object" % (module, name))

    def persistent_load(self, pid):
        if type(pid) is not tuple or len(pid) != 3 or type(pid[1]) is not int or type(pid[2]) is not str:
            raise pickle.UnpicklingError("malformed handle")
        return _Handle(pid[1], pid[2][:100])


_child = {"pid": 0, "req": -1, "resp": -1}
_unpickling = [False]


def _receive():
    data = _recv(_child["resp"])
    if data is None:
        raise CandidateExit("the candidate's process ended (exit, os._exit or a crash)")
    _unpickling[0] = True
    try:
        return _FromChild(io.BytesIO(data)).load()
    finally:
        _unpickling[0] = False


def _raise_from(msg):
    _, base, text, is_exception = msg if len(msg) == 4 else (None, "BaseException", "?", False)
    if not is_exception:
        raise CandidateExit(text)
    import builtins
    cls = getattr(builtins, base, None) if type(base) is str else None
    if isinstance(cls, type) and issubclass(cls, Exception):
        try:
            err = cls(text)
        except BaseException:
            err = CandidateError(text)
        raise err
    raise CandidateError(text)


def _call(op, name, args, kwargs):
    _send(_child["req"], (op, name, args, kwargs), _ToChild)
    return _result(_receive())


def digest_call(name, args, expected_digest):
    """Calls the candidate's `name`; returns (True, None) when the pickle of
    its result hashes to `expected_digest`, else (False, the result)."""
    _send(_child["req"], ("digest", name, args, {}), _ToChild)
    msg = _receive()
    if type(msg) is tuple and len(msg) == 2 and msg[0] == "digest":
        if msg[1] == expected_digest:
            return True, None
        _send(_child["req"], ("fetch", None, (), {}))
        msg = _receive()
    return False, _result(msg)


def _result(msg):
    if type(msg) is not tuple or not msg:
        raise CandidateExit("malformed reply from the candidate's process")
    if msg[0] == "ok" and len(msg) == 2:
        return msg[1]
    if msg[0] == "raise":
        _raise_from(msg)
    raise CandidateExit("malformed reply from the candidate's process")


class _Remote:
    """A callable of the candidate module (function or class)."""

    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __call__(self, *args, **kwargs):
        return _call("call", self._name, args, kwargs)

    def __repr__(self):
        return "<candidate %s>" % self._name


# Modules a test may use through a name the candidate imported (MBPP tests
# call math.* after the solution's `import math`). Imported here by name,
# never from the work dir (sys.path above), and only side-effect-free ones.
_MODULES = {"math", "cmath", "re", "heapq", "collections", "itertools", "functools", "operator", "string",
            "bisect", "copy", "random", "statistics", "fractions", "decimal", "datetime", "typing", "array",
            "hashlib", "json", "sys", "time", "calendar", "numbers", "textwrap", "unicodedata", "struct",
            "collections.abc", "itertools", "queue", "enum", "dataclasses"}


def _module(name):
    if name in sys.modules:
        return sys.modules[name]
    if name in _MODULES:
        import importlib
        return importlib.import_module(name)
    return None


def start(source, secret_files):
    """Forks the candidate's process (before any secret exists), reads the
    nonce, removes `secret_files` (after reading them) and loads the candidate.
    Returns (nonce, {name: text of secret file}, candidate globals as proxies)
    or raises with a reason."""
    req_r, req_w = os.pipe()
    resp_r, resp_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(req_w)
            os.close(resp_r)
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)
            os.dup2(null, 1)
            os.close(null)
            sys.stdin = open(os.devnull)
            sys.stdout = _Null()
            _serve(req_r, resp_w)
        finally:
            os._exit(0)
    os.close(req_r)
    os.close(resp_w)
    _child.update(pid=pid, req=req_w, resp=resp_r)
    nonce = sys.stdin.buffer.read(4096).decode("ascii", "replace").strip()
    if len(nonce) < 32:
        _die("no grading nonce on stdin")
    secrets = {}
    for name in secret_files:
        with open(name, encoding="utf-8") as f:
            secrets[name] = f.read()
    for name in os.listdir("."):
        if os.path.isfile(name) or os.path.islink(name):
            os.unlink(name)
    _send(req_w, source)
    msg = _receive()
    if type(msg) is tuple and len(msg) == 2 and msg[0] == "load_error":
        return nonce, secrets, ("error", msg[1])
    if type(msg) is not tuple or len(msg) != 2 or msg[0] != "loaded" or type(msg[1]) is not dict:
        raise CandidateExit("malformed reply from the candidate's process")
    env = {}
    for k, d in msg[1].items():
        if type(k) is not str or type(d) is not tuple or not d:
            continue
        if d[0] == "c":
            env[k] = _Remote(k)
        elif d[0] == "m" and len(d) == 2 and type(d[1]) is str:
            m = _module(d[1])
            if m is not None:
                env[k] = m
        elif d[0] == "v" and len(d) == 2:
            env[k] = d[1]
    return nonce, secrets, ("ok", env)


def verdict(nonce, text):
    """The job's last stdout line; the judge accepts only the exact nonce."""
    try:
        os.kill(_child["pid"], signal.SIGKILL)
    except OSError:
        pass
    data = ("\n" + nonce + " " + text + "\n").encode()
    while data:
        data = data[os.write(1, data):]
    os._exit(0)
