"""Poll options are checked where they are typed: an option with an emoji ('弃权 😶') or one too
long is refused at the options step, naming it, and the step stays. Before, the form took them
and refused the whole poll at its last step ('请只输入文字，不要包含表情符号或特殊字符', no
word of which answer), and staff could only start over."""

from __future__ import annotations

import pytest

from sandbox.driver import message_text
from services import polls
from services.errors import InvalidInput
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工


async def test_an_option_with_an_emoji_is_refused_at_its_step(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await d.say(STAFF, "1号楼是否加装电梯？")
    [refusal] = await d.say(STAFF, "同意\n不同意\n弃权 😶")
    assert "选项「弃权 😶」里有表情符号" in message_text(refusal)
    [refusal] = await d.say(STAFF, "同意\n" + "不" * 61)
    assert "太长了（最多 60 字）" in message_text(refusal)
    # the step is still open: the options typed again are taken
    [ask] = await d.say(STAFF, "同意\n不同意\n弃权")
    assert "单选还是多选" in message_text(ask)


def test_clean_options_names_the_option() -> None:
    assert polls.clean_options([" 同意 ", "反对"]) == ["同意", "反对"]
    with pytest.raises(InvalidInput) as refused:
        polls.clean_options(["👍 同意", "反对"])
    assert (refused.value.key, refused.value.args_["option"]) == ("poll-err-option-bad", "👍 同意")
    with pytest.raises(InvalidInput) as refused:
        polls.clean_options(["同意", "同意"])
    assert refused.value.key == "poll-err-option-duplicate"
