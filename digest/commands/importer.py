"""`digest import`."""

from __future__ import annotations

from pathlib import Path

import click

from digest.commands._common import friendly, project_option
from digest.errors import ConfigError, DigestError


@click.command("import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@project_option
@click.option("--source", help="The outlet that published the text (else guessed from the title line).")
@click.option("--published", help="Publication date, YYYY-MM-DD or an ISO 8601 date and time.")
@click.option("--url", help="Where the text was published (http:// or https://).")
@click.option("--title", help="The headline (else the first line that reads like one).")
@friendly
def import_(
    *,
    files: tuple[Path, ...],
    project: Path,
    source: str | None,
    published: str | None,
    url: str | None,
    title: str | None,
) -> None:
    """Turn raw text files (as copied from a web page) into articles in articles/.

    The text is kept verbatim below a front matter; the title, the source and the language are
    guessed when not given, and every guess is printed. An existing file is never replaced: a new
    name is chosen. Exit codes: 0 all imported, 1 a file could not be read, 2 a bad option.
    """
    from digest.config import CONFIG_NAME
    from digest.importer import check_url, decode, parse_published, prepare_article, write_article

    if len(files) > 1 and (title or url):
        raise ConfigError("--title and --url describe one article; import one file at a time with them")
    if not (project / CONFIG_NAME).is_file() and not (project / "articles").is_dir():
        raise ConfigError(f"{project} is not a digest project (no {CONFIG_NAME} and no articles/)")
    date = parse_published(published) if published else None
    link = check_url(url) if url else None
    failed = False
    for file in files:
        try:
            text = decode(file.read_bytes(), path=str(file))
            draft = prepare_article(
                text, title=title, source=source, url=link, published=date, path=str(file)
            )
            target = write_article(draft, articles_dir=project / "articles")
        except OSError as exc:
            click.echo(f"error: {file}: cannot read: {exc.strerror or exc}", err=True)
            failed = True
            continue
        except DigestError as exc:
            if exc.exit_code != 1:
                raise
            click.echo(f"error: {exc.format()}", err=True)
            failed = True
            continue
        click.echo(f"{file} -> {target}")
        for guess in draft.guessed:
            click.echo(f"  guessed {guess}")
        if draft.published is None:
            click.echo("  no publication date: add `published:` to the front matter, or use --published")
    if failed:
        raise SystemExit(1)
