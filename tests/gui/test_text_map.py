from app.core.model import Block, Line, Page, Paragraph, Word
from app.gui.text_map import TextMap


def _page() -> Page:
    def w(t: str, x: int, y: int) -> Word:
        return Word(t, (x, y, x + 10 * len(t), y + 12), 0.9)

    return Page(
        400,
        200,
        [
            Block(
                [Paragraph([Line([w("Hello", 0, 0), w("world", 60, 0)]), Line([w("two", 0, 20)])])]
            ),
            Block([Paragraph([]), Paragraph([Line([w("Next", 0, 60), w("para", 50, 60)])])]),
        ],
    )


def test_text_is_built_like_page_text_and_spans_point_at_words() -> None:
    page = _page()
    m = TextMap.build(page)
    assert m.text == page.text == "Hello world\ntwo\n\nNext para"
    for word, (start, end) in zip(m.words, m.spans, strict=True):
        assert m.text[start:end] == word.text
    assert [w.text for w in m.words] == [w.text for w in page.words()]


def test_ranges_map_to_words_and_back() -> None:
    m = TextMap.build(_page())
    assert m.words_in_range(2, 2) == [0]  # caret inside "Hello"
    assert m.words_in_range(3, 14) == [0, 1, 2]  # "lo world\ntwo"
    assert m.words_in_range(11, 11) == [1]  # caret right after "world"
    assert m.range_of([1, 2]) == (6, 15)
    assert m.text_of([3, 0, 1, 4]) == "Hello world\nNext para"
