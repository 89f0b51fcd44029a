"""What triage reads: never our voice-only placeholder, never the file names phones put in photo
captions; with no text at all there is no suggestion ('other', no confidence, no keywords)."""

from __future__ import annotations

import pytest

from services.order_common import suggest
from services.triage import Triage
from services.triage.text import is_file_name_caption, with_caption


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_no_text_no_suggestion(triage: Triage, text: str) -> None:
    s = suggest(triage, text)
    assert (s.category, s.confidence, s.keywords, s.candidates) == ("other", None, (), ())
    assert s.unsure and not s.urgent


@pytest.mark.parametrize(
    "caption",
    [
        "IMG_20231102_083015.jpg",
        "IMG_4032.JPG",
        "DSC01234",
        "mmexport1699999999999.jpg",
        "微信图片_20231102083015.jpg",
        "Screenshot_20231102-083015_WeChat.jpg",
        "wx_camera_1699999999999.jpg",
        "PXL_20231102_083015123.jpg",
        "photo.jpg",
        "IMG_20231102_083015.ＪＰＧ",
    ],
)
def test_file_name_captions_are_noise(caption: str) -> None:
    assert is_file_name_caption(caption)
    assert with_caption("楼道灯坏了", caption) == "楼道灯坏了"


@pytest.mark.parametrize(
    "caption",
    ["漏水的地方", "截图里有3个裂缝", "photo 2 of the leak", "楼道灯坏了.jpg", "3号楼门口"],
)
def test_real_captions_are_kept(caption: str) -> None:
    assert not is_file_name_caption(caption)
    assert with_caption("楼道灯坏了", caption) == f"楼道灯坏了\n{caption}"


def test_a_caption_repeated_on_every_photo_is_kept_once() -> None:
    text = ""
    for _ in range(3):
        text = with_caption(text, "二楼拐角的灯不亮")
    assert text == "二楼拐角的灯不亮"


def test_keywords_leave_out_photo_caption_words(triage: Triage) -> None:
    text = "楼道灯坏了，晚上很黑\n如图\n照片\n楼道灯坏了.jpg\nsee the picture image"
    keywords = triage.analyze(text).keywords
    assert "楼道灯" in keywords
    noise = {"如图", "照片", "jpg", "img", "image", "picture", "图片"}
    assert not noise & set(keywords)
