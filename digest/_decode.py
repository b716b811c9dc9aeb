"""Turn an article's bytes into text: byte-order marks, UTF-16 without one, cp1252, binary files, controls."""

from __future__ import annotations

import re

from digest.errors import ArticleError
from digest.models import Diagnostic

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_MAGIC = (
    b"\x89PNG", b"%PDF-", b"PK\x03\x04", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b",
    b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!\x1a", b"OggS", b"SQLite format 3\x00", b"\x00asm",
)
# Bytes that never occur in text, whatever its 8-bit encoding (tab, line ends, form feed and ESC do).
_BINARY_BYTES = bytes([*range(0, 9), 0x0E, *range(0x0F, 0x1B), *range(0x1C, 0x20)])
_SAMPLE = 8192
# cp1252 leaves five bytes undefined; they map to the Latin-1 code points (C1 controls, removed later).
_CP1252 = str.maketrans(
    {chr(b): bytes([b]).decode("cp1252", "replace").replace("\ufffd", chr(b)) for b in range(0x80, 0xA0)}
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def decode(raw: bytes, *, path: str, warnings: list[Diagnostic]) -> str:
    """Return `raw` as text, noting a guessed encoding in `warnings`; raise ArticleError on binary data."""
    for bom, codec in _BOMS:
        if raw.startswith(bom) and codec == "utf-8":
            return _decode_utf8(raw[len(bom) :], path=path, warnings=warnings)
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(
                    f"invalid {codec.upper()} despite its byte-order mark ({exc.reason})",
                    path=path,
                    line=exc.object[: exc.start].decode(codec).count("\n") + 1,
                ) from exc
    sample = raw[:_SAMPLE]
    guessed = _utf16_without_bom(sample)
    if guessed is not None:
        try:
            decoded = raw.decode(guessed)
        except UnicodeDecodeError:
            raise ArticleError("binary file (it looks like UTF-16 but does not decode)", path=path) from None
        warnings.append(Diagnostic(path, f"no byte-order mark; read as {guessed.upper()}", "warning"))
        return decoded
    if sample.startswith(_MAGIC) or _looks_binary(sample):
        raise ArticleError("binary file, not text; skipped", path=path)
    return _decode_utf8(raw, path=path, warnings=warnings)


def _decode_utf8(raw: bytes, *, path: str, warnings: list[Diagnostic]) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_damaged(raw, exc, path=path, warnings=warnings)


def _looks_binary(sample: bytes) -> bool:
    # Binary formats hold NUL bytes (8 KiB of random data lacks one with odds of 1e-14); a text
    # with a stray NUL or two is text, cleaned later.
    if b"\x00" not in sample:
        return False
    odd = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return odd >= 8 and odd * 20 > len(sample)


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and not even.count(0):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def _decode_damaged(raw: bytes, exc: UnicodeDecodeError, *, path: str, warnings: list[Diagnostic]) -> str:
    # Mostly valid UTF-8 with a few stray bytes is damaged UTF-8; otherwise it is an 8-bit encoding.
    line = _line_at(raw, exc.start)
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    if good > bad:
        warnings.append(
            Diagnostic(path, f"invalid UTF-8: {bad} bad sequence(s) replaced with U+FFFD", "warning", line)
        )
        return text
    warnings.append(
        Diagnostic(path, "not UTF-8; read as Windows-1252 (Latin-1): save the file as UTF-8", "warning", line)
    )
    return raw.decode("latin-1").translate(_CP1252)


def _line_at(raw: bytes, offset: int) -> int:
    head = raw[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def normalise(text: str, *, path: str, warnings: list[Diagnostic]) -> str:
    """Return `text` with LF line ends and no control characters, noting each change in `warnings`."""
    if "\r" in text:
        crlf = text.count("\r\n")
        kinds = (crlf, text.count("\r") - crlf, text.count("\n") - crlf)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if sum(1 for count in kinds if count) > 1:
            warnings.append(Diagnostic(path, "mixed line endings (CRLF, CR, LF) normalised", "warning"))
    first = _CONTROL.search(text)
    if first is not None:
        cleaned = _CONTROL.sub("", text)
        names = sorted({f"U+{ord(ch):04X}" for ch in _CONTROL.findall(text)})
        warnings.append(
            Diagnostic(
                path,
                f"removed {len(text) - len(cleaned)} control character(s) ({', '.join(names[:5])})",
                "warning",
                text.count("\n", 0, first.start()) + 1,
            )
        )
        text = cleaned
    return text
