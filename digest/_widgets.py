"""Patterns for the page furniture a single line gives away: widgets, link blocks, bylines, captions."""

from __future__ import annotations

import re

_I = re.IGNORECASE
# A widget line is short; a longer line is story text even when it opens with "Share" or "Listen".
WIDGET_MAX = 90

WIDGETS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(rf"(?:{pattern})[.!]?", _I))
    for reason, pattern in (
        (
            "share widget",
            r"(?:share|tweet|e-?mail|print|save|copy(?: link)?|partager)"
            r"(?: (?:this|the|cet) (?:article|story|page|post|link))?"
            r"(?: (?:on|via|to|with|sur) [\w .]{1,30})?:?"
            r"|(?:(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|telegram|pinterest|threads|bluesky"
            r"|copy link|print|share|messenger|weibo|wechat)[\s,|·•/]*){2,}"
            r"|\d+(?:[.,]\d+)?k? shares?|shares?:? \d+(?:[.,]\d+)?k?",
        ),
        (
            "listen widget",
            r"(?:listen(?: now)?(?: to)?(?: (?:this|the))?|écouter(?: cet)?)"
            r"(?: (?:article|story|audio|podcast))?(?: \(?\d+ ?min\)?)?"
            r"|click (?:play|here) to (?:listen|play|generate audio|hear).*|(?:play|pause) (?:audio|article)"
            r"|audio (?:version|available|player).*|\d{1,2}:\d\d(?: ?/ ?\d{1,2}:\d\d)?"
            r"|(?:voiced|narrated|read) by (?:an? )?(?:ai|automated|synthetic|computer)\b.*",
        ),
        (
            "comment widget",
            r"(?:discussion|comments?|conversation) ?\(\d+(?: comments?)?\)|\d+ comments?|comments?"
            r"|leave a (?:comment|reply)|(?:add|post|write|submit) (?:a |your )?comment"
            r"|(?:view|show|hide|load|read) (?:all |more )?comments?.*|join the (?:conversation|discussion)"
            r"|(?:sign|log) in to (?:comment|reply|join).*|\d+ ?/ ?\d+ characters(?: left| remaining)?"
            r"|comments (?:are|will be) (?:moderated|closed|reviewed).*|be the first to comment.*",
        ),
        (
            "related links",
            r"more (?:in|from|on|about|stories|news) ?.{0,40}"
            r"|you (?:may|might) also (?:like|enjoy|be interested in)"
            r"|related(?: (?:articles?|stories|news|content|coverage|links|reading|posts?|topics))?:?"
            r"|(?:read|see) (?:more|also|next)(?:: .*)?|also read:? .*"
            r"|recommended(?: for you| (?:articles?|stories|reading))?"
            r"|most (?:read|popular|viewed|shared)(?: (?:from|on|in) .{1,30})?|trending(?: now| stories)?"
            r"|popular (?:now|stories|articles)|top stories|latest (?:news|stories)|further reading"
            r"|editor'?s picks|what to read next|lire aussi\b.*|à lire aussi\b.*|sur le même sujet",
        ),
        (
            "advertisement",
            r"advertisement|publicité|sponsored(?: content)?"
            r"|story continues (?:below|after) (?:this |the )?advertisement"
            r"|scroll (?:down )?to continue(?: with content)?"
            r"|skip (?:to (?:main )?content|ad(?:vertisement)?)",
        ),
        (
            "newsletter",
            r"(?:sign up|subscribe)(?: now| today| here)?(?: (?:for|to) .{0,60})?|follow us on .{1,60}"
            r"|get (?:our|the) .{0,40}newsletter.*|download (?:our|the) .{0,20}app.*",
        ),
        ("reading time", r"(?:reading time:? )?\d+\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|listen)(?:ing time)?"),
        ("copyright", r"(?:©|\(c\)|copyright)\s.*|all rights reserved"),
        ("paywall notice", r"(?:this )?article (?:is )?(?:reserved for|for) (?:subscribers|members)(?: only)?"
                           r"|article réservé aux abonnés|subscribe to (?:continue|read|unlock).*"),
        ("publisher notice", r"our standards:.*|the thomson reuters trust principles"),
    )
)
LONG_LINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, _I))
    for reason, pattern in (
        (
            "social embed caption",
            r"(?:from|via) (?:instagram|twitter|x|facebook|tiktok|youtube|threads|linkedin|bluesky|reddit)"
            r" ?[—–:-] .*|view this post on \w+.*|a post shared by .*|.*\bpic\.twitter\.com/\S+"
            r"|.{0,200}\(@\w{1,30}\) (?:\w+ \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})",
        ),
        ("credits", r"\((?:additional )?(?:reporting|writing|editing|compiled|research) by .*\)\.?"
                    r"|(?:additional )?(?:reporting|writing) by [^.;]{1,80}"
                    r"(?:; ?[\w -]{1,30} by [^.;]{1,80})+\.?"
                    r"|.{0,120}\bcontributed (?:to )?(?:this )?report(?:ing)?(?: from [\w ,.]{1,60})?\.?"),
        ("photo caption", r"(?:(?:file )?(?:photo|image|picture|photograph|video|graphic)(?: credit)?: .*"
                          r"|.*\b(?:REUTERS|AFP|AP|EPA|Getty Images|Xinhua|Bloomberg)/[A-Z][\w .'-]+)"),
        ("contact address",
         r"(?:(?:contact|e-?mail|write to|reach)(?: (?:the )?(?:author|writer|reporter|us))?(?: at)?:? )?"
         r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?"),
        ("call to comment", r".{0,200}\b(?:in the comments?(?: section)?(?: below)?|comment below|let us know"
                            r"|tell us what you think|share your (?:thoughts|views|opinions?))\b.{0,120}"),
    )
)
# Cheap substring tests that must pass before a long-line pattern is tried: most lines are story text,
# and these patterns would otherwise be tried at every position of every paragraph.
NEEDLES = {
    "social embed caption": ("instagram", "twitter", "facebook", "tiktok", "youtube", "threads", "linkedin",
                             "bluesky", "reddit", "from x", "via x", "view this post", "post shared", "(@"),
    "credits": ("by", "contributed"),
    "photo caption": ("/", ": "),
    "contact address": ("@",),
    "call to comment": ("comment", "let us know", "tell us", "share your"),
}
URGE = re.compile(r"(?:share|let us|tell us|leave|join|drop|sound off|have your say|comment)\b", _I)
DATELINE = re.compile(r"(?:first |last )?(?:published|updated|posted)(?: on| at)?:?(?P<rest> .{0,50})?", _I)
DATE_LIKE = re.compile(r"\d|\b(?:ago|today|yesterday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", _I)
BYLINE = re.compile(
    r"(?i:by):? +(?P<names>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
    r"(?:(?:,| and| &) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})*)(?: *[,|–—-] *[\w .]{1,40})?"
)
NAME_THEN_TIME = re.compile(
    r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) ?[|·•,–—-]? ?\d+\s*min(?:ute)?s? read", _I
)
INITIALS = re.compile(r"[A-Z]{1,3}")
