"""Checks a minsheng site in headless Chromium through the DevTools protocol on a pipe
(--remote-debugging-pipe: no network port, no extra package).

Usage: site_check.py SITE_DIR SHOT_DIR [PAGE.html ...]

- crawls every link from index.html: each internal link resolves (file and #fragment), no link
  leaves the site, and every page in the folder is reached (none orphaned);
- opens index.html and one page of every kind at 390 px and 1280 px wide: no console error or
  exception, no horizontal scrolling and no text under 11 px at 390 px, every chart has its
  marks (lines, points, bars); extra pages (bulletin.html) are opened the same way;
- saves a full-page screenshot of each to SHOT_DIR for review.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import deque

site, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


# --- the crawl, from the files ---------------------------------------------------------------
href_re = re.compile(r'<a [^>]*href="([^"]*)"')
id_re = re.compile(r' id="([^"]+)"')
pages = {}
for name in os.listdir(site):
    if name.endswith(".html"):
        with open(os.path.join(site, name), encoding="utf-8") as f:
            pages[name] = f.read()
seen, queue = {"index.html"}, deque(["index.html"])
links = 0
while queue:
    page = queue.popleft()
    for href in href_re.findall(pages[page]):
        links += 1
        if re.match(r"[a-z]+:", href) or href.startswith("//") or href.startswith("/"):
            fail(f"{page}: link leaves the site: {href}")
            continue
        target, _, frag = href.partition("#")
        target = target or page
        if target not in pages:
            fail(f"{page}: link to a missing page: {href}")
            continue
        if frag and frag not in id_re.findall(pages[target]):
            fail(f"{page}: link to a missing anchor: {href}")
        if target not in seen:
            seen.add(target)
            queue.append(target)
orphans = sorted(set(pages) - seen)
if orphans:
    fail(f"pages no link reaches: {orphans}")
print(f"crawl: {len(seen)} pages reached from index.html, {links} links checked")

# --- the browser -------------------------------------------------------------------------------
chrome = next((p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium"), shutil.which("chromium-browser")) if p and os.access(p, os.X_OK)), None)
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
profile = tempfile.mkdtemp()


def child():
    # Chromium reads commands on fd 3 and writes answers on fd 4. The pipes may already be 3
    # and 4 (close-on-exec), so move them aside first: dup2 onto themselves would keep the flag.
    r, w = os.dup(to_chrome_r), os.dup(from_chrome_w)
    os.dup2(r, 3)
    os.dup2(w, 4)


proc = subprocess.Popen(
    [chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
     "--disable-background-networking", "--disable-component-update", "--disable-sync",
     "--hide-scrollbars", "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
    preexec_fn=child, close_fds=False, stdout=subprocess.DEVNULL, stderr=open(os.path.join(shots, "chromium.log"), "wb"))
os.close(to_chrome_r)
os.close(from_chrome_w)
buf = b""
next_id = 0
events = []


def read_message():
    global buf
    while b"\0" not in buf:
        chunk = os.read(from_chrome_r, 1 << 16)
        if not chunk:
            raise RuntimeError("chromium closed the pipe")
        buf += chunk
    msg, _, buf = buf.partition(b"\0")
    return json.loads(msg)


def call(method, params=None, session=None):
    global next_id
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session:
        msg["sessionId"] = session
    os.write(to_chrome_w, json.dumps(msg).encode() + b"\0")
    while True:
        m = read_message()
        if m.get("id") == next_id:
            if "error" in m:
                raise RuntimeError(f"{method}: {m['error']}")
            return m.get("result", {})
        events.append(m)


def wait_event(name, session):
    while True:
        for i, e in enumerate(events):
            if e.get("method") == name and e.get("sessionId") == session:
                return events.pop(i)
        events.append(read_message())


PROBE = """JSON.stringify({
  scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
  charts: [...document.querySelectorAll('svg.chart')].map(s => s.id || s.getAttribute('class')),
  empty: [...document.querySelectorAll('svg.chart')].filter(
      s => !s.querySelector('polyline, circle, rect')).length,
  marks: document.querySelectorAll('svg polyline, svg circle, svg rect').length,
  // Text as it is drawn: HTML by its computed size, SVG text by its size times the chart's scale.
  small: [...document.querySelectorAll('body *')].filter(e => {
      if (e.closest('svg') && e.tagName !== 'text') return false;
      const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      if (!own) return false;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;  // not shown (a closed details)
      let size = parseFloat(getComputedStyle(e).fontSize);
      if (e.tagName === 'text') size *= e.getScreenCTM().a;
      return size < 10.95;
    }).slice(0, 5).map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 20) + ' ' +
      (parseFloat(getComputedStyle(e).fontSize) * (e.tagName === 'text' ? e.getScreenCTM().a : 1)).toFixed(1)),
  inner_scroll: [...document.querySelectorAll('.scroll')].filter(e => e.scrollWidth > e.clientWidth + 1)
      .map(e => (e.querySelector('th') || e).textContent.trim().slice(0, 12) + ' ' + e.scrollWidth),
  title: document.title })"""

kinds = ["index.html", "category-1.html", "unit-01.html", "task-39.html", "task-4.html"]
kinds += [p for p in ["county-01.html"] if p in pages]
# Documents checked alongside the site, outside its crawl (bulletin.html): given as extra paths.
extra = sys.argv[3:]
for path in extra:
    kinds.append(os.path.abspath(path))
try:
    for width in (390, 1280):
        for page in kinds:
            target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                call(domain + ".enable", session=session)
            call("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
                 session=session)
            events.clear()
            call("Page.navigate", {"url": "file://" + os.path.abspath(os.path.join(site, page))},
                 session=session)
            # A page outside the site (given as a path) is shot under its folder's name too:
            # the public site's index.html is not the dashboard's.
            outside = os.path.isabs(page)
            in_folder = outside and os.path.dirname(page) != os.path.dirname(os.path.abspath(site))
            shot_name = (os.path.basename(os.path.dirname(page)) + "-" if in_folder else "") + \
                os.path.basename(page)[:-5]
            page = os.path.basename(page)
            wait_event("Page.loadEventFired", session)
            probe = json.loads(call("Runtime.evaluate", {"expression": PROBE, "returnByValue": True},
                                    session=session)["result"]["value"])
            where = f"{page} at {width}px"
            for e in events:
                m, p = e.get("method"), e.get("params", {})
                if m == "Runtime.exceptionThrown":
                    fail(f"{where}: exception {p['exceptionDetails'].get('text')}")
                elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                    fail(f"{where}: console {p.get('type')}: {p.get('args')}")
                elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                    fail(f"{where}: {p['entry'].get('text')} {p['entry'].get('url', '')}")
            # A phone widens its layout viewport to fit wide content (innerWidth grows too), so
            # the page is measured against the screen's width.
            if width == 390 and max(probe["scroll"], probe["inner"]) > width:
                fail(f"{where}: scrolls sideways ({probe['scroll']} px wide on a {width} px screen)")
            if width == 390 and probe["inner_scroll"]:
                fail(f"{where}: a table scrolls sideways inside the page: {probe['inner_scroll']}")
            if width == 390 and probe["small"]:
                fail(f"{where}: text under 11 px on a phone: {probe['small']}")
            if probe["empty"]:
                fail(f"{where}: {probe['empty']} chart(s) without marks")
            if not outside and page == "index.html" and "trend-chart" not in probe["charts"]:
                fail(f"{where}: no trend chart")
            if not outside and page.startswith("task-4") and not probe["charts"]:
                fail(f"{where}: no target chart")
            shot = call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
                        session=session)
            with open(os.path.join(shots, f"{shot_name}-{width}.png"), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            print(f"ok: {where}: {len(probe['charts'])} charts, {probe['marks']} marks, "
                  f"width {probe['scroll']}/{probe['inner']}")
            call("Target.closeTarget", {"targetId": target})
finally:
    proc.kill()
    proc.wait()
    shutil.rmtree(profile, ignore_errors=True)

if failures:
    sys.exit(1)
print(f"ok: screenshots in {shots}")
