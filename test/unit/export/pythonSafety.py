"""Checks generated Python files for the hostile-names test, all in one process.

argv[1] is a JSON file: {"files": [...], "import": [...], "marker": "PWNED.txt",
"layerNames": {file: [name, ...]}}. Each file
must decode as UTF-8 and parse (ast.parse on the bytes, as the interpreter reads them,
encoding declarations included); no call may name open/exec/eval/compile/__import__ or .system;
every token holding the marker must be a string literal or a comment; the `name=`
string arguments of a file in "layerNames" must include exactly those names, as
Python reads them. Each file in
"import" is then imported with torch, keras and numpy stubbed out (importing runs
every module-level statement), from a scratch folder, which must stay empty. Prints
one JSON object: {"problems": ["file: what", ...]}.
"""

import ast
import importlib.util
import io
import json
import os
import sys
import tempfile
import tokenize
import types

# Builtins a payload would call, and os.system; Keras's own model.compile() is fine.
DANGEROUS_BUILTINS = {"open", "exec", "eval", "compile", "__import__"}
DANGEROUS_METHODS = {"system", "popen"}


def name_arguments(tree):
    return {
        kw.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "name" and isinstance(kw.value, ast.Constant)
    }


def check_source(path, marker, layer_names):
    data = open(path, "rb").read()
    problems = []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return [f"{path}: not UTF-8 ({err})"]
    try:
        tree = ast.parse(data, filename=path)
    except (SyntaxError, ValueError) as err:
        return [f"{path}: does not parse ({err})"]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in DANGEROUS_BUILTINS:
                problems.append(f"{path}:{node.lineno}: calls {func.id}()")
            if isinstance(func, ast.Attribute) and func.attr in DANGEROUS_METHODS:
                problems.append(f"{path}:{node.lineno}: calls .{func.attr}()")
    if layer_names is not None:
        missing = set(layer_names) - name_arguments(tree)
        if missing:
            problems.append(f"{path}: no name= argument for {sorted(map(ascii, missing))}")
    for tok in tokenize.tokenize(io.BytesIO(data).readline):
        if marker in tok.string and tok.type not in (tokenize.STRING, tokenize.COMMENT):
            problems.append(f"{path}:{tok.start[0]}: {marker} in a {tokenize.tok_name[tok.type]} token")
    return problems


class Anything:
    """Stands for any torch or keras object: callable, subclassable, any attribute."""

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        return Anything()

    def __getattr__(self, name):
        return Anything()


class Stub(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Anything


def install_stubs():
    for name in ["torch", "torch.nn", "torch.nn.functional", "keras", "keras.layers", "numpy"]:
        sys.modules[name] = Stub(name)
    sys.modules["torch"].nn = sys.modules["torch.nn"]
    sys.modules["torch.nn"].functional = sys.modules["torch.nn.functional"]
    sys.modules["keras"].layers = sys.modules["keras.layers"]


def import_file(path, index):
    spec = importlib.util.spec_from_file_location(f"exported_{index}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


def main():
    spec = json.load(open(sys.argv[1]))
    problems = []
    for path in spec["files"]:
        problems.extend(check_source(path, spec["marker"], spec["layerNames"].get(path)))
    install_stubs()
    scratch = tempfile.mkdtemp()
    os.chdir(scratch)
    for i, path in enumerate(spec["import"]):
        try:
            import_file(path, i)
        except Exception as err:  # noqa: BLE001 - any failure is reported
            problems.append(f"{path}: import failed ({type(err).__name__}: {err})")
        if os.listdir(scratch):
            problems.append(f"{path}: importing it wrote {os.listdir(scratch)}")
            break
    print(json.dumps({"problems": problems}))


main()
