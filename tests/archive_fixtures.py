"""News archive files made in the tests (never downloaded): a saved news page, PDFs, JSONL and CSV exports.

Each carries facts that are not in the bundled corpus, so a question about them can only be
answered from the file that holds them.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

PAGE_URL = "https://tradetimes.example/2025/06/steel-quota"
NEWS_PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Steel quota agreed | Trade Times</title>
<meta property="article:published_time" content="2025-06-12T08:30:00+05:30">
<meta property="og:site_name" content="Trade Times">
<meta name="author" content="Asha Rao">
<link rel="canonical" href="{PAGE_URL}">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/markets">Markets</a></li>
<li><a href="/subscribe">Subscribe for unlimited access</a></li></ul></nav>
<article><h1>Steel quota agreed</h1>
<p>India and the United States agreed on a steel import quota of 3.25 million tonnes a year, the commerce
ministry said on Thursday.</p>
<p>The quota replaces the 25 per cent duty on Indian steel for shipments within the limit, officials said
after two days of talks in New Delhi.</p>
<p>Steel exporters in Odisha and Jharkhand welcomed the decision, saying it would restore about 9,000 jobs.</p>
</article>
<section class="comments"><h3>Comments</h3><p>Great article, visit my blog for free tips!</p>
<p>Comments are closed.</p></section>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Rupee falls to record low</a></li>
<li><a href="/b">Ten gadgets under $50</a></li></ul></aside>
<footer><p>Copyright 2025 Trade Times. All rights reserved.</p></footer>
</body></html>
"""

PDF_PAGES = [
    ["Shrimp exporters in Andhra Pradesh shipped 310,000 tonnes to the United States in 2024-25, the",
     "seafood export council said on Monday.",
     "The council expects a recov-", "ery in orders once the anti-dumping review ends."],
    ["The review of anti-dumping duties on Indian shrimp is due to conclude in March 2026.",
     "Exporters have asked the government for a freight subsidy until then."],
]


def write_news_page(path: Path) -> Path:
    path.write_text(NEWS_PAGE, encoding="utf-8")
    return path


def write_pdf(path: Path, pages=PDF_PAGES, title: str = "Seafood exports clipping") -> Path:
    """A PDF of ``pages`` (lines of text), each with a running head and a page-number footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    c.setAuthor("Ravi Menon")
    for number, lines in enumerate(pages, start=1):
        c.setFont("Helvetica", 9)
        c.drawString(72, 800, "THE COASTAL GAZETTE - press clippings")
        c.drawString(72, 40, f"Page {number} of {len(pages)}")
        c.setFont("Helvetica", 11)
        y = 740
        for line in lines:
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF with shapes and no text layer, as a scanned clipping is."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(72, 400, 400, 300, fill=1)
    c.showPage()
    c.save()
    return path


RECORDS = [
    {"body": "Vietnam and India agreed to raise bilateral trade to $30 billion by 2030, the two trade ministers "
             "said in Hanoi on Friday.", "headline": "Vietnam, India set $30 billion goal",
     "published_at": "2026-02-20T09:00:00Z", "source": "Wire One", "link": "https://wire.example/vn-in"},
    {"headline": "A record with no body"},
    {"body": "Chile's copper shipments to India rose 14 per cent in 2025 to 1.2 million tonnes, Chile's "
             "mining ministry said.", "headline": "Chile copper to India up 14%",
     "published_at": "Mon, 05 Jan 2026 10:00:00 +0000", "source": "Wire Two", "link": "https://wire.example/cl-in"},
]
FIELDS = "text=body,title=headline,date=published_at,outlet=source,url=link"


def write_jsonl(path: Path) -> Path:
    lines = [json.dumps(r) for r in RECORDS[:2]] + ["{this line is not JSON"] + [json.dumps(RECORDS[2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_csv(path: Path) -> Path:
    columns = ["headline", "body", "published_at", "source", "link"]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        for record in RECORDS:
            writer.writerow({c: record.get(c, "") for c in columns})
    return path
