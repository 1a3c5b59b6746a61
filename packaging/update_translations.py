"""Refresh the French catalogue of the screens and compile it.

    python packaging/update_translations.py            lupdate + lrelease
    python packaging/update_translations.py --check    also exit 1 if a message is untranslated

1. ``pyside6-lupdate`` reads every ``self.tr("…")`` and ``QCoreApplication.translate("Context", "…")``
   in ``lbsdesk/ui/*.py`` into ``resources/translations/lbsdesk_fr.ts``, keeping the translations
   already written, dropping messages no longer in the code (``-no-obsolete``) and writing no line
   numbers (``-locations none``) so the file only changes when a text does.
2. Many modules translate through a small helper (``_tr("…")`` → ``translate("LearnerTableModel", …)``,
   ``form_widgets.tr("…", "CheckInsPanel")``) that lupdate cannot follow.  This script finds those
   helpers and their calls with Python's ``ast`` and hands lupdate a generated file of plain
   ``QCoreApplication.translate("Context", "…")`` calls, so those texts are in the catalogue under
   the context the program asks for at run time.  Texts the domain shows through the ``codes``
   context (``referral_rules.EFFECTIVE_STATUS_LABELS``) are added the same way.
3. ``pyside6-lrelease`` compiles the ``.ts`` to ``lbsdesk_fr.qm``, the file the program loads
   (``lbsdesk/ui/translations.py``).  Both files are committed.

New or changed texts come out ``type="unfinished"``: translate them in Qt Linguist
(``pyside6-linguist resources/translations/lbsdesk_fr.ts``) or in the XML, then run this again.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "lbsdesk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "lbsdesk_fr.ts"
QM_FILE = TRANSLATIONS / "lbsdesk_fr.qm"


@dataclass(frozen=True)
class Helper:
    """A function that translates its first argument: in a fixed context, or in the context named
    by one of its arguments (with a default)."""

    context: str | None = None
    context_arg: int | None = None
    context_default: str | None = None

    def context_of(self, call: ast.Call) -> str | None:
        if self.context_arg is None:
            return self.context
        if len(call.args) > self.context_arg:
            return _text(call.args[self.context_arg])
        for keyword in call.keywords:
            if keyword.arg == "context":
                return _text(keyword.value)
        return self.context_default


def _text(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_translate(func: ast.AST) -> bool:
    return isinstance(func, ast.Attribute) and func.attr == "translate" and \
        isinstance(func.value, ast.Name) and func.value.id in ("QCoreApplication", "QApplication")


def _helper_of(function: ast.FunctionDef, known: dict[str, Helper]) -> Helper | None:
    """``function`` as a translating helper, when it returns translate(…, its first parameter)."""
    params = [arg.arg for arg in function.args.args]
    if not params:
        return None
    defaults = dict(zip(params[len(params) - len(function.args.defaults):], function.args.defaults))
    for node in ast.walk(function):
        if not isinstance(node, ast.Return) or not isinstance(node.value, ast.Call):
            continue
        call = node.value
        if _is_translate(call.func) and len(call.args) == 2:
            context, text = call.args
            if not (isinstance(text, ast.Name) and text.id == params[0]):
                continue
            if _text(context) is not None:
                return Helper(context=_text(context))
            if isinstance(context, ast.Name) and context.id in params:
                default = defaults.get(context.id)
                return Helper(context_arg=params.index(context.id),
                              context_default=_text(default) if default is not None else None)
        if isinstance(call.func, ast.Name) and call.func.id in known and call.args and \
                isinstance(call.args[0], ast.Name) and call.args[0].id == params[0]:
            context = known[call.func.id].context_of(call)
            if context:
                return Helper(context=context)
    return None


def _module_helpers(tree: ast.Module, imported: dict[str, Helper]) -> dict[str, Helper]:
    helpers = dict(imported)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            helper = _helper_of(node, helpers)
            if helper is not None:
                helpers[node.name] = helper
    return helpers


def _imports(tree: ast.Module, exported: dict[str, dict[str, Helper]]) -> dict[str, Helper]:
    found: dict[str, Helper] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lbsdesk.ui."):
            module = node.module.rsplit(".", 1)[-1]
            for alias in node.names:
                helper = exported.get(module, {}).get(alias.name)
                if helper is not None:
                    found[alias.asname or alias.name] = helper
    return found


def helper_messages(ui_folder: Path = UI) -> list[tuple[str, str]]:
    """(context, text) of every literal passed to a translating helper in ``ui_folder``."""
    trees = {path.stem: ast.parse(path.read_text(encoding="utf-8"), str(path))
             for path in sorted(ui_folder.glob("*.py"))}
    exported: dict[str, dict[str, Helper]] = {}
    for _ in range(3):  # helpers built on helpers from other modules (form_widgets.tr)
        for name, tree in trees.items():
            exported[name] = _module_helpers(tree, _imports(tree, exported))
    messages: set[tuple[str, str]] = set()
    for name, tree in trees.items():
        helpers = exported[name]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers \
                    and node.args and _text(node.args[0]):
                context = helpers[node.func.id].context_of(node)
                if context:
                    messages.add((context, _text(node.args[0])))
        messages.update(_method_messages(tree))
    return sorted(messages)


def _method_messages(tree: ast.Module) -> set[tuple[str, str]]:
    """(class, text) of ``self.tr(…)`` calls lupdate's Python reader misses: inside f-strings, and
    ``self.tr(NAME)`` of a module-level text constant."""
    constants = {
        target.id: node.value.value
        for node in tree.body if isinstance(node, ast.Assign) and _text(node.value) is not None
        for target in node.targets if isinstance(target, ast.Name)
    }
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, class_name: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr == "tr" \
                    and child.args and class_name:
                argument = child.args[0]
                text = _text(argument)
                if text is None and isinstance(argument, ast.Name):
                    text = constants.get(argument.id)
                if text is not None:
                    found.add((class_name, text))
            visit(child, child.name if isinstance(child, ast.ClassDef) else class_name)

    visit(tree, None)
    return found


def domain_messages() -> list[tuple[str, str]]:
    """Texts from lbsdesk.domain that the screens translate in the ``codes`` context."""
    sys.path.insert(0, str(ROOT))
    from lbsdesk.domain.referral_rules import CONFIRMATIONS, EFFECTIVE_STATUS_LABELS

    found = {("codes", text) for text in EFFECTIVE_STATUS_LABELS.values()}
    # referral_form_dialog.py: QCheckBox(self.tr(label)) for each of CONFIRMATIONS
    found |= {("ReferralFormDialog", text) for _, text in CONFIRMATIONS}
    return sorted(found)


def _literal(text: str) -> str:
    """A double-quoted Python literal lupdate reads back as ``text``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} was not found: install PySide6 (pip install -e .) and run this again.")
    return found


def run_lupdate(ts_file: Path = TS_FILE) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "helper_strings.py"
        lines = ["from PySide6.QtCore import QCoreApplication", ""]
        lines += [f"QCoreApplication.translate({_literal(context)}, {_literal(text)})"
                  for context, text in helper_messages() + domain_messages()]
        generated.write_text("\n".join(lines) + "\n", encoding="utf-8")
        sources = [str(path) for path in sorted(UI.glob("*.py"))] + [str(generated)]
        subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete",
                        "-source-language", "en", "-target-language", "fr_CA", *sources, "-ts", str(ts_file)],
                       check=True)
    _drop_empty_context(ts_file)


def _drop_empty_context(ts_file: Path) -> None:
    """lupdate reads a module's own ``tr("…")`` helper as a tr() call without a class: those land in
    an unnamed context the program never asks for (the helper passes its own context). Drop it."""
    text = ts_file.read_text(encoding="utf-8")
    start = text.find("<context>\n    <name></name>")
    if start >= 0:
        end = text.index("</context>\n", start) + len("</context>\n")
        ts_file.write_text(text[:start] + text[end:], encoding="utf-8")


def run_lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True)


def unfinished(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.iter("numerusform")] if translation is not None else []
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""] if translation is not None else []
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                    or not texts or not all(text.strip() for text in texts):
                missing.append((name, message.findtext("source") or ""))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a message is not translated")
    args = parser.parse_args(argv)
    run_lupdate()
    run_lrelease()
    missing = unfinished()
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    print(f"{TS_FILE.relative_to(ROOT)}: {len(missing)} untranslated; compiled {QM_FILE.relative_to(ROOT)}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
