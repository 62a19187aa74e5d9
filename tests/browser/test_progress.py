"""Progress kept in the browser: lessons done, export, import, another device, resume, the
self-assessment; and whatever localStorage holds (damaged, foreign, full, refused), the pages work,
saving succeeds or says it failed, export works and nothing the reader had is silently lost."""
from __future__ import annotations

import base64
import json
import re
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from site_pages import CURRICULUM, FIRST

KEY = "rm-curriculum-v1"
LESSON_A = f"{FIRST.id}/{FIRST.lessons[0].slug}"
LESSON_B = f"{FIRST.id}/{FIRST.lessons[1].slug}"
TRACK = FIRST.model.track
N = len(FIRST.model.quiz)


def seed(context, text: str) -> None:
    """Puts `text` in localStorage before the site's scripts run, once per tab."""
    context.add_init_script(f"""if (!sessionStorage.getItem("seeded")) {{
        localStorage.setItem({json.dumps(KEY)}, {json.dumps(text)}); sessionStorage.setItem("seeded", "1"); }}""")


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") or "null")


def import_file(page, content: bytes) -> None:
    with page.expect_file_chooser() as chooser:
        page.locator(".rm-progress__import").click()
    chooser.value.set_files(files=[{"name": "progress.json", "mimeType": "application/json", "buffer": content}])


def export(page, tmp_path: Path) -> dict:
    with page.expect_download() as download:
        page.locator(".rm-progress__export").click()
    path = tmp_path / "exported.json"
    download.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def progress_file(progress: dict) -> bytes:
    return json.dumps({"format": "rm-curriculum-progress", "version": 1, "progress": progress}).encode()


def test_mark_a_lesson_done_keep_it_after_reload_export_and_reset(watched, tmp_path: Path) -> None:
    lesson = FIRST.lessons[0]
    page = watched.page
    watched.open(f"en/modules/{FIRST.id}/{lesson.slug}/")
    toggle = page.locator(".rm-lesson-done button")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.reload()
    assert page.locator(".rm-lesson-done button").get_attribute("aria-pressed") == "true"
    watched.open(f"en/modules/{FIRST.id}/")
    assert "done" in page.locator(f'.rm-lesson-mark[data-lesson="{LESSON_A}"]').inner_text()
    watched.open(f"en/paths/{TRACK}/")
    assert f"1 of {len(FIRST.lessons)} lessons done" in page.locator(f'.rm-module-progress[data-module="{FIRST.id}"]').inner_text()
    watched.open("fr/progress/")
    assert f"1 leçon lue sur {len(FIRST.lessons)}" in page.locator(f'.rm-module-progress[data-module="{FIRST.id}"]').inner_text()
    watched.open("en/progress/")
    assert "stays in this browser" in page.locator("article").inner_text()
    assert not page.locator(".rm-needs-js").is_visible()
    exported = export(page, tmp_path)
    assert exported["format"] == "rm-curriculum-progress" and LESSON_A in exported["progress"]["lessons"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".rm-progress__reset").click()
    assert page.locator(f'.rm-module-progress[data-module="{FIRST.id}"]').inner_text() == ""
    watched.open(f"en/modules/{FIRST.id}/{lesson.slug}/")
    assert page.locator(".rm-lesson-done button").get_attribute("aria-pressed") == "false"


def test_import_adds_to_this_browser_and_asks_before_replacing_an_answer(browser, server) -> None:
    context = browser.new_context()
    seed(context, json.dumps({"lessons": {LESSON_A: "2026-01-02"}, "quizzes": {FIRST.id: {"best": 1, "total": N}},
                              "assessment": {f"{TRACK}-1": "2"}}))
    page = context.new_page()
    page.goto(f"{server}/en/progress/")
    dialogs: list[str] = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    incoming = {"lessons": {LESSON_B: "2026-02-01"}, "quizzes": {FIRST.id: {"best": N, "total": N}},
                "assessment": {f"{TRACK}-1": "4", f"{TRACK}-2": "3"}}
    import_file(page, progress_file(incoming))
    expect(page.locator(".rm-progress__status")).to_have_text(
        "Imported: 1 lesson done, 1 quiz score, 1 self-assessment answer. Nothing this browser held was removed.")
    assert "another self-assessment answer for 1 statement" in dialogs[0]
    state = stored(page)
    assert set(state["lessons"]) == {LESSON_A, LESSON_B} and state["quizzes"][FIRST.id]["best"] == N
    assert state["assessment"] == {f"{TRACK}-1": "2", f"{TRACK}-2": "3"}, "cancel keeps this browser's answer"
    page.once("dialog", lambda dialog: dialog.accept())
    import_file(page, progress_file(incoming))
    expect(page.locator(".rm-progress__status")).to_contain_text("1 self-assessment answer")
    assert stored(page)["assessment"][f"{TRACK}-1"] == "4"
    context.close()


HOSTILE_LESSON = "<img src=x onerror=window.__pwned=1>"
REFUSED_FILES = {
    "not JSON": (b"<html>not a progress file</html>", "it is not a progress file from this site (it cannot be read as JSON)."),
    "a list": (b"[1, 2, 3]", "it is not a progress file from this site."),
    "another site's file": (b'{"format": "something-else", "progress": {}}', "it is not a progress file from this site."),
    "another version": (b'{"format": "rm-curriculum-progress", "version": 2, "progress": {}}',
                        "it was saved by another version of this site (format 2)."),
    "markup as a lesson": (progress_file({"lessons": {HOSTILE_LESSON: "2026-01-01"}}),
                           f"one of its entries is not valid (lessons: {HOSTILE_LESSON})."),
    "a prototype key": (b'{"lessons": {"__proto__": "2026-01-01"}}', "one of its entries is not valid (lessons: __proto__)."),
    "a wrong type": (progress_file({"quizzes": {FIRST.id: {"best": "all", "total": 3}}}),
                     f"one of its entries is not valid (quizzes: {FIRST.id})."),
    "a score above its total": (progress_file({"quizzes": {FIRST.id: {"best": 9, "total": 3}}}),
                                f"one of its entries is not valid (quizzes: {FIRST.id})."),
    "a rating of 5": (progress_file({"assessment": {f"{TRACK}-1": "5"}}), f"one of its entries is not valid (assessment: {TRACK}-1)."),
    "deep nesting": (b'{"lessons": ' + b"[" * 20000 + b"]" * 20000 + b"}", "one of its entries is not valid (lessons)."),
    "too large": (b'{"lessons": {}, "padding": "' + b"a" * 1_100_000 + b'"}', "it is too large to be a progress file."),
}


def test_a_malformed_or_hostile_file_is_refused_with_a_clear_message(browser, server) -> None:
    context = browser.new_context()
    before = json.dumps({"lessons": {LESSON_A: "2026-01-02"}})
    seed(context, before)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/en/progress/")
    status = page.locator(".rm-progress__status")
    for name, (content, message) in REFUSED_FILES.items():
        page.evaluate("document.querySelector('.rm-progress__status').textContent = ''")
        import_file(page, content)
        expect(status).not_to_have_text("")
        assert status.inner_text() == "This file was not imported: " + message, name
        assert stored(page) == json.loads(before), f"{name}: nothing changed"
    assert page.evaluate("window.__pwned") is None and errors == []
    context.close()


def test_a_link_carries_the_progress_to_another_device(browser, server) -> None:
    laptop = browser.new_context()
    page = laptop.new_page()
    page.goto(f"{server}/en/modules/{LESSON_A}/")
    page.locator(".rm-lesson-done button").click()
    page.goto(f"{server}/en/self-assessment/")
    page.locator(f'input[name="{TRACK}-1"][value="3"]').check()
    page.goto(f"{server}/en/progress/")
    page.locator(".rm-share__make").click()
    link = page.locator("#rm-share-out")
    expect(link).to_have_value(re.compile(r"#import=z[A-Za-z0-9_-]+$"))
    address = link.input_value()
    laptop.close()

    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = phone.new_page()
    page.goto(f"{server}/en/modules/{LESSON_B}/")
    page.locator(".rm-lesson-done button").click()
    page.goto(address)
    offer = page.locator(".rm-share__offer")
    expect(offer).to_contain_text("This link carries progress from another device: 1 lesson done, 1 self-assessment answer.")
    assert "#import" not in page.url, "the code leaves the address bar"
    assert set(stored(page)["lessons"]) == {LESSON_B}, "nothing is added before the reader agrees"
    page.locator(".rm-share__accept").click()
    expect(page.locator(".rm-progress__status")).to_contain_text("Imported: 1 lesson done, 1 self-assessment answer.")
    assert set(stored(page)["lessons"]) == {LESSON_A, LESSON_B}
    assert stored(page)["assessment"] == {f"{TRACK}-1": "3"}
    phone.close()


def _code(data: bytes, compressed: bool = True) -> str:
    if compressed:
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = deflate.compress(data) + deflate.flush()
    return ("z" if compressed else "j") + base64.urlsafe_b64encode(data).decode().rstrip("=")


WHOLE_CODE = _code(progress_file({"lessons": {LESSON_A: "2026-01-02", LESSON_B: "2026-01-03"}}))
REFUSED_CODES = {
    "cut short": (WHOLE_CODE[:len(WHOLE_CODE) // 2], "the code is incomplete or damaged; copy it again in full."),
    "not base64": ("z<script>alert(1)</script>", "the code is incomplete or damaged; copy it again in full."),
    "markup as a lesson": (_code(progress_file({"lessons": {HOSTILE_LESSON: "2026-01-01"}})),
                           f"one of its entries is not valid (lessons: {HOSTILE_LESSON})."),
    "a bomb": (_code(b'{"lessons": {}, "x": "' + b" " * 3_000_000 + b'"}'), "it is too large to be a progress file."),
    "uncompressed, another site": (_code(b'{"format": "other"}', compressed=False), "it is not a progress file from this site."),
}


def test_a_damaged_or_hostile_link_or_code_is_refused_with_a_clear_message(watched) -> None:
    page = watched.page
    status = page.locator(".rm-progress__status")
    for name, (code, message) in REFUSED_CODES.items():
        page.goto("about:blank")  # a new document each time: the page reads the code as it opens
        watched.open(f"en/progress/#import={code}")
        expect(status).not_to_have_text("")
        assert status.inner_text() == "This link or code was not imported: " + message, name
        assert page.locator(".rm-share__offer").count() == 0 and stored(page) is None
        page.evaluate("document.querySelector('.rm-progress__status').textContent = ''")
        page.locator("#rm-share-in").fill(code)
        page.locator(".rm-share__import").click()
        expect(status).to_have_text("This link or code was not imported: " + message)
    assert page.evaluate("window.__pwned") is None and watched.errors == []


STORED = {
    "not JSON": "{lessons: oops",
    "a list": "[1, 2, 3]",
    "a string": '"hello"',
    "wrong types": '{"lessons": {"a/b": 5}, "quizzes": "none", "assessment": [1], "last": 3}',
    "an early format": json.dumps({"lessons": [LESSON_B]}),
    "deep nesting": '{"lessons": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "another version": '{"version": 3, "lessons": {}, "journeys": {"x": 1}}',
}


@pytest.mark.parametrize("name", sorted(STORED))
def test_whatever_the_browser_holds_the_pages_work_and_nothing_is_lost(browser, server, tmp_path: Path, name: str) -> None:
    raw = STORED[name]
    context = browser.new_context(accept_downloads=True)
    seed(context, raw)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/en/modules/{LESSON_A}/")
    page.locator(".rm-lesson-done button").click()
    expect(page.locator(".rm-lesson-done button")).to_have_attribute("aria-pressed", "true")
    assert LESSON_A in stored(page)["lessons"], "saving works again"
    page.goto(f"{server}/en/progress/")
    expect(page.locator(".rm-progress__unreadable")).to_contain_text("It is kept, and your export includes it.")
    if name == "an early format":  # what could be read is read
        assert LESSON_B in stored(page)["lessons"]
    exported = export(page, tmp_path)
    assert [copy["data"] for copy in exported["unreadable"]] == [raw], "the original is kept for the reader"
    assert errors == []
    context.close()


STORAGE_REFUSED = {
    "full": ("""Storage.prototype.setItem = function () {
                  throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };""",
             "the browser's storage is full."),
    "blocked": ("""Object.defineProperty(window, "localStorage", { configurable: true,
                  get: function () { throw new DOMException("The operation is insecure.", "SecurityError"); } });""",
                "this browser does not let pages keep data"),
}


@pytest.mark.parametrize("name", sorted(STORAGE_REFUSED))
def test_when_saving_fails_the_page_says_so_and_export_still_works(browser, server, tmp_path: Path, name: str) -> None:
    script, why = STORAGE_REFUSED[name]
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(script)
    page = context.new_page()
    errors: list[str] = []  # ours: Material's own head script fails too when storage is refused
    page.on("pageerror", lambda error: "/assets/js/" in (error.stack or "") and errors.append(str(error)))
    page.goto(f"{server}/en/modules/{LESSON_A}/")
    alert = page.locator(".rm-alert[role=alert]")
    assert alert.count() == 1 and alert.inner_text() == "", "the alert region waits, empty, from the start"
    page.locator(".rm-lesson-done button").click()
    expect(alert).to_contain_text("Your progress could not be saved on this device: " + why)
    expect(page.locator(".rm-lesson-done button")).to_have_attribute("aria-pressed", "true")
    page.goto(f"{server}/en/progress/")
    assert export(page, tmp_path)["format"] == "rm-curriculum-progress"
    assert errors == []
    context.close()


def test_the_home_page_offers_to_resume_where_the_reader_left_off(watched) -> None:
    page = watched.page
    watched.open("en/")
    assert not page.locator(".rm-resume").is_visible(), "nothing to resume on a first visit"
    lesson = FIRST.lessons[1]
    watched.open(f"en/modules/{LESSON_B}/")
    title = page.locator("article h1").inner_text()
    watched.open("en/")
    resume = page.locator(".rm-resume")
    assert re.fullmatch(rf"Resume where you left off: {re.escape(title)} \(last opened on \d{{1,2}}\u00a0\w+\u00a0\d{{4}}\)\.",
                        resume.inner_text()), resume.inner_text()
    resume.locator("a").click()
    page.wait_for_url(f"**/en/modules/{FIRST.id}/{lesson.slug}/")
    watched.open("fr/")
    expect(page.locator(".rm-resume")).to_contain_text("Reprendre là où vous en étiez\u00a0: la dernière page que vous avez ouverte")
    assert page.locator(".rm-resume a").get_attribute("href").endswith(f"/fr/modules/{LESSON_B}/")


def test_self_assessment_suggests_a_path_with_modules_and_names_its_first_module(watched) -> None:
    watched.open("en/self-assessment/")
    page = watched.page
    tracks = page.locator(".rm-assessment__track")
    published = [t.id for t in CURRICULUM.tracks if t.self_assessment and CURRICULUM.track_modules(t.id)]
    empty = [t.id for t in CURRICULUM.tracks if t.self_assessment and not CURRICULUM.track_modules(t.id)]
    assert len(published) >= 2
    lowest = published[1]
    for index in range(tracks.count()):
        track = tracks.nth(index)
        track_id = track.get_attribute("data-track")
        radios = track.locator(".rm-assessment__item")
        for item in range(radios.count()):  # lowest: 1 and 2 (average 1.5); a path without modules: 1
            score = "1" if track_id in empty else ("12"[item % 2] if track_id == lowest else "4")
            radios.nth(item).locator(f'input[value="{score}"]').check()
    first = CURRICULUM.track_modules(lowest)[0]
    title = next(t for t in CURRICULUM.tracks if t.id == lowest).title.get("en")
    result = page.locator(".rm-assessment__result")
    assert result.inner_text() == (f"Suggested start: the path “{title}”, beginning with its first module, "
                                   f"“{first.model.title.get('en')}” (your lowest average: 1.5 out of 4).")
    hrefs = [a.get_attribute("href") for a in result.locator("a").all()]
    assert hrefs[0].endswith(f"/en/paths/{lowest}/") and hrefs[1].endswith(f"/en/modules/{first.id}/")
    page.reload()
    assert title in page.locator(".rm-assessment__result").inner_text(), "remembered"
    watched.open("fr/self-assessment/")
    assert "(votre moyenne la plus basse\u00a0: 1,5 sur 4)" in page.locator(".rm-assessment__result").inner_text()


def test_the_scripts_french_words_carry_french_spacing(watched) -> None:
    """U+202F before ; ! ? and U+00A0 before : and inside « »; never an ordinary space there."""
    watched.open("fr/")
    words = watched.page.evaluate("window.rmCurriculum.WORDS.fr")
    texts = [v for value in words.values() for v in (value.values() if isinstance(value, dict) else [value])]
    wrong = [t for t in texts if re.search(r"(?:^|[^\u202f])[;!?]|[^\u00a0]:(?!//)|«(?!\u00a0)|(?<!\u00a0)»", t)]
    assert len(texts) > 50 and wrong == []
    assert any("\u202f?" in t for t in texts) and any("\u00a0:" in t for t in texts)
