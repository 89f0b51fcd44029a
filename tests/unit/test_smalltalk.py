"""Small talk is recognised only when the whole message is small talk."""

from __future__ import annotations

import pytest

from services.smalltalk import (
    MAX_CHARS,
    AssignSaid,
    Compose,
    Kind,
    Rating,
    adds_to,
    assign_said,
    classify,
    complains,
    compose_intent,
    offers_to_take,
    praises,
    rating_and_comment,
    reports_done,
    says_skip,
    tells_done,
    urgency_said,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("你好", Kind.GREETING),
        ("在吗？", Kind.GREETING),
        ("您好！👋", Kind.GREETING),
        ("你们好", Kind.GREETING),
        ("在吗在吗", Kind.GREETING),
        ("Hi there!", Kind.GREETING),
        ("谢谢你们啦！", Kind.THANKS),
        ("太感谢了", Kind.THANKS),
        ("辛苦社区工作人员了", Kind.THANKS),
        ("好的，谢谢", Kind.THANKS),  # the stronger of the two
        ("thank you so much!", Kind.THANKS),
        ("好的", Kind.ACK),
        ("👍", Kind.ACK),
        ("👍🏻👍🏻", Kind.ACK),
        ("👌😊", Kind.ACK),
        ("🙏", Kind.THANKS),
        ("👍🙏", Kind.THANKS),  # the stronger of the two
        ("❤️", Kind.THANKS),
        ("👋", Kind.GREETING),
        ("🔥", None),  # an emoji that says nothing known
        ("👍🔥", None),
        ("收到👌", Kind.ACK),
        ("哈哈哈", Kind.ACK),
        ("OK", Kind.ACK),
        ("Great", Kind.ACK),
        ("perfect!", Kind.ACK),
        ("cheers", Kind.THANKS),
        ("how are you?", Kind.GREETING),
        ("I need help", Kind.HELP),
        ("I don't understand", Kind.HELP),  # the apostrophe, as _clean leaves it
        ("what's this?", Kind.HELP),
        ("any news about my request?", Kind.PROGRESS),
        ("when will someone come?", Kind.PROGRESS),
        ("good night", Kind.BYE),
        ("no problem", Kind.ACK),
        ("thank you for your help", Kind.THANKS),
        ("拜拜", Kind.BYE),
        ("主菜单", Kind.MENU),
        ("返回", Kind.MENU),
        ("回到主菜单吧", Kind.MENU),
        ("謝謝", Kind.THANKS),  # Traditional
        ("你好，怎么用", Kind.HELP),
        ("我不会用", Kind.HELP),
        ("字太小了", Kind.HELP),  # finding it hard: the help, with the office's phone
        ("太复杂了，看不懂", Kind.HELP),
        ("你能做什么", Kind.HELP),
        ("你是谁", Kind.WHO),  # the bot says it is a program, not a person
        ("你好，你是机器人吗？", Kind.WHO),
        ("是真人吗", Kind.WHO),
        ("Are you a bot?", Kind.WHO),
        ("你好，我上次反映的事怎么样了", Kind.PROGRESS),
        ("办好了吗？", Kind.PROGRESS),
        ("查一下进度", Kind.PROGRESS),
        ("What is the status of my request?", Kind.PROGRESS),
        ("什么时候来修？", Kind.PROGRESS),  # asked right after filing
        ("能不能快点", Kind.PROGRESS),
        ("师傅什么时候来人啊", Kind.PROGRESS),
        ("怎么还没人来", Kind.PROGRESS),
        ("还要等多久", Kind.PROGRESS),
        ("你们能不能打个电话给我，我不会打字", Kind.CALL_ME),  # a call back, not a matter
        ("我眼睛不好，看不清字", Kind.CALL_ME),
        ("Can you call me? I can't type", Kind.CALL_ME),
        ("字太小了", Kind.HELP),  # the help's big buttons still answer this
        ("打电话给我，楼道灯坏了", None),  # a matter with it: the matter
        ("什么时候来人修啊", Kind.PROGRESS),  # when someone comes, said as older residents say it
        ("啥时候来人修啊？", Kind.PROGRESS),
        ("师傅几点来", Kind.PROGRESS),
        ("今天能来吗", Kind.PROGRESS),
        ("麻烦快点，谢谢", Kind.PROGRESS),
        ("When will it be fixed?", Kind.PROGRESS),
        ("hmm?", Kind.ACK),
        # a chat: answered kindly, not a matter to file
        ("今天天气怎么样？", Kind.CHAT),
        ("你吃饭了吗", Kind.CHAT),
        ("讲个笑话吧", Kind.CHAT),
        ("What's the weather like?", Kind.CHAT),
        ("你好，今天天气不错", Kind.GREETING),
        ("hello 你好 我是新来的", Kind.GREETING),  # a newcomer's hello
        ("你也辛苦了", Kind.THANKS),
    ],
)
def test_small_talk(text: str, kind: Kind) -> None:
    assert classify(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "电梯坏了",
        "停水了",
        "下水道堵了",  # 下 is a filler, 水道堵 is not small talk
        "早上漏水",  # starts like 早 (a greeting)
        "谢谢，楼道灯还是不亮",
        "可以帮我修一下吗",
        "him",  # 'hi' only as a whole word
        "那个",  # fillers alone
        "上次的问题",
        "楼道灯坏了有人管吗",  # a matter, asked about
        "楼道灯坏了快点来修",  # a matter, hurried
        "停水了什么时候来水",
        "楼道太黑看不清",  # a matter, though 看不清 is finding the bot hard
        "机器人坏了",
        "今天天气冷，暖气不热",  # the weather named, a matter told
        "聊天群里有人乱发广告",
        "新来的保安不让进",
        "",
        "？？",
        "你好" * (MAX_CHARS // 2 + 1),  # too long to be small talk
    ],
)
def test_not_small_talk(text: str) -> None:
    assert classify(text) is None


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("修好了", True),
        ("已经弄好了！", True),
        ("搞定", True),
        ("水管修好了", True),
        ("工单完成了", True),
        ("Done.", True),
        ("修好了但是又漏了", False),  # a matter said with it
        ("好了吗", False),
        ("灯修好了没有", False),
        ("", False),
        # the work done to a thing named, as members say it
        ("路灯换好了", True),
        ("下水道已经疏通好了", True),
        ("楼道垃圾清理完了", True),
        ("门锁装好了！", True),
        ("the light is replaced", True),
        ("drain unblocked", True),
        ("路灯修好了吗", False),  # a question
        ("路灯修好了？", False),
        ("路灯没换好了", False),
        ("电梯还没修好了", False),
        ("light not fixed", False),
        ("is it fixed", False),
        ("我家的水管坏了", False),
        ("我昨天晚上去看了三次终于把灯换好了", False),  # more than done: a story
        # the work said in the past, without 好/完
        ("换了新灯泡", True),
        ("灯泡已经换了", True),
        ("下水道疏通了", True),
        ("已经修了", True),
        ("灯泡换了还是不亮", False),
        ("我家的灯坏了", False),
        ("楼下新装了一个很大的广告牌挡住了阳光", False),
    ],
)
def test_work_reported_done(text: str, done: bool) -> None:
    assert reports_done(text) is done


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("陪吴大爷复查完了，已送回家", True),
        ("水管已经修好了，换了一个新阀门", True),
        ("I fixed the tap, it works now", True),
        ("The light is replaced now, checked the switch too", True),
        ("水管修好了，已经不漏了", True),  # a leak said to be over is part of the report
        ("楼道灯换好了，顺便把开关也换了", True),
        ("阀门换了新的，已经不漏水了，周阿姨也试过了", True),
        ("换了一个新灯泡", True),
        ("我家水管修好了又漏了", False),  # a matter still open
        ("换完了但是还不亮", False),
        ("水管坏了能帮忙看看吗", False),
        ("楼道灯坏了好几天了", False),
        ("敲门没人在家", False),
        ("我看好了时间明天去", False),  # work still ahead
        ("I will fix it tomorrow", False),
        ("I could not fix it", False),
        ("is it fixed?", False),
        ("已经联系上周阿姨了", False),
        ("我换了个手机号", False),  # one's own details, not work done
    ],
)
def test_work_told_done_at_length(text: str, told: bool) -> None:
    assert tells_done(text) is told


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我想问一下", Kind.LEAD_IN),
        ("你好，有个事", Kind.LEAD_IN),  # the lead-in over the greeting
        ("请问", Kind.LEAD_IN),
        ("请问怎么用", Kind.HELP),
        ("请问我上次的事怎么样了", Kind.PROGRESS),
        ("我想咨询一下低保怎么申请", None),  # the question itself
    ],
)
def test_lead_in(text: str, kind: Kind | None) -> None:
    assert classify(text) == kind


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("就这些", Compose.DONE),
        ("就这样吧", Compose.DONE),
        ("没有了", Compose.DONE),
        ("That's all", Compose.DONE),
        ("没有照片", Compose.DONE),  # nothing to send: done, not the matter's words
        ("我没照片", Compose.DONE),
        ("不会拍照", Compose.DONE),
        ("没什么要补充的了", Compose.DONE),
        ("No photos", Compose.DONE),
        ("没有照片，但是水一直在流", None),  # the matter goes on
        ("算了", Compose.CANCEL),
        ("那算了吧", Compose.CANCEL),
        ("不报了", Compose.CANCEL),
        ("没事了", Compose.CANCEL),
        ("好了，灯又不亮了", None),  # the matter's own words
        ("门口的灯又不亮了", None),
        ("完了", None),  # also 'oh no': not read either way
        ("好了 算了", None),  # both: neither
    ],
)
def test_compose_intent(text: str, intent: Compose | None) -> None:
    assert compose_intent(text) == intent


@pytest.mark.parametrize(
    ("text", "skip"),
    [
        ("跳过", True),
        ("不需要", True),
        ("没有", True),
        ("不用了", True),
        ("先不填", True),
        ("无", True),
        ("没有了谢谢", True),
        ("no", True),
        ("None", True),
        ("N/A", True),
        ("-", True),
        ("不用谢", False),  # thanks
        ("我没有电话", False),  # more than passing over
        ("2/3", False),
        ("", False),
    ],
)
def test_optional_step_passed_over_in_words(text: str, skip: bool) -> None:
    assert says_skip(text) is skip


@pytest.mark.parametrize(
    ("text", "takes"),
    [
        ("我来接这个单", True),
        ("这单我接了", True),
        ("我去修", True),
        ("我可以去", True),
        ("I'll take it", True),
        ("我去了没人在家", False),  # a note about the work, not an offer
        ("我来报个事", False),
        ("好的", False),
        ("", False),
    ],
)
def test_order_taken_in_words(text: str, takes: bool) -> None:
    assert offers_to_take(text) is takes


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("很急", True),
        ("这个挺急的", True),
        ("紧急！", True),
        ("我这个事比较急", True),
        ("急急急", True),
        ("這個很急", True),
        ("it's urgent", True),
        ("不急", False),
        ("不着急，慢慢来", False),
        ("不是很急", False),
        ("no rush", False),
        ("水一直在流，很急", None),  # more of the matter: what is happening
        ("急不急", None),  # both
        ("好的", None),
        ("楼道灯不亮", None),
        ("", None),
    ],
)
def test_urgency_said(text: str, urgent: bool | None) -> None:
    assert urgency_said(text) is urgent


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("我想补充一下，水已经流到楼下了", "水已经流到楼下了"),
        ("再补充一句：晚上更严重", "晚上更严重"),
        ("补充说明：是3楼", "是3楼"),
        ("我还想补充一点，门也坏了", "门也坏了"),
        ("加一句 楼上也漏", "楼上也漏"),
        # the writer's own punctuation kept in the words added
        ("我想补充一下，水已经流到楼下了，楼下说天花板湿了", "水已经流到楼下了，楼下说天花板湿了"),
        ("我想補充一下，水已經流到樓下了", "水已經流到樓下了"),
        ("I want to add: it leaks at night", "it leaks at night"),
        ("补充一下", None),  # nothing after it: 补充 opens 我的诉求
        ("补充：", None),
        ("加装电梯的事", None),
        ("补漏的师傅什么时候来", None),
        ("补偿款什么时候发", None),
        ("我要补 墙上的洞", None),
        ("", None),
    ],
)
def test_adds_to_a_matter_told(text: str, rest: str | None) -> None:
    assert adds_to(text) == rest


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("很满意，师傅很负责", (Rating.SATISFIED, "师傅很负责")),
        ("师傅很负责，很满意", (Rating.SATISFIED, "师傅很负责")),
        ("基本满意。就是来得有点晚", (Rating.BASIC, "就是来得有点晚")),
        ("不满意，灯还是不亮", (Rating.UNSATISFIED, "灯还是不亮")),
        ("满意", None),  # a score alone: rating_of
        ("好的，明天再说", None),
        ("满意，不太满意", None),  # two scores
        ("满意，打五分", None),  # points with it: read back (points_and_comment)
        ("满意，师傅很耐心", (Rating.SATISFIED, "师傅很耐心")),
        ("very satisfied, the plumber was quick", (Rating.SATISFIED, "the plumber was quick")),
        ("", None),
    ],
)
def test_rating_said_with_its_comment(text: str, read: tuple[Rating, str] | None) -> None:
    assert rating_and_comment(text) == read


@pytest.mark.parametrize(
    ("text", "praise"),
    [
        ("我想表扬一下刘师傅，上次帮我修水管特别认真", True),
        ("谢谢赵医生上门看病", True),
        ("给社区点个赞", True),
        ("I want to praise the volunteer", True),
        ("Thanks to the volunteer for fixing my tap", True),
        ("谢谢", False),  # thanks alone: small talk
        ("谢谢你们", False),
        ("我要投诉刘师傅", False),  # a complaint
        ("楼道灯坏了", False),
    ],
)
def test_praises(text: str, praise: bool) -> None:
    assert praises(text) is praise


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("我要投诉刘师傅，来了就走，根本没修好", True),
        ("那个志愿者态度很差", True),
        ("I want to complain about the volunteer", True),
        ("差评", True),  # with nothing awaiting a score (else it is the score)
        ("我对服务不满意", True),
        ("我要投诉楼上噪音", False),  # a neighbour: a matter to file
        ("我想表扬一下刘师傅", False),
        ("不投诉了，师傅挺好", False),
        ("楼道灯坏了", False),
    ],
)
def test_complains(text: str, complaint: bool) -> None:
    assert complains(text) is complaint


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("00001 派给刘师傅", AssignSaid(order=False, number=1, name="刘师傅")),
        ("把G00002指派给赵医生", AssignSaid(order=True, number=2, name="赵医生")),
        ("assign G00002 to 赵敏", AssignSaid(order=True, number=2, name="赵敏")),
        ("把工单G2派给刘建国吧", AssignSaid(order=True, number=2, name="刘建国")),
        ("把诉求00003交给赵医生处理", AssignSaid(order=False, number=3, name="赵医生")),
        ("00001 派单", None),
        ("00001 派给物业", None),  # a unit: 转办, not a member
        ("00001 交给物业", None),
        ("派给刘师傅", None),
        ("00001派给刘师傅，他熟悉水电", None),
    ],
)
def test_assign_said(text: str, said: AssignSaid | None) -> None:
    assert assign_said(text) == said
