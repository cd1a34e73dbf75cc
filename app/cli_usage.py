"""A mistyped command line, said in Thai.

argparse refuses a missing option, a choice it does not offer, a word where a number goes or an option
the command does not have with a message in English. ``ThaiArgumentParser`` says the same in Thai, as
every other refusal of KPI Desk is said: which argument, why, what would be accepted and, for a slip of
the keyboard, the nearest thing the command has ("--nme" → "--name"). The usage line (prefixed
"วิธีใช้:") and exit code 2 stay as argparse gives them; ``--help`` is in Thai too. A message this
module does not know is shown as argparse wrote it.
"""

from __future__ import annotations

import argparse
import re
import sys

THAI_TYPE = {"int": "จำนวนเต็ม", "float": "ตัวเลข"}
NUMBER = re.compile(r"-\d")        # a negative number is a value, not an option
ROUND_HELP = "รอบการประเมิน: 6 หรือ 12 เดือน"     # --round, in every command that takes it
POSITIONAL = {"action": "สิ่งที่จะทำ", "kind": "รายงาน", "file": "ไฟล์"}   # the words typed without an option


class ThaiHelpFormatter(argparse.HelpFormatter):
    """argparse's layout with its one word of its own said in Thai: the usage line's prefix."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "วิธีใช้: " if prefix is None else prefix)


class ThaiArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` (and, through ``add_subparsers``, each of its commands) that refuses, and
    explains itself in ``--help``, in Thai."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ThaiHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "ค่าที่พิมพ์ตามลำดับ"
        self._optionals.title = "ตัวเลือก"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="แสดงวิธีใช้นี้แล้วออก")

    def parse_args(self, args=None, namespace=None):
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:                       # said by the command typed, which knows its own options
            command = self._command_parser(parsed)
            command.error(_unknown_in_thai(extras, command))
        return parsed

    def parse_known_args(self, args=None, namespace=None):
        self._typed = list(sys.argv[1:] if args is None else args)    # (a command's parser gets its own words)
        return super().parse_known_args(args, namespace)

    def error(self, message: str):
        # an option the command does not have is the mistake to name, not what argparse made of the words after
        # it ("round --yaer 2568 approve": the 2568 taken for the action)
        own = getattr(self, "_typed", [])
        if _subcommands(self) is not None:            # the program's own options come before the command's name
            own = self._before_command(own)
        unknown = [w for w in own if w.startswith("-") and not NUMBER.match(w)
                   and w.split("=")[0] not in self._option_string_actions]
        said = _unknown_in_thai(unknown, self) if unknown else in_thai(message, self)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: ข้อผิดพลาด: {said}\nดูวิธีใช้: {self.prog} --help\n")

    def _before_command(self, words: list[str]) -> list[str]:
        """The options typed before the command's name (``--db PATH``: its value skipped)."""
        out, i = [], 0
        while i < len(words) and words[i].startswith("-"):
            out.append(words[i])
            action = self._option_string_actions.get(words[i].split("=")[0])
            i += 2 if action is not None and action.nargs != 0 and "=" not in words[i] else 1
        return out

    def _command_parser(self, parsed) -> argparse.ArgumentParser:
        """The parser of the command that was typed (``kpi-desk unit …``: the unit parser), else this one."""
        sub = _subcommands(self)
        return sub.choices.get(getattr(parsed, sub.dest, None) or "", self) if sub else self


def in_thai(message: str, parser: argparse.ArgumentParser) -> str:
    m = re.fullmatch(r"argument (.+?): (.*)", message, re.DOTALL)
    if m:
        name, why = m.groups()
        said = _said(WHY, why, name, parser)
        return said if said is not None else f"{name}: {why}"   # our own argument types already say it in Thai
    said = _said(MESSAGES, message, parser)
    return said if said is not None else message


def _said(patterns, text: str, *context):
    for pattern, say in patterns:
        m = re.fullmatch(pattern, text, re.DOTALL)
        if m:
            return say(m, *context)
    return None


def _choice(m, name: str, parser: argparse.ArgumentParser) -> str:
    value, offered = _unquoted(m[1]), [_unquoted(c) for c in m[2].split(", ")]
    sub = _subcommands(parser)
    if sub is not None and name == (sub.metavar or sub.dest):
        return f"ไม่มีคำสั่ง “{value}”{_nearest(value, offered)} (คำสั่งที่มี: {', '.join(offered)})"
    return f"{_named(name)}: ไม่มี “{value}” ให้เลือก{_nearest(value, offered)} (เลือกได้: {_either(offered)})"


def _not_a(m, name: str, _parser) -> str:
    kind, value = THAI_TYPE.get(m[1]), _unquoted(m[2])
    return f"{name}: “{value}” ไม่ใช่{kind}" if kind else f"{name}: ค่า “{value}” ใช้ไม่ได้"


# argparse's reasons after "argument NAME: ", and its other refusals (the same templates in Python 3.11–3.13)
WHY = ((r"invalid choice: (.+?) \(choose from (.+)\)", _choice),
       (r"invalid (\w+) value: (.+)", _not_a),
       (r"expected one argument", lambda m, name, p: f"{name} ต้องตามด้วยค่า ๑ ค่า"),
       (r"expected at most one argument", lambda m, name, p: f"{name} ตามด้วยค่าได้ไม่เกิน ๑ ค่า"),
       (r"expected at least one argument", lambda m, name, p: f"{name} ต้องตามด้วยค่าอย่างน้อย ๑ ค่า"),
       (r"expected (\d+) arguments?", lambda m, name, p: f"{name} ต้องตามด้วยค่า {m[1]} ค่า"),
       (r"not allowed with argument (.+)", lambda m, name, p: f"{name} ใช้ร่วมกับ {m[1]} ไม่ได้"),
       (r"ignored explicit argument (.+)", lambda m, name, p: f"{name} ไม่รับค่า (“{_unquoted(m[1])}”)"))
MESSAGES = ((r"the following arguments are required: (.+)",
             lambda m, p: "ยังไม่ได้ระบุ " + ", ".join(_required(name, p) for name in m[1].split(", "))),
            (r"one of the arguments (.+) is required", lambda m, p: f"ต้องระบุอย่างใดอย่างหนึ่งใน {m[1]}"),
            (r"ambiguous option: (\S+) could match (.+)",
             lambda m, p: f"{m[1]} กำกวม อาจหมายถึง {_either(m[2].split(', '))}"))


def _required(name: str, parser: argparse.ArgumentParser) -> str:
    """A missing option is named as typed (--year); a missing word with choices lists them (approve, lock
    หรือ reopen)."""
    for action in parser._actions:
        if not action.option_strings and name in (action.dest, action.metavar):
            if isinstance(action, argparse._SubParsersAction):
                return f"คำสั่ง ({', '.join(action.choices)})"
            shown = _either(list(action.choices)) if action.choices else action.metavar or action.dest
            return f"{POSITIONAL.get(action.dest, action.dest)} ({shown})"
    return name


def _named(name: str) -> str:
    return POSITIONAL.get(name, name)


def _unknown_in_thai(words: list[str], parser: argparse.ArgumentParser) -> str:
    """Options the command does not have, with the nearest it has; words it takes no more of."""
    options = list(parser._option_string_actions)
    typed, extra = [], []
    for i, word in enumerate(words):
        if word.startswith("-"):
            typed.append(word)
        elif not (i and words[i - 1].startswith("-") and "=" not in words[i - 1]):
            extra.append(word)           # (a word after an unknown option is taken as its value)
    said = []
    if typed:
        said.append("ไม่มีตัวเลือก " + ", ".join(f"{w}{_nearest(w.split('=')[0], options)}" for w in typed))
    if extra:
        said.append("ไม่รับข้อความ " + " ".join(f"“{w}”" for w in extra))
    return " และ".join(said)


def _nearest(typed: str, offered: list[str]) -> str:
    import difflib                   # only on a mistake: every start imports this module
    close = difflib.get_close_matches(typed, offered, n=1, cutoff=0.6)
    return f" (หมายถึง {close[0]} หรือไม่)" if close and close[0] != typed else ""


def _either(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} หรือ {items[-1]}"


def _unquoted(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" else text


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
