## Order cycle (issue 4): 居民点单 → 社区下单 → 党员接单 → 组织晒单

menu-order-new = 📝 我要点单
menu-order-mine = 📂 我的诉求
menu-order-open = 🛠 可接工单
menu-order-claims = 📌 我的工单
menu-order-points = 🏅 我的积分
menu-order-queue = 📋 待办诉求
menu-order-on-behalf = ☎️ 代居民登记
menu-order-stats = 📊 台账统计

order-status-new = 待受理
order-status-ordered = 已派单
order-status-handling = 社区办理中
order-status-transferred = 已转办
order-status-merged = 已合并
order-status-merged-into = 并入 { $number } · { $status }
order-card-merged-now = { $number } 现在：{ $status }
order-status-declined = 不予受理
order-status-withdrawn = 已撤回
order-status-done = 已办结待评价
order-status-resolved = 已解决
order-status-closed = 已结案
order-status-reopened = 重新办理

order-ostatus-open = 待接单
order-ostatus-claimed = 已接满
order-ostatus-done = 待验收
order-ostatus-verified = 已验收
order-ostatus-cancelled = 已撤销

order-channel-bot = 机器人
order-channel-phone = 电话
order-channel-visit = 来访
order-channel-home_visit = 入户走访
order-channel-meeting = 议事会
order-channel-other = 其他

order-purpose-request = 诉求附件
order-purpose-info = 补充材料
order-purpose-result = 办理结果

order-score-satisfied = 满意
order-score-basic = 基本满意
order-score-unsatisfied = 不满意

## Resident: filing

order-ask-describe = 请说说您遇到了什么事。
    可以直接打字，也可以发照片、语音，或点「📍 发送位置」。
    说完后请点「✅ 说完了」。
order-ask-describe-text = 还没有内容。请先用文字（或语音）说说是什么事。
order-voice-only = （居民留了语音，请收听附件）
order-voice-only-own = （您留了一段语音）
order-voice-removed = （居民留过一条语音，已随其个人信息一并删除）
order-kept-intro = 登记前您说的，已经带过来了：
order-kept-intro-group = 您在群里说的，已经带过来了：
order-kept-text = 「{ $text }」
order-kept-photos = 照片 { $count } 张
order-kept-voice = 语音 { $count } 条
order-kept-place = 位置 1 个
order-kept-go-on = 还可以继续补充文字、照片、语音或位置；说完后请点「{ order-btn-finished }」。
order-got-text = 收到文字。还可以继续补充，说完点「✅ 说完了」。
order-got-text-again = 这段话刚才已经记下了，不用再发。还可以继续补充，说完点「✅ 说完了」。
order-compose-cancel-meant = 是不想报了吗？点下面的「{ common-cancel }」就不提交了；要接着说，直接打字就行（这句没有记进去）。
order-compose-how = 我在听。直接打字说说是什么事、在哪里就行，也可以发照片或语音；说完点「{ order-btn-finished }」。
order-compose-aside = { $thanks ->
    [yes] 不客气！
   *[no] 好的。
}这件事还没交给社区：说完了请点「{ order-btn-finished }」，再点「{ order-btn-submit }」。
order-got-photo = 收到照片（共 { $count } 张）。
order-got-voice = 收到语音。
order-got-voice-more = 收到第 { $count } 条语音，和前面的都留着，社区都能听到。
order-voices-full = 这件事已经留了 { $limit } 条语音，这条没有再留下。还想说的，可以打字补充。
order-got-location = 收到位置。
order-contact-line = 联系人：{ $name } { $phone }
order-contact-line-own = 联系电话：{ $phone }
order-got-contact = 已写进诉求说明：{ $line }
    还可以继续补充，说完点「✅ 说完了」。
order-photos-full = 最多 { $limit } 张照片，已经够了。
order-compose-unsupported = 这里只能收文字、照片、语音和位置。
order-btn-finished = ✅ 说完了
order-btn-location = 📍 发送位置
order-preview-title = <b>您要反映的事情</b>
order-preview-tap-submit = 还差一步：请点下面的「{ order-btn-submit }」，点了才算报给社区。不报了就点「{ common-cancel }」。
order-preview-added = 好的，这句也补充进去了。没有要补充的了，就点下面的「{ order-btn-submit }」。
order-preview-older = 这是旧的预览，请在最新一条上点「{ order-btn-submit }」。
order-preview-phone-hint = 📞 描述里有电话 { $phone }：要用它作为这件事的联系电话，请点下面的按钮。
order-btn-use-phone = 📞 这件事打 { $phone } 联系我
order-preview-contact = 📞 这件事的联系电话：{ $phone }
order-preview-contact-set = 好的，这件事的联系电话用 { $phone }。
order-preview-category-typed = 好的，分类改成了「{ $category }」。没有要补充的了，就点下面的「{ order-btn-submit }」。
order-preview-urgent-typed = 好的，已经标为紧急，社区会优先处理。没有要补充的了，就点下面的「{ order-btn-submit }」。
order-preview-not-urgent-typed = 好的，改为不紧急了。没有要补充的了，就点下面的「{ order-btn-submit }」。
order-preview-category = 分类：{ $category }
order-preview-pick-category = （只有语音，机器没法判断分类；可以点「🏷 换个分类」自己选，不选也没关系，社区会处理。）
order-preview-unsure = （机器拿不准是哪一类。如果是下面按钮上的一类，点一下就换；不换也没关系，社区会处理。）
order-preview-photos = 照片：{ $count } 张
order-preview-voice = 语音：{ $count } 条
order-preview-location = 位置：已附上
order-preview-place = 📍 地点：{ $place }（按您说的；不对的话点下面「📍 地点改为…」）
order-preview-place-home = 📍 地点：{ $place }（您家的楼）
order-btn-place = 📍 地点改为 { $place }
order-btn-where = 📍 不在家里？选地点
order-where-ask = 这件事在哪里？点一下：
order-where-home = 🏠 我家（{ $place }）
order-where-ours = 🏢 我们楼（{ $place }，不在我家里）
order-where-other = 🏘 另一栋楼
order-where-public = 🌳 小区公共区域（马路、花园、停车场、大门…）
order-btn-where-back = ⬅️ 返回
order-where-building = 在哪栋楼？点一下：
order-where-public-ask = 在小区的哪里？请打几个字，比如「东门外马路」「3号楼后面的花园」（{ $limit } 字以内）。不好说就点「跳过」。
order-preview-place-public = 📍 地点：小区公共区域 · { $where }
order-preview-place-ours = 📍 地点：{ $place }（楼里，不在您家）
order-preview-public-hint = 📍 听您说的，像是在小区公共区域（{ $where }），不在您家？是的话点下面「🌳 对，在…」。
order-btn-public-hint = 🌳 对，在{ $where }
order-preview-urgent = 🚨 紧急
# two matters told in one message: offered to be filed apart (each gets its own number)
order-preview-two = 您说的像是两件事：
    ① { $first }
    ② { $second }
    分成两件报，每件有自己的编号，各自有人管。要分开吗？不分开，直接点「{ order-btn-submit }」。
order-btn-submit = ✅ 确认提交
order-btn-change-category = 🏷 换个分类
order-btn-urgent = 🚨 标为紧急
order-btn-not-urgent = 改为不紧急
order-btn-split = ✂️ 分成两件
order-btn-one = 就当一件
order-btn-rewrite = ✏️ 重新说
order-choose-category = 请选择最合适的分类：
order-choose-category-now = 诉求 { $number } 现在的分类是「{ $category }」。请选择最合适的分类：
order-back-to-menu = 回到主菜单。
order-filed = ✅ 已提交，编号 <b>{ $number }</b>。社区工作人员会尽快处理。
order-filed-two = ✅ 已分成两件提交，编号 <b>{ $first }</b> 和 <b>{ $second }</b>。社区工作人员会尽快处理。
order-filed-night = 🌙 现在是夜间免打扰时段，社区工作人员会在 { $time } 收到您的诉求。
    如有危险或急病，请直接拨打 110 / 119 / 120。
order-filed-joined = ✅ 已登记，编号 <b>{ $number }</b>，和诉求 { $target } 作为同一件事一起办理：有进展会通知您。
order-similar-title = 📌 附近已经有邻居反映过类似的事：
order-similar-line = • { $number } · { $what } · { $place } · { $since } 反映 · { $status }
order-similar-hint = 如果是同一件事，点下面的「➕ 和 … 是同一件事」，办理进度会一起通知您；不是的话，直接点「✅ 确认提交」。
order-btn-join = ➕ 和 { $number } 是同一件事
order-err-join-closed = 那件事已经办结或关闭了，请直接提交您的诉求。
order-card-joined = 👥 另有 { $count } 位居民反映了同一件事
order-filed-next = 可以在「📂 我的诉求」里随时查看进度。
lookup-request-none = 没有找到编号为 { $number } 的诉求（或不是您能查看的）。您自己的诉求都在「📂 我的诉求」里。
lookup-order-none = 没有找到编号为 { $number } 的工单（或不是您能查看的）。
order-safety-gas = ⚠️ 请立即关闭燃气阀门、打开门窗通风，不要开关电器、不要点火，到室外拨打燃气抢修电话或 119。
order-safety-fire = ⚠️ 请立即离开危险区域，不要乘电梯，用湿毛巾捂住口鼻，马上拨打 119。
order-safety-electric = ⚠️ 请先拉下电闸断电，不要用手直接碰触电的人或电线，需要时拨打 120。
order-safety-fall = ⚠️ 摔倒的人不要急着扶起，先看有没有受伤、能不能动；有意识不清、剧痛或出血请马上拨打 120。
order-safety-unconscious = ⚠️ 请马上拨打 120。让人平躺、头偏向一侧，松开领口，不要喂水喂药；没有呼吸时，按 120 调度员的指导做胸外按压。
order-safety-medical = ⚠️ 病情急的请直接拨打 120，不要等社区回复。
order-safety-flooding = ⚠️ 请先关上家里的进水总阀门；水漫到插座、电器附近时，先拉下电闸断电，再处理积水。
order-safety-poisoning = ⚠️ 疑似煤气中毒：马上开窗通风、把人移到空气新鲜的地方，拨打 120。误服药物或有毒的东西：带上药盒或包装，立即拨打 120。
order-safety-trapped = ⚠️ 被困电梯请按电梯里的警铃或拨打轿厢内的救援电话，不要扒门、撬门；有人被困或掉进井坑，请立即拨打 119。
order-safety-violence = ⚠️ 有人动手或拿着凶器时，请先远离、保护好自己，立即拨打 110。
order-safety-self_harm = ⚠️ 有人可能轻生，请立即拨打 110 或 120，尽量有人陪在他身边，不要让他独处。
order-safety-missing = ⚠️ 老人或孩子走失，请立即拨打 110 报警，不用等满 24 小时；准备好近照，记下走失时穿的衣服。
order-safety-falling_object = ⚠️ 请远离下方、提醒过路的人绕行；有人受伤请拨打 120。
order-safety-collapse = ⚠️ 请马上离开可能坍塌的地方，提醒邻居不要靠近，拨打 119。
order-safety-alone_unreachable = ⚠️ 担心独居的人在家出了意外、又敲不开门时，可以拨打 110 请民警协助上门查看。

## Resident: my requests

order-mine-empty = 您还没有提交过诉求。点「📝 我要点单」就可以反映问题。
order-mine-title = <b>我的诉求</b>（共 { $total } 件，第 { $page }/{ $pages } 页）
order-mine-line = { $number } · { $status } · { $time }
    { $text }
order-btn-open-number = 查看 { $number }
order-btn-add-info = ➕ 补充信息
order-btn-withdraw = ↩️ 撤回
order-btn-withdraw-yes = 确定撤回
order-btn-view-mine = 查看进度
order-ask-add-info = 请补充诉求 { $number } 的信息（文字、照片或语音）。
order-info-added = 已补充到诉求 { $number }。
order-info-added-moved = 已补充到诉求 { $number }。
    📍 地点已改为 { $place }，由 { $grid } 的工作人员处理。
order-info-added-place = 已补充到诉求 { $number }。工作人员已经在办理，您说的地点（{ $place }）已转告他们。
order-ask-withdraw = 确定要撤回诉求 { $number } 吗？
order-typed-only-matter = 您现在在办的事只有一件：诉求 { $number }（{ $about }）。
order-typed-named-matter = 您说的是诉求 { $number }（{ $about }）。
order-withdrawn = 诉求 { $number } 已撤回。
order-card-merged = 这件事已和诉求 { $number } 合并办理，进度会一起通知您。

## Rating

order-rate-satisfied = 😊 满意
order-rate-basic = 🙂 基本满意
order-rate-unsatisfied = 😞 不满意
order-rate-typed = 您是要给诉求 { $number } 打分「{ $score }」吗？点一下下面对应的按钮就记下了：
order-rate-typed-none = 谢谢您的反馈！目前没有等您评价的诉求；事情办完后，我们会请您打分。
order-rate-points = 您给的是 { $points } { $unit ->
        [star] 星
       *[point] 分
    }{ $out_of ->
        [10] （满分 10 分）：我们的评价分三档（8–10 分算满意，5–7 分算基本满意，4 分及以下算不满意）
       *[other] ：我们的评价分三档（4–5 分算满意，3 分算基本满意，1–2 分算不满意）
    }，所以给诉求 { $number } 记作「{ $score }」。
    对的话点「{ $score }」就记下了；想换一档，点另一个：
order-rate-comment-kept = 您说的「{ $comment }」会和评价一起记下，不用再说一遍。
order-rate-not-that = 好的，不记「{ $score }」。诉求 { $number } 您觉得办得怎么样？请点下面的按钮选一个：
order-rate-unclear = 您是要给诉求 { $number } 打分吗？请点下面的按钮选一个：满意、基本满意，还是不满意。
order-rated-typed = 好的，按您说的记下了：诉求 { $number } 的评价是「{ $score }」。谢谢！还想说点什么吗？可以写一句，或点「{ common-skip }」。
order-rated-typed-unsatisfied = 按您说的记下了：诉求 { $number } 的评价是「{ $score }」。很抱歉没让您满意，已转给社区重新办理。请说说哪里还不好，或点「{ common-skip }」。
order-rated-typed-comment = 好的，按您说的记下了：诉求 { $number } 的评价是「{ $score }」，您说的话也一起记下了。谢谢！
order-rated-typed-unsatisfied-comment = 按您说的记下了：诉求 { $number } 的评价是「{ $score }」。很抱歉没让您满意，已连同您说的情况转给社区重新办理。
order-ask-comment = 谢谢，您的评价已记下！还想说点什么吗？可以写一句，或点「跳过」。
order-ask-comment-unsatisfied = 很抱歉没让您满意，已转给社区重新办理。请说说哪里还不好，或点「跳过」。
order-rate-comment-how = 直接打字说说哪里还不好就行，比如「灯还是不亮」；不想说就点上面的「{ common-skip }」。
order-rated-choice = 您的评价：{ $score }
# on the rating notice once 不满意 is tapped: the matter is no longer done
order-rated-choice-reopened = 您的评价：{ $score }（已转给社区重新办理）
order-rated-thanks = 感谢您的评价！
order-rated-comment-saved = 谢谢，您的话我们记下了。
order-rated-reopened = 已记下，社区会重新办理，并尽快联系您。
# something typed while a request done lately awaits its score (offer_rating_first)
order-rate-after-done-said = 您是说诉求 { $number }（{ $about }）吗？它刚办好，请给这次服务打个分，您刚才说的话会一起转给社区；不满意的话社区会重新处理。
    如果说的是另一件事，请点「{ fallback-file-button }」。
order-rate-after-done-ask = { $lead ->
        [done] 太好了！
       *[thanks] 不客气！
    }诉求 { $number }（{ $about }）已经办好了，方便的话请给这次服务打个分：
order-rated-reopened-said = 已记下，您说的话也转给了社区，他们会重新办理并尽快联系您。

## Cards

order-card-title = <b>诉求 { $number }</b> · { $status }
order-card-category = 分类：{ $category }
order-card-place = 地点：{ $place }
order-card-time = 时间：{ $time }
order-card-urgent = 🚨 紧急（{ $reasons }）
order-card-contact = 联系人：{ $name } · 电话：{ $phone } · 房号：{ $room }
order-card-contact-no-phone = 联系人：{ $name } · 未留电话 · 房号：{ $room }
order-card-phone-from-signup = { $phone }（报到时留的）
order-card-resident-english = 🌐 居民使用英文
order-card-channel = 渠道：{ $channel }
order-card-keywords = 关键词：{ $keywords }
order-card-text = { $text }
order-card-voices = 🎤 语音 { $count } 条（点「📎 附件」收听）
order-card-declined = 不予受理的原因：{ $reason }
order-card-declined-before = 此前不予受理的原因：{ $reason }
# the time first, then what: a date-time carries its own brackets ('12月9日（周三）19:30'),
# so none around it
order-card-review = 🔁 { $time } 居民申请复核：{ $reason }
order-btn-review = 🔁 申请复核
order-btn-review-typed = 🔁 申请复核（用刚才这段话说明理由）
order-ask-review = 诉求 { $number } 不予受理的原因是：{ $reason }
    如果您认为社区应该再看看，请说说理由，社区工作人员会重新处理（每件诉求可以申请一次复核）：
order-review-asked = 已为诉求 { $number } 申请复核，社区工作人员会重新处理，有进展会告诉您。
order-review-words-please = 请用文字说说为什么需要社区再看看。照片可以在申请之后，从「📂 我的诉求」→「➕ 补充信息」里发。
order-review-offer = 您的诉求 { $number } 社区答复不予受理（原因：{ $reason }）。
    您刚才说的，是想请社区再看看这件事吗？
order-err-review-used = 诉求 { $number } 已经申请过一次复核了。如有疑问，请直接致电社区。
order-err-review-late = 诉求 { $number } 不予受理已经超过 14 天，不能再申请复核了；可以重新点单，或致电社区。
order-err-review-empty = 请用几句话说说理由。
order-card-result = 办理结果：{ $note }
order-card-rating = { $time } 居民评价：{ $score }{ $comment ->
        [none] {""}
       *[other] {" · "}{ $comment }
    }
order-card-rating-mine = { $time } 您的评价：{ $score }{ $comment ->
        [none] {""}
       *[other] {" · "}{ $comment }
    }
order-card-rating-by-phone = （电话回访{ $staff ->
        [none] {""}
       *[other] ，{ $staff }记录
    }）
# a rating staff recorded for a resident who left no phone (after a visit): not said to be by phone
order-card-rating-recorded = （{ $staff ->
        [none] 工作人员代为记录
       *[other] { $staff }代为记录
    }）
order-btn-phone-rating = 📞 电话回访
order-ask-phone-rating = 📞 电话回访诉求 { $number }
    联系人：{ $name } · 电话：{ $phone }
    打电话问问居民对结果是否满意，再点下面记录居民的评价：
# 📞 电话回访 for a resident who left no phone: no call to make, what staff can do instead
order-btn-visit-rating = 📝 记录回访
order-ask-visit-rating = 📝 回访诉求 { $number }
    联系人：{ $name } · 未留电话 · { $room ->
        [none] 未留房号
       *[other] 房号：{ $room }
    }
    居民没留电话，可以上门问问居民对结果是否满意{ $chat ->
        [yes] ；评价请求也已发到居民的聊天里，居民可以自己点
       *[other] {""}
    }。问过之后，点下面记录居民的评价：
order-ask-phone-comment = 居民的评价：{ $score }。居民还说了什么吗？可以记一句，或点「跳过」。
order-ask-phone-comment-unsatisfied = 居民的评价：{ $score }。请记下居民不满意的地方（诉求会重新交给社区处理），或点「跳过」。
order-phone-comment-words = 请用文字记下居民说的话，或点「跳过」。
order-phone-rated = 已记录诉求 { $number } 的电话回访：{ $score }。
order-phone-rated-reopened = 已记录诉求 { $number } 的电话回访：{ $score }。诉求已重新打开，等待处理。
order-visit-rated = 已记录诉求 { $number } 的回访：{ $score }。
order-visit-rated-reopened = 已记录诉求 { $number } 的回访：{ $score }。诉求已重新打开，等待处理。
order-card-closed-unrated = 回访期内居民没有评价，已自动结案。
order-card-closed-unrated-mine = 回访期内没有收到您的评价，已自动结案。如果问题还在，请点「{ menu-order-new }」再告诉我们。
order-card-duplicates = ⚠️ 可能与 { $numbers }是同一件事
# each likely duplicate on a card, with how alike the two read (services.triage.duplicates.likeness)
order-card-duplicate-high = { $number }（很像）
order-card-duplicate-mid = { $number }（比较像）
order-card-duplicate-low = { $number }（有点像）
order-card-transfer = 转办：{ $unit } · { $time } · 说明：{ $note }
order-card-transfer-answer = 转办答复：{ $answer }
order-card-transfer-progress = { $time } 的最新进展：{ $answer }
order-card-with-unit = 已转交「{ $unit }」办理，社区在跟进。
order-card-progress-open = 进展：正在等党员/志愿者接单。
order-card-progress-partial = 进展：已有 { $claimed } 位党员/志愿者接单，还在等 { $left } 位。
order-card-progress-claimed = 进展：党员/志愿者已接单，会尽快联系您。
order-card-progress-reported = 进展：已办完，社区正在验收。
order-card-transfer-follow-up = 跟进时间：{ $time }
order-merge-candidates = 也可以直接点可能重复的诉求：
order-btn-merge-into = 🔗 并入 { $number }
order-attachment-caption = 诉求 { $number } · { $purpose }

## Staff: queue and triage

order-queue-empty = 目前没有待受理的诉求。👍
order-queue-title = <b>待办诉求</b>（共 { $total } 件，第 { $page }/{ $pages } 页，紧急和最早的在前）
order-queue-line = { $mark } { $number } · { $category } · { $place } · { $time }
    { $text }
# 办理中: who took it
order-queue-claimants = 接单：{ $names }
order-btn-search = 🔎 查找诉求
order-btn-search-again = 🔎 重新查找
order-search-ask = 要找哪件诉求？请输入诉求编号（例如 00012）、居民的姓名、电话、房号、楼栋，或诉求里的字词（例如「漏水」）：
order-search-empty = 请输入要查找的内容。
order-search-none = 没有找到含「{ $words }」的诉求（只查您负责的范围）。
order-search-title = <b>查找「{ $words }」</b>（共 { $total } 件，第 { $page }/{ $pages } 页，最新的在前）
order-search-gone = 这次查找的结果已经过期了，请重新查找。
order-btn-open-request = 📄 查看诉求
order-btn-open-order = 查看工单 { $number }
order-btn-attachments = 📎 附件（{ $count }）
order-btn-issue = 📤 派单
order-btn-handle = 🙋 直接办理
order-btn-transfer = ↗️ 转办
order-btn-merge = 🔗 合并
order-btn-decline = ❌ 不受理
order-btn-category = 🏷 改分类
order-btn-staff-place = 📍 改地点
order-btn-mark-urgent = 🚨 标为紧急
order-btn-unmark-urgent = 取消紧急
order-btn-close = ✔️ 结案
order-btn-result = 📝 填写结果
order-btn-answer = 📥 记录回复
order-btn-needed = 👥 { $count } 人
order-btn-points = ⭐ { $points } 积分
order-btn-hours = ⏰ { $hours } 小时
order-btn-edit-title = ✏️ 改标题
order-btn-publish = ✅ 发布工单
order-btn-solved = 已解决
order-btn-not-solved = 未解决，退回
order-btn-in-progress = ⏳ 还在办，继续跟进
order-issue-title = <b>为诉求 { $number } 派单</b>
order-issue-name = 标题：{ $title }
order-issue-skills = 需要的技能：{ $skills }
order-issue-any-skill = 不限
order-issue-matching = 符合条件的党员/志愿者：{ $count } 位
order-issue-nobody = ⚠️ 目前没有人符合条件，发布后没人能看到。可以点「不限技能」或「改为全社区」。
order-btn-any-skill = 🧰 不限技能
order-btn-skills-default = 🧰 按分类要求技能
order-issue-deadline = 办理时限：{ $hours } 小时
order-issue-deadline-at = 办理时限：{ $time }
order-issue-deadline-days = 办理时限：{ $hours } 小时（{ $days } 天）
order-issue-deadline-minutes = 办理时限：{ $hours } 小时 { $minutes } 分钟
order-issue-deadline-word = 办理时限：{ $time }（「{ $word }」按 { $clock } 算；不是这个点的话，直接输入时间，例如「明天17:30前」）
order-issue-needed = 需要人数：{ $count }
order-issue-points = 积分：{ $points }
order-ask-title = 请输入工单标题（60 字以内）：
order-title-set = ✓ 标题已更新。下面是工单的样子，确认无误请点「{ order-btn-publish }」。
order-title-cut = ✓ 标题已更新（超过 60 字，后面的部分已省去）。下面是工单的样子，确认无误请点「{ order-btn-publish }」。
order-issued = ✅ 工单 { $number } 已发布，已通知 { $count } 位党员/志愿者。
order-issued-nobody = ⚠️ 本社区没有党员/志愿者具备这张工单要求的技能（或服务这个网格），目前没有人能看到它。可以发给全社区所有党员/志愿者。
order-issued-too-few = ⚠️ 这张工单需要 { $need } 人，但具备技能（或服务这个网格）的只有 { $count } 人，可能凑不齐。可以发给全社区所有党员/志愿者。
order-btn-offer-all = 📣 发给全社区所有党员/志愿者
order-offered-all = ✅ 工单 { $number } 已不限技能和网格，已通知 { $count } 位党员/志愿者。
order-offered-all-none = ⚠️ 工单 { $number } 已不限技能和网格，但本社区还没有已通过报到的党员/志愿者。请社区直接办理或转办。
order-issue-nobody-grid = ⚠️ 本网格目前没有人符合条件，发布后没人能看到。可以点「不限技能」；要派给全社区，请联系社区工作人员。
order-issued-nobody-grid = ⚠️ 本网格没有党员/志愿者具备这张工单要求的技能，目前没有人能看到它。可以不限技能，发给本网格所有党员/志愿者。
order-issued-too-few-grid = ⚠️ 这张工单需要 { $need } 人，但本网格具备技能的只有 { $count } 人，可能凑不齐。可以不限技能，发给本网格所有党员/志愿者。
order-btn-offer-all-grid = 📣 发给本网格所有党员/志愿者
order-offered-grid = ✅ 工单 { $number } 已不限技能，已通知本网格 { $count } 位党员/志愿者。
order-offered-grid-none = ⚠️ 工单 { $number } 已不限技能，但本网格还没有已通过报到的党员/志愿者。可以请社区工作人员派给全社区，或直接办理、转办。
order-err-grid-only = 您是网格员，工单只能派给您负责网格的党员/志愿者。要派给全社区，请联系社区工作人员。
order-offers-held = 🌙 现在是夜间免打扰时段：其中 { $count } 位会在 { $time } 收到这张工单。
# under order-issued at night: the resident's 已派单 notice is held too (lead: no 🌙 line above)
order-issued-resident-night = { $lead ->
        [yes] 🌙 现在是夜间免打扰时段：居民
       *[no] 居民
    }会在 { $at } 收到已派单的消息。
order-handling = 诉求 { $number } 由您直接办理，办完后请点「📝 填写结果」。
order-ask-transfer-unit = 诉求 { $number } 转办给哪个单位？请输入单位名称：
order-transfer-recent = 以前转办过的单位，点一下就行（也可以直接输入）：
order-transfer-chosen = 转办给：{ $unit }
order-ask-transfer-note = 有什么需要说明的吗？可以写一句，或点「跳过」。
order-transferred = 诉求 { $number } 已转办，{ $time } 会提醒您跟进。
order-ask-answer = 请输入承办单位对诉求 { $number } 的答复：
order-ask-answer-solved = 答复：{ $answer }
    问题解决了吗？（答复要改的话，直接重新输入即可）
order-answer-recorded = 已记录诉求 { $number } 的答复并告知居民。
# the *-night texts: quiet hours hold the resident's notice till { $at }
order-answer-recorded-night = 已记录诉求 { $number } 的答复。现在是夜间免打扰时段，居民会在 { $at } 收到。
order-progress-recorded = 已记录诉求 { $number } 的进展并告知居民，{ $time } 会再提醒您跟进。
order-progress-recorded-night = 已记录诉求 { $number } 的进展，{ $time } 会再提醒您跟进。现在是夜间免打扰时段，居民会在 { $at } 收到。
order-ask-merge = 诉求 { $number } 要合并到哪件诉求？请输入它的编号：
order-merged = 诉求 { $number } 已并入诉求 { $into }，居民会跟着 { $into } 收到进度。
# under order-merged when the two are not in the same building
order-merged-apart = ⚠️ 这两件诉求不在同一栋楼：{ $number } 在 { $here }，{ $into } 在 { $there }。请确认说的是同一件事。
order-ask-decline = 请写明不受理诉求 { $number } 的原因（会告诉居民）：
order-declined = 诉求 { $number } 已不予受理，原因已告诉居民。
order-declined-night = 诉求 { $number } 已不予受理。现在是夜间免打扰时段，居民会在 { $at } 收到原因。
order-decline-repeats = 听起来诉求 { $number } 和另一件是同一件事，可以把它并入那件：居民会跟着那件收到进度，不算不受理。
    请点下面要并入的诉求；确实要不受理，点「{ order-btn-decline-anyway }」。
order-decline-repeats-none = 听起来诉求 { $number } 和另一件重复了，但没找到那件还在办理中的诉求。
    要并入的话，请输入那件诉求的编号（例如 00003）；确实要不受理，点「{ order-btn-decline-anyway }」。
order-btn-merge-into-matter = 🔗 并入 { $number }（{ $what }）
order-btn-decline-anyway = ❌ 仍然不受理
order-ask-result = 请写一下诉求 { $number } 的办理结果（可附一张照片）：
order-result-sent = 诉求 { $number } 的结果已发给居民评价。
order-result-sent-night = 诉求 { $number } 的结果已记下。现在是夜间免打扰时段，居民会在 { $at } 收到结果并评价。
order-closed = 诉求 { $number } 已结案。
order-closed-night = 诉求 { $number } 已结案。现在是夜间免打扰时段，居民会在 { $at } 收到。
order-category-changed = 诉求 { $number } 的分类已改为「{ $category }」。
order-category-same = 诉求 { $number } 本来就是「{ $category }」，没有改动。
order-choose-place = 诉求 { $number } 现在的地点：{ $place }。请选择正确的楼栋；不在哪栋楼（马路、广场、大门外等）的，点「🌳 公共区域」：
order-place-changed = 诉求 { $number } 的地点已改为 { $place }（{ $grid }）。
order-place-same = 诉求 { $number } 本来就在 { $place }，没有改动。
# 📍 改地点 → a public area of the community: no building; a grid to follow it (or none), then
# staff's words for where
order-place-public-area = 公共区域
# not shown: which names of a place (community, grid, building) this language reads
place-names-in = zh
order-btn-place-public = 🌳 公共区域（不在楼栋）
order-choose-place-grid = 把诉求 { $number } 放在社区的公共区域（不在楼栋）。由哪个网格跟进？不属于哪个网格的，点「不分网格」，由全社区的工作人员处理。
order-btn-place-no-grid = 不分网格（全社区）
order-ask-public-area = 诉求 { $number } 在公共区域的哪里（由 { $grid } 跟进）？请输入地点，例如「东门外马路」（{ $limit } 字以内）；不用写就点「跳过」。
# staff marked a request urgent (answer to the tap, at most 200 characters)
order-urgency-marked = 诉求 { $number } 已标为紧急，排在待办最前。{ $alerted ->
        [0] {""}
       *[other] 已提醒网格的 { $alerted } 位社区工作者。
    }{ $released ->
        [0] {""}
       *[other] 夜间暂缓的 { $released } 条工单通知已立即发给党员。
    }
order-urgency-unmarked = 诉求 { $number } 已取消紧急，不会打扰任何人。
# the tap found it already so: a colleague came first
order-urgency-already-urgent = 诉求 { $number } 刚刚已被其他同事标为紧急。
order-urgency-already-not-urgent = 诉求 { $number } 刚刚已被其他同事取消紧急。
order-btn-queue-active = 🔄 办理中的事项
order-btn-queue-waiting = 📋 待受理
order-active-empty = 目前没有办理中的事项。
order-active-title = <b>办理中的事项</b>（共 { $total } 件，第 { $page }/{ $pages } 页）
order-btn-queue-verify = ✅ 待验收（{ $count }）
order-verify-title = <b>待验收的结果</b>（共 { $total } 件，第 { $page }/{ $pages } 页）：党员/志愿者已上报完成，请查看结果后验收或退回
order-verify-empty = 目前没有待验收的结果。
order-verify-mark = 待验收
# past their deadline and still open (as /stats counts 超期): the longest overdue first
order-btn-queue-overdue = ⏰ 超期（{ $count }）
order-overdue-title = <b>超期的事项</b>（共 { $total } 件，第 { $page }/{ $pages } 页，超期最久的在前）
order-overdue-empty = 目前没有超期的事项。👍
order-overdue-hours = 超期 { $count } 小时
order-overdue-days = 超期 { $count } 天
order-issue-area-grid = 派给：本网格的党员/志愿者
order-issue-area-all = 派给：全社区的党员/志愿者
order-btn-area-all = 🗺 改为全社区
order-btn-area-grid = 🗺 改为本网格

## Staff: filing for a resident

order-behalf-building = 居民住在哪栋楼？（不在楼栋的事，如马路、广场、小区门口，点「{ order-btn-place-public }」。）
order-behalf-community = 居民住在哪个社区？
order-behalf-building-in = { $community }：居民住在哪栋楼？（不在楼栋的事，如马路、广场、小区门口，点「{ order-btn-place-public }」。）
order-btn-behalf-communities = ↩️ 换个社区
order-behalf-building-refused = 这栋楼不在您负责的范围内，请从列表里选。
order-behalf-building-read = 已记下：{ $building }。
    { order-behalf-channel }
order-behalf-building-room-read = 已记下：{ $building }，房号 { $room }（不用再输入房号）。
    { order-behalf-channel }
order-behalf-building-not-read = 没有找到「{ $said }」这栋楼。{ $community }的楼栋有：{ $names }。请点下面的按钮选择，或输入楼号，如“2号楼”“2号楼501”。
order-behalf-building-matter-no-building = 您写的「{ $said }」记作居民反映的事情，最后不用再输入。
order-behalf-place-or-matter = 「{ $said }」是小区或楼栋的名称，还是居民反映的事情？请点下面选择：
order-btn-behalf-is-place = 🏠 是小区/楼栋名称
order-btn-behalf-is-matter = 📝 是反映的事情
order-behalf-building-which = 这件事在哪栋楼？{ $community }的楼栋有：{ $names }。请点下面的按钮选择，或输入楼号，如“2号楼”“2号楼501”。
order-behalf-building-not-yours = { $building }不在您负责的范围内。您可以登记的楼栋有：{ $names }。请点下面的按钮选择，或输入其中一栋的楼号。
order-behalf-community-not-read = 没有读出是哪个社区的哪栋楼。请点下面的按钮选择社区，或连同社区一起输入，如“{ $example }2号楼501”。
order-behalf-public-area = 在小区公共区域的哪里？请输入地点，例如「东门外马路」（{ $limit } 字以内）；不用写就点「{ common-skip }」。
order-behalf-channel = 居民是怎么反映的？
order-behalf-room = 房号是多少？（可跳过）
order-behalf-phone = 联系电话？（可跳过）
order-behalf-phone-invalid = 电话号码格式不对。请输入手机号或座机号（如 13900000001、021-12345678），没有的话点「{ common-skip }」。
order-behalf-name = 居民怎么称呼？（如 王奶奶、李先生；可跳过）
order-behalf-name-invalid = 称呼只能是文字，如“王奶奶”“李先生”，最多 30 个字。没有的话点「{ common-skip }」。
order-behalf-name-matter-kept = 这像是居民反映的事情，已经先记下了，下一步不用再输入。请先写居民的称呼，如“王奶奶”“李先生”；没有的话点「{ common-skip }」，就直接登记。
order-behalf-building-matter-kept = 您写的「{ $said }」记作居民反映的事情，最后不用再输入：填完称呼（或跳过）就登记。
order-behalf-name-matter-waiting = 反映的事情已记下：「{ $said }」。写好称呼或点「{ common-skip }」就登记。
order-behalf-text = 请输入居民反映的事情：
order-behalf-filed = ✅ 已代为登记，编号 <b>{ $number }</b>。
order-behalf-cancelled = 已取消代居民登记，没有登记任何诉求。

## Members: claims

order-open-empty = 暂时没有适合您的工单。有新工单会第一时间通知您。
order-open-title = <b>可接工单</b>（共 { $total } 件，第 { $page }/{ $pages } 页）
order-open-line = { $urgent ->
        [yes] 🚨 紧急 · {""}
       *[other] {""}
    }{ $number } · { $title }
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }{ $place } · 时限 { $deadline } · 已接 { $taken }/{ $needed }
# a line of 可接工单 once the order is no longer to claim from it (services.open_lists)
order-open-line-state = { $state ->
        [mine] ✅ 您已接下，在「{ menu-order-claims }」里
        [carded] ⬇️ 详情已在下方打开，接单请点那条里的「{ order-btn-claim }」
        [resent] ⬇️ 又在等人接了，另发一条新消息给您（夜里的话早上发），接单请点那条里的「{ order-btn-claim }」
        [full] ✅ 已接满
       *[closed] { $why ->
            [done] ✅ 已经有人办完了
            [direct] 🏢 已由社区直接办理
            [transferred] 🏢 已转交其他单位办理
            [merged] 🔗 已并入同一件事的诉求
            [declined] ⛔ 社区已不再办理
            [closed] ⛔ 已关闭
            [reissued] 🔄 已取消，社区已重新派单
           *[other] ⛔ 已取消
        }
    }
order-btn-claim = ✋ 接单
order-btn-claim-number = ✋ 接 { $number }
order-btn-details = 详情
order-order-title = <b>工单 { $number }</b> · { $title } · { $status }
order-order-claims = 已接 { $taken }/{ $needed } 人 · 积分 { $points }
order-order-claimants = 接单人：{ $names }
order-contact-after-claim = 接单后可以看到居民的联系电话和房号。
order-claimed-short = 接单成功！
order-claimed = ✅ 您已接下工单 { $number }。请尽快联系居民，办完后点「✅ 完成上报」。
# the resident left no phone: how the claimant reaches them (order-reach-*)
order-claimed-no-phone = ✅ 您已接下工单 { $number }。{ $how }办完后点「✅ 完成上报」。
order-card-no-phone = 没有留
order-reach-visit = 📵 居民没有留电话：请直接到 { $where } 当面联系，或请{ $staff }帮忙联系居民。
order-reach-ask-staff = 📵 居民没有留电话和房号：请{ $staff }帮忙联系居民。
order-reach-staff-named = 社区工作人员{ $name }
order-reach-staff = 社区工作人员
order-claims-empty = 您目前没有进行中的工单。
order-claims-title = <b>我的工单</b>（{ $count } 件）
order-claims-line = { $number } · { $title } · { $status } · 时限 { $deadline }
order-btn-report-done = ✅ 完成上报
# a member typed '修好了' instead of tapping 完成上报
order-typed-done-one = 工单 { $number }（{ $title }）办完了吗？请点下面的「✅ 完成上报」，写几句办理情况，有照片可以附上。
order-typed-done-which = 您手上有 { $count } 件工单，是哪一件办完了？点那一件的按钮上报。
order-btn-report-done-of = ✅ { $number } { $title }
order-typed-told-which = 您说的「{ $note }」是哪一件工单办完了？您手上有 { $count } 件，点那一件的按钮，这段话就作为它的完成上报，确认后再发出。
# a report told at length by a member with one order in hand: the report begun with it, to confirm
order-report-typed = 工单 { $number }（{ $title }）的完成上报，{ $note ->
        [none] 已收到照片 { $photos } 张
       *[other] 已记下您说的：「{ $note }」{ $photos ->
            [0] {""}
           *[other] ，照片 { $photos } 张
        }
    }
    { $note ->
        [none] 请再写一句做了什么，照片可以继续发；写好后点「{ order-btn-finished }」上报。
       *[other] 有照片可以现在发来，还可以补充文字；确认上报请点「{ order-btn-finished }」。
    }不是要上报的话点「{ common-cancel }」，什么也不会发出。
order-btn-report-photo-of = ✅ 完成上报：{ $number }
order-photo-report-hint = 如果这是您手上工单办完的照片，点「✅ 完成上报」，照片会放进那件工单的完成上报，您确认后才发出。
# a member asked not to be sent work for a while ('我这周出差，先别派给我')
order-pause-held = 您手上还有 { $count } 件工单。办不了的话，点下面那一件的「↩️ 放弃」，写一句原因，社区会另外安排人。
# a member asked about an order in words ('这个单在哪', '几点之前要做完', '居民电话多少')
order-asked-one = 工单 { $number }（{ $title }）的地点、时限和居民的联系方式都在下面这张卡片上：
order-asked-which = 您手上有 { $count } 件工单，地点、时限和居民的联系方式都在下面各自的卡片上：
order-asked-none = 您手上还没有接下的工单。{ $asked ->
        [contact] 居民的电话和房号，接单后才会显示在工单卡片上。
       *[other] {""}
    }可接工单的地点和时限都写在「{ menu-order-open }」里。
order-btn-release = ↩️ 放弃工单
# 💬 告诉社区: a member holding an order tells its staff how it goes (no state change)
order-btn-tell = 💬 告诉社区
order-btn-tell-of = 💬 告诉社区：{ $number }
order-ask-note = 工单 { $number } 有什么情况要告诉社区？请写一两句，例如「敲门没人在家」「需要换零件，明天再来」，社区工作人员会收到。
order-note-passed = ✅ 已转告社区（工单 { $number }），也记进了台账。
order-typed-note-hint = 如果这是您手上工单的情况（比如「敲门没人在家」），点「💬 告诉社区」，这句话会原样转给社区工作人员。
order-claim-ended = 工单 { $number } { $how ->
        [reassigned] 已由社区改派给其他人
        [released] 已经由您放弃了
        [done] 已经验收了
        [cancelled] 已经撤销了
       *[other] 已经不在您手上了
    }，这一步不能再做了。谢谢您！
order-note-closed = 工单 { $number } { $status ->
        [done] 已经上报完成，正在等待验收
        [verified] 已经验收了
        [cancelled] 已经撤销了
       *[other] 已经不在您手上了
    }，不能再通过它告诉社区了。有事请直接联系社区工作人员。
order-ask-release = 为什么要放弃工单 { $number }？请写一句原因：
order-released = 已放弃工单 { $number }，会重新派给其他人。
order-btn-reassign = 🔁 改派（{ $name }）
order-btn-cancel-order = ✖️ 撤销工单
order-ask-cancel-order = 撤销工单 { $number } 的原因：
order-cancelled = 工单 { $number } 已撤销，诉求回到待办列表。
order-reassign-none = 没有其他可以改派的党员/志愿者。
order-reassign-choose = 改派给谁？
order-reassigned = 工单 { $number } 已改派给 { $name }。

## Results (晒单)

order-ask-report = 请写一下工单 { $number } 做了什么，可以附上照片。写完点「✅ 说完了」。
order-ask-report-again = 请重新写一下工单 { $number } 做了什么，可以补发照片。写完点「✅ 说完了」。
# after 退回, under the question or the report begun in words: the last report, its photos kept
order-report-last = 上次上报写的是：「{ $note }」{ $photos ->
        [0] {""}
       *[other] ，照片 { $photos } 张会保留，不用再发
    }。这次写的文字会替换上次的，请写完整。
# a report begun before and left (取消, a menu button, another form): what it held, to go on
order-ask-report-draft = 工单 { $number } 的完成上报，接着上次没写完的继续：
    { $note ->
        [none] 还没有写文字
       *[other] 已写：「{ $note }」
    }{ $photos ->
        [0] {""}
       *[other] ，照片 { $photos } 张
    }
    可以继续补充文字或照片，写完点「{ order-btn-finished }」；想从头写，点「{ order-btn-report-restart }」。
order-btn-report-restart = 🗑 重新写
order-report-kept = 已取消。写好的内容已经为您保存，再点工单上的「{ order-btn-report-done }」就能接着写。
order-report-cancel-meant = 不上报了的话，请点下方的「{ common-cancel }」，写好的内容会为您保存。要接着写就直接发文字或照片，写完点「{ order-btn-finished }」。
order-ask-report-text = 请先用文字说明办理情况。
order-reported = ✅ 工单 { $number } 已上报，等待社区验收。
# the card whose 完成上报 was tapped, once reported (without the button)
order-card-reported = ⏳ 已上报完成情况，等待社区验收。
order-card-replaced = （工单 { $number } 的卡片已在下面重新打开，请看下面最新的一张。）
order-request-card-replaced = （诉求 { $number } 的卡片已在下面重新打开，请看下面最新的一张。）
# an older card's 完成上报 tapped after the order was reported (alert)
order-report-already = 工单 { $number } 已经上报过了，正在等待社区验收。
order-btn-verify = ✅ 验收通过
order-btn-result-photos = 🖼 查看照片
order-btn-send-back = ↩️ 退回
order-verified = ✅ 工单 { $number } 已验收，积分已发放，结果已请居民评价。
order-verified-night = ✅ 工单 { $number } 已验收，积分已发放。现在是夜间免打扰时段，居民会在 { $at } 收到结果并评价。
order-ask-send-back = 工单 { $number } 还差什么？请写一句（会发给接单人）：
order-sent-back = 工单 { $number } 已退回给接单人。
order-verify-taken = 工单 { $number } 已经不在待验收了：{ $name } { $how ->
        [verify] 已验收通过
        [send_back] 已退回给接单人
        [cancel] 已撤销了工单
       *[other] 已处理过
    }。
# a colleague's 请验收 notice once the result was checked: under its words, without buttons
order-verify-decided = { $how ->
        [verify] ✅ { $name } 已于 { $time } 验收通过
        [send_back] ↩️ { $name } 已于 { $time } 退回给接单人
       *[other] { $name } 已于 { $time } 处理过
    }，不用再验收了。
order-send-back-reason-dropped = 您写的原因没有发出：{ $reason }
order-card-sent-back = ↩️ 已退回给接单人，原因：{ $reason }
order-sent-back-menu = 已通知接单人补充。

## Notices to others

# what the resident attached to a new request, under its words on staff's notice of it
# ($photos, $voices: how many; the line is left out when both are 0)
order-notice-attached = { $photos ->
        [0] {""}
       *[other] 📷 { $photos } 张照片
    }{ $photos ->
        [0] {""}
       *[other] { $voices ->
            [0] {""}
           *[other] {" · "}
        }
    }{ $voices ->
        [0] {""}
       *[other] 🎤 { $voices } 条语音
    }
order-notice-new = 📥 新诉求 { $number } · { $category }
    { $place }
    { $text }{ $photos ->
        [0] { $voices ->
            [0] {""}
           *[other] {"\u000A"}{ order-notice-attached }
        }
       *[other] {"\u000A"}{ order-notice-attached }
    }
order-notice-urgent = 🚨 紧急诉求 { $number } · { $category }！请立即处理。
    { $place }
    { $text }{ $photos ->
        [0] { $voices ->
            [0] {""}
           *[other] {"\u000A"}{ order-notice-attached }
        }
       *[other] {"\u000A"}{ order-notice-attached }
    }
order-notice-info-added = 诉求 { $number } 有居民补充的信息。
order-notice-info-added-place = 诉求 { $number } 有居民补充的信息：居民说地点在 { $place }（登记的地点是 { $before }），请核实。
order-notice-info-added-moved = 📍 诉求 { $number } 有居民补充的信息：地点改为 { $place }（原为 { $before }），归 { $grid }。
order-notice-moved-away = 📍 诉求 { $number } 的居民补充说地点在 { $place }（原为 { $before }），已改由 { $grid } 处理，您不用再跟进。
order-card-moved-away = 📍 诉求 { $number } 已改由 { $grid } 处理（地点：{ $place }，原为 { $before }）。
order-notice-place-moved = 📍 诉求 { $number } 的地点已由工作人员改为 { $place }（原为 { $before }），归 { $grid }。
order-notice-place-moved-away = 📍 诉求 { $number } 的地点已由工作人员改为 { $place }（原为 { $before }），已改由 { $grid } 处理，您不用再跟进。
order-notice-moved-in = 📍 转来的诉求 { $number } · { $category }（原在 { $before }，现归 { $grid }），请接着跟进。当前状态：{ $status ->
        [reopened] 重新办理
        [ordered] 已派单
        [handling] 社区办理中
        [transferred] 已转办
       *[other] 待受理
    }
    { $place }
    { $text }
order-notice-place-changed = 📍 您的诉求 { $number } 的地点已由社区工作人员更正为 { $place }，由 { $grid } 的工作人员处理。
order-notice-info-added-member = 📎 工单 { $order }（诉求 { $number }）的居民补充了信息：{ $has_note ->
        [yes] { $note }
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] （附照片，见图）
    }{ $voice ->
        [yes] （一条语音，可请社区工作人员转述）
       *[no] {""}
    }
order-notice-ordered = 您的诉求 { $number } 已受理，社区已派单，正在安排人员。
order-notice-handling = 您的诉求 { $number } 已受理，由社区工作人员直接办理。
order-notice-transferred = 您的诉求 { $number } 已转交「{ $unit }」办理，我们会跟进。
order-notice-transfer-progress = 您的诉求 { $number } 有了进展：{ $answer }
    还在办理中，办好后会告诉您。
order-notice-transfer-answer = 诉求 { $number } 有了答复：{ $answer }
order-notice-merged = 您的诉求 { $number } 已和诉求 { $target } 合并办理，进度会一起通知您。
order-notice-declined = 很抱歉，您的诉求 { $number } 不予受理。原因：{ $reason }{ $phone ->
        [none] {""}
       *[other] {"\u000A"}如有疑问，可以致电社区：{ $phone }
    }
    如果您认为社区应该再看看，可以点「查看进度」→「🔁 申请复核」，说说理由。
order-notice-closed = 您的诉求 { $number } 已结案。
order-notice-claimed = 您的诉求 { $number } 已有党员/志愿者接单，他们会尽快联系您。
order-notice-offer = { $urgent ->
        [yes] 🚨 紧急 · {""}
       *[other] {""}
    }🛠 新工单 { $number }：{ $title }
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ 时限 { $due } · {""}
    }⭐ { $points } 积分 · 还需 { $need } 人
    需要的话点「✋ 接单」。
order-notice-offer-again = { $urgent ->
        [yes] 🚨 紧急 · {""}
       *[other] {""}
    }🛠 工单 { $number }（{ $title }）还在等人接，您能帮忙吗？
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ 时限 { $due } · {""}
    }⭐ { $points } 积分 · 还需 { $need } 人
order-notice-offer-resent = 🛠 工单 { $number }：{ $title }
    📍 { $place }
    ⬇️ 又在等人接了，另发了一条新消息给您{ $urgent ->
        [yes] {""}
       *[other] （夜里的话早上发）
    }，请在最新的那条里点「✋ 接单」。
order-notice-offer-carded = 🛠 工单 { $number }：{ $title }
    📍 { $place }
    ⬇️ 您已经在下面打开了这张工单的详情，要接单请在那条里点「{ order-btn-claim }」。
order-notice-offer-filled = 🛠 工单 { $number }：{ $title }
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }📍 { $place }
    ✅ 已经有人接下，人已满，不用再接了。谢谢您！
order-notice-offer-reopened = { $urgent ->
        [yes] 🚨 紧急 · {""}
       *[other] {""}
    }🛠 工单 { $number }：{ $title }
    { $gist ->
        [none] {""}
       *[other] 「{ $gist }」{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ 时限 { $due } · {""}
    }⭐ { $points } 积分 · 还需 { $need } 人
    🔄 这张工单又可以接了，需要的话点「✋ 接单」。
order-notice-offer-mine = 🛠 工单 { $number }：{ $title }
    📍 { $place }
    ✅ 这个工单您已经接下了，点「详情」查看。
order-notice-offer-closed = 🛠 工单 { $number }：{ $title }
    📍 { $place }
    { $why ->
        [done] ✅ 已经有人办完了
        [direct] 🏢 已由社区直接办理
        [transferred] 🏢 已转交其他单位办理
        [merged] 🔗 已并入同一件事的诉求
        [declined] ⛔ 社区已不再办理
        [closed] ⛔ 已关闭
        [reissued] 🔄 已取消，社区已重新派单
       *[other] ⛔ 已取消
    }，不用再接了。谢谢您！
order-notice-offer-moved = 🛠 工单 { $number }：{ $title }
    📍 地点已更正为 { $place }，不在您的服务区域，不用再接了。谢谢您！
order-notice-staff-claimed = 工单 { $number }（{ $title }）已接满。
order-notice-released = 工单 { $number }：{ $name } 放弃了，原因：{ $reason }。已重新派给 { $count } 位党员/志愿者。
order-notice-released-nobody = ⚠️ 工单 { $number }：{ $name } 放弃了，原因：{ $reason }。没有其他符合条件的党员/志愿者，目前没有人能看到它；可以发给全社区所有党员/志愿者。
order-notice-partner-released = 工单 { $number }：和您一起接单的 { $name } 放弃了，现在由您接着办；{ $offered ->
        [yes] 工单已重新发出，等另一位接单。
       *[other] 社区会再找人一起办。
    }
order-notice-assigned = 社区把工单 { $number }（{ $title }）交给了您。
order-notice-unassigned = 工单 { $number }（{ $title }）已改派给其他人，谢谢您。
order-notice-co-done = 工单 { $number }（{ $title }）：{ $name } 已上报完成，等待社区验收。
order-notice-member-note = 💬 工单 { $number }（{ $title }）· 接单人 { $name }：{ $note }
order-notice-verify = 工单 { $number }（{ $title }）已完成，请验收。
    办理情况：{ $note }
    { $photos ->
        [0] 照片：没有附照片
       *[other] 照片：{ $photos } 张
    }
order-notice-verify-reminder = ⏰ 工单 { $number }（{ $title }）报告完成已经一天了，还没有验收，请尽快验收。
    办理情况：{ $note }
    { $photos ->
        [0] 照片：没有附照片
       *[other] 照片：{ $photos } 张
    }
order-notice-result = ✅ 您的诉求 { $number } 已办好：{ $answer }
    请给这次服务打个分：
order-notice-result-follower = ✅ 您反映的诉求 { $number }（和诉求 { $target } 合并办理）已办好：{ $answer }
    这件事随合并的诉求一起办结。如果还有问题，请点「{ menu-order-new }」再告诉我们。
order-notice-rate-reminder = 诉求 { $number } 已经办好了，您满意吗？请点下面的按钮评价。
# a rating notice once the result was rated (here or on the request's card): no buttons
order-notice-result-rated = ✅ 您的诉求 { $number } 已办好：{ $answer }
    { order-rated-line }
order-notice-transfer-answer-rated = 诉求 { $number } 有了答复：{ $answer }
    { order-rated-line }
order-notice-transfer-answer-closed-unrated = 诉求 { $number } 有了答复：{ $answer }
    { order-closed-unrated-line }
order-notice-rate-reminder-rated = 诉求 { $number } 已经办好了。
    { order-rated-line }
order-rated-line = { $score ->
    [satisfied] 您的评价：{ order-rate-satisfied }
    [basic] 您的评价：{ order-rate-basic }
   *[unsatisfied] 您的评价：{ order-rate-unsatisfied }（已转给社区重新办理）
}
# a rating notice once the follow-up window passed without a rating: no buttons
order-notice-result-closed-unrated = ✅ 您的诉求 { $number } 已办好：{ $answer }
    { order-closed-unrated-line }
order-notice-rate-reminder-closed-unrated = 诉求 { $number } 已经办好了。
    { order-closed-unrated-line }
order-closed-unrated-line = 回访期内没有收到您的评价，这件诉求已自动结案，不能再评价了。如果问题还在，或有意见想告诉社区，请点「{ menu-order-new }」再告诉我们。
order-notice-sent-back = 工单 { $number } 被退回：{ $note }
    补好后请点「✅ 完成上报」再次上报。
order-notice-verified = 🎉 工单 { $number } 已验收，您获得 { $points } 积分。谢谢您！
order-notice-cancelled = 工单 { $number } 已被社区撤销：{ $reason }
order-notice-reopened = ⚠️ 居民对诉求 { $number } 不满意：{ $comment }。请重新办理。
order-notice-reopened-no-reason = ⚠️ 居民对诉求 { $number } 不满意（原因稍后补充）。请重新办理。
order-notice-reopened-reason = 诉求 { $number } 的居民说明了不满意的原因：{ $comment }
order-notice-reopened-complaint = 📣 诉求 { $number } 的居民投诉（已记入台账，未转给本人），说明了不满意的原因：{ $comment }
order-notice-escalated = ⚠️ 工单 { $number }（{ $title }）长时间没人接，请社区安排。
order-notice-unanswered = ⏰ 诉求 { $number } 还没有人受理，请尽快处理。
order-notice-deadline-near = ⏰ 工单 { $number }（{ $title }）快到办理时限了{ $due ->
        [none] {""}
       *[other] ：{ $due }
    }。请抓紧，办完了请点「{ order-btn-report-done }」。
order-notice-deadline-near-staff = ⏰ 工单 { $number }（{ $title }）快到时限了，还没有人接单。
order-notice-overdue = ⏰ 工单 { $number }（{ $title }）已超过办理时限。
order-notice-overdue-member = ⏰ 您接的工单 { $number }（{ $title }）已超过时限{ $due ->
        [none] {""}
       *[other] ，时限是 { $due }
    }。请尽快办理或联系社区：办完了点「{ order-btn-report-done }」，有难处点「{ order-btn-tell }」说一声。
order-notice-transfer-follow-up = ⏰ 诉求 { $number } 转办给「{ $unit }」后还没有答复，请跟进。
order-notice-transfer-still-open = ⏰ 诉求 { $number } 转办给「{ $unit }」，上次的进展：{ $answer }
    还没有办好，请再跟进。
order-notice-review-asked = 🔁 居民对诉求 { $number } 申请复核（此前不予受理：{ $declined }）
    理由：{ $reason }
order-public-card = <b>📣 组织晒单</b>{ $status ->
        [reopened] {"\u000A"}🔁 更新：居民对办理结果不满意，社区正在重新办理。
        [satisfied] {"\u000A"}✅ 更新：社区重新办理后，居民表示满意。
        [basic] {"\u000A"}✅ 更新：社区重新办理后，居民表示基本满意。
        [closed] {"\u000A"}✅ 更新：社区已重新跟进，此事已办结。
       *[none] {""}
    }
    { $title }（{ $category }）
    地点：{ $where }
    服务：{ $by }
    结果：{ $note }
# the order is called by its category's name: the category, in the reader's language
order-public-card-plain = <b>📣 组织晒单</b>{ $status ->
        [reopened] {"\u000A"}🔁 更新：居民对办理结果不满意，社区正在重新办理。
        [satisfied] {"\u000A"}✅ 更新：社区重新办理后，居民表示满意。
        [basic] {"\u000A"}✅ 更新：社区重新办理后，居民表示基本满意。
        [closed] {"\u000A"}✅ 更新：社区已重新跟进，此事已办结。
       *[none] {""}
    }
    { $category }
    地点：{ $where }
    服务：{ $by }
    结果：{ $note }

## Errors

order-err-not-found = 找不到这件诉求或工单。
order-err-note-words = 请用文字写一两句，例如「敲门没人在家」「需要换零件，明天再来」。
order-err-release-reason = 请用一两句话写一下放弃的原因，例如「临时要出差」「这个我修不了」，社区好安排别人。
order-err-changed = 这件事刚刚已经有人处理过了，这个按钮已经用不了。想看它现在的情况，请点下方菜单重新打开。
order-changed-redrawn = 这件事刚刚已经有人处理过了，卡片已更新为最新状态。
order-step-overtaken = 诉求 { $number } 在您填写时已有变化（其他同事处理了，或居民撤回了），现在是「{ $status }」。这一步没有保存，下面是它现在的情况。
order-stale-change = { $who } 在 { $when } 做了「{ $what }」
order-stale-change-unknown = 有同事刚刚处理过
order-list-stale = 这个列表已过期：{ $change }。卡片已更新为最新状态。
order-card-stale = 这张卡片已过期：{ $change }。最新的卡片已更新。
order-list-stale-alert = 这个列表已过期，卡片已更新。
order-form-overtaken = 诉求 { $number } 的派单没有发布：您填写时，{ $change }。这张派单已关闭，什么也没有保存，卡片已更新为最新状态。
order-form-overtaken-alert = 派单没有发布：这件事刚刚有同事处理过了，卡片已更新。
order-report-overtaken = { $ended } 您刚发的没有收下，这份上报已关闭。{ $change }。您的工单卡片已更新为最新状态。
order-err-moved-away = 📍 诉求 { $number } 已改到 { $place }，由 { $grid } 处理，不再由您跟进，这个按钮已经用不了。
order-err-place-claimed = 工单 { $order } 已有人接单，不能再改地点。如地点有误，请先联系接单的党员，或取消工单后再改。
order-err-place-changed = 诉求 { $number } 的地点刚刚改了，工单没有发出。请重新打开诉求看看现在的地点，再派单。
order-err-already-handled = 这件诉求已经在办理中，不能再修改或撤回了。
order-err-already-withdrawn = 这件诉求已经撤回了。
order-err-info-full = 这件诉求已经写了很多（加上这段话超过 { $limit } 字），这段话（{ $length } 字）没有补充进去。请精简后再补充，或者报给社区作为一件新的诉求。
order-err-info-closed = 这件诉求已经办结（或已撤回、合并），不能再补充信息了。如有新情况，请重新点单。
order-err-already-claimed = 您已经接过这张工单了。
order-err-taken = { $why ->
        [done] 这张工单已经有人办完了，不用再接了。
        [direct] 这张工单已由社区直接办理，不用再接了。
        [transferred] 这张工单已转交其他单位办理，不用再接了。
        [merged] 这张工单已并入同一件事的诉求，不用再接了。
        [declined] 社区已不再办理这张工单，不用再接了。
        [closed] 这张工单已关闭，不用再接了。
        [reissued] 这张工单已取消，社区已重新派单。
        [cancelled] 这张工单已取消，不用再接了。
       *[other] 手慢了一步，这张工单已经被接满了。
    }
order-err-rated = 这件诉求已经评价过了。
order-err-rated-earlier = 这条消息是上一次办理结果的评价，已经评价过了。这次的办理结果请在新的通知或「{ menu-order-mine }」里评价。
order-err-closed-unrated = 这件诉求在回访期内没有收到评价，已经自动结案，不能再评价了。如果问题还在或有意见，请点「{ menu-order-new }」再告诉我们。
order-err-category = 没有这个分类。
order-err-channel = 请选择居民反映的渠道。
order-err-members = 人数要在 1 到 { $limit } 之间。
order-err-points = 积分要在 0 到 { $limit } 之间。
order-err-hours = 办理时限要在 1 到 { $limit } 小时之间。
order-form-err-unread = 抱歉，没看懂「{ $typed }」。派单时可以直接输入：
    · 积分，如「15分」
    · 办理时限，如「3天」「48小时」「明天下午5点前」
    · 需要人数，如「4个人」「两人」
    几项可以一起输入，用逗号隔开，如「3个人，20分，3天内」。
    也可以点上面派单消息里的按钮；改标题请点「{ order-btn-edit-title }」。
order-form-err-bare = 「{ $number }」是积分、办理时限还是人数？请带上单位再输入一次，例如「{ $number }分」「{ $number }小时」或「{ $number }个人」。
order-form-err-points = 抱歉，积分要在 0 到 { $limit } 分之间，您输入的是 { $value } 分。请重新输入，或点上面的按钮。
order-form-err-members = 抱歉，需要人数要在 1 到 { $limit } 人之间，您输入的是 { $value } 人。请重新输入，或点上面的按钮。
order-form-err-hours = 抱歉，办理时限要在 1 小时到 { $days } 天之间，您输入的是「{ $typed }」。请重新输入，或点上面的按钮。
order-form-err-past = 抱歉，{ $time } 已经过去了。请输入将来的截止时间，例如「明天下午5点前」。
order-form-err-too-soon = 抱歉，截止时间 { $time } 离现在不到 1 小时，来不及办理。请至少留出 1 小时，例如「3小时」或「明天下午5点前」。
order-form-err-too-far = 抱歉，截止时间 { $time } 太远了，办理时限最长 { $days } 天。请输入 { $days } 天以内的时间。
order-form-err-day-only = 「{ $typed }」几点截止呢？请写上时间，例如「周五下午5点前」或「明天18:00前」。
order-form-err-day-past = 抱歉，「{ $typed }」已经过去了。请输入将来的截止时间，例如「明天下午5点前」。
order-err-number = 请输入诉求编号（数字）。
order-err-merge-target = 找不到可以合并的诉求（要同一社区、还在办理中的）。
order-err-merge-self = 不能把诉求 { $number } 合并到它自己。请输入另一件还在办理中的诉求的编号。
order-err-too-many = 您 24 小时内已经提交了 { $limit } 件诉求，请{ $hours ->
        [0] {" "}{ $minutes } 分钟
       *[other] 约 { $hours } 小时
    }后再提交。急事请直接打电话给社区。
order-err-burst = 您 { $window } 分钟内已经提交了 { $limit } 件诉求。为防止刷屏，请 { $minutes } 分钟后再提交。急事请直接打电话给社区。
order-draft-kept = 您写的内容都还在，没有丢。到时候点上面的「✅ 确认提交」就能提交；也可以点「📝 我要点单」把它找回来。
order-draft-held = 您上次还没提交成功的诉求还在，可以接着提交：
order-draft-expired = 这份诉求草稿超过 { $days } 天没有提交，已经过期清除了，这件事还没有登记。请点「{ menu-order-new }」重新填写。

## Stats and the ledger

order-stats-choose =
    请选择统计时段：
    <i>其他时段直接说就行，例如「上周」「11月」「最近30天」；也可以在命令后写上，例如 /stats 2026-11（一个月）、/stats 2026（一年）或 /stats 2026-11-01 2026-11-30。</i>
order-period-week = 本周
order-period-month = 本月
order-period-year = 今年
order-period-last_month = 上月
order-period-days = { $first } 至 { $last }
order-stats-err-period = 没看懂要统计哪段时间。可以说「上个月」「最近30天」，或这样写：/stats 2026-11（一个月）、/stats 2026（一年）、/stats 2026-11-01 2026-11-30（起止日期）。也可以只发 /stats，再点本周、本月、上月或今年。
order-stats-err-order = 开始日期 { $first } 在结束日期 { $last } 之后。请先写开始日期，再写结束日期，例如 /stats 2026-11-01 2026-11-30。
order-stats-title = <b>台账统计 · { $period }</b>
order-stats-total = 诉求 { $total } 件 · 超期 { $overdue } 件
order-stats-rates = 响应率 { $response } · 解决率 { $resolution } · 满意率 { $satisfaction }（{ $rated } 件已评价）
order-stats-awaiting = 另有 { $count } 件刚提交、还在 24 小时响应期内，暂不计入响应率。
order-stats-times = 首次响应中位数 { $response } · 办结中位数 { $resolve }
order-stats-minutes = { $minutes } 分钟
order-stats-hours = { $hours } 小时
order-stats-by-status = 按状态：{ $items }
order-stats-group = { $name }：{ $total } 件 · 响应 { $response } · 解决 { $resolution } · 满意 { $satisfaction }
order-stats-grid-scope = { $community } · { $grids }
order-stats-by-grid = 按网格（解决率）：{ $items }
order-stats-grid-item = { $name } { $count }（{ $rate }）
# matters in no grid (a public area of the whole community, an address without a grid)
order-stats-no-grid = 不分网格
order-stats-member = { $name } { $count } 单 / { $points } 分
order-stats-by-category = 按分类：{ $items }
order-stats-by-member = 党员/志愿者：{ $items }
order-stats-definitions = <i>响应率＝24 小时内首次响应的诉求 ÷ 应响应的诉求（已响应的，和提交满 24 小时的）；解决率＝已办结 ÷ 已受理；满意率＝满意与基本满意 ÷ 已评价。</i>
order-chart-title = 诉求与办结 · { $period }
order-chart-filed = 新诉求
order-chart-resolved = 办结
order-btn-export = 📥 导出台账 Excel
order-export-working = 正在生成台账…
order-export-busy = 正在生成，请稍候。
order-export-failed = 台账没有生成成功，请稍后再点一次「{ order-btn-export }」。
order-export-done = 台账已生成，共 { $rows } 件。

order-xlsx-sheet = 台账
order-xlsx-number = 编号
order-xlsx-filed = 受理时间
order-xlsx-channel = 渠道
order-xlsx-community = 社区
order-xlsx-grid = 网格
order-xlsx-building = 楼栋
order-xlsx-room = 房号
order-xlsx-contact = 联系人
order-xlsx-phone = 电话
order-xlsx-category = 分类
order-xlsx-urgent = 紧急
order-xlsx-text = 诉求内容
order-xlsx-status = 状态
order-xlsx-first-response = 首次响应
order-xlsx-handling = 处理方式
order-xlsx-order = 工单号
order-xlsx-members = 接单人
order-xlsx-deadline = 办理时限
order-xlsx-result-time = 办结时间
order-xlsx-result = 办理结果
order-xlsx-rating = 评价
order-xlsx-comment = 评价意见
order-xlsx-overdue = 超期
order-xlsx-history = 办理过程
order-xlsx-m-sheet = 党员服务
order-xlsx-m-name = 姓名
order-xlsx-m-unit = 工作单位
order-xlsx-m-community = 报到社区
order-xlsx-m-skills = 技能
order-xlsx-m-claimed = 接单
order-xlsx-m-done = 完成
order-xlsx-m-released = 放弃
order-xlsx-m-hours = 服务时长（小时）
order-xlsx-m-points = 积分
order-xlsx-m-rated = 已评价
order-xlsx-m-satisfied = 满意率
order-xlsx-note-need = 需要人数
order-xlsx-note-points = 积分
order-xlsx-note-claimed = 已接 { $claimed }/{ $needed } 人
order-xlsx-note-by-staff = 由工作人员指派
order-xlsx-note-skills = 原限技能：{ $skills }
order-xlsx-note-round = 第{ $round }轮
order-xlsx-note-voice = 语音
# a merge's history line, the other matter named in it (on the one merged, on the one it went into)
order-history-merge = 并入 { $number }
order-history-merged_in = { $number } 并入本诉求
order-history-join = 居民认定是同一件事，并入 { $number }
order-history-joined = 居民认定 { $number } 是同一件事，并入本诉求
# 办理结果 of a matter declined: the reason the resident was given
order-xlsx-declined = 不予受理：{ $reason }
order-xlsx-note-by-phone = 电话回访
order-xlsx-note-transfer = 转给：{ $unit }
order-xlsx-note-transfer-note = 说明：{ $note }
order-cstatus-active = 接单中
order-cstatus-released = 已放弃
order-cstatus-reassigned = 已改派
order-cstatus-done = 已完成
order-cstatus-cancelled = 已撤销

order-action-file = 登记
order-action-add_info = 补充信息
order-action-withdraw = 撤回
order-action-issue_order = 派单
order-action-order_open = 工单发布
order-action-offer_all = 改为全社区所有党员可接
order-action-handle = 直接办理
order-action-transfer = 转办
order-action-transfer_back = 转办退回
order-action-transfer_answer = 转办答复
order-action-transfer_progress = 转办进展
order-action-review = 申请复核
order-action-merge = 合并
order-action-merged_in = 并入
order-action-join = 居民认定同一件事，并入
order-action-joined = 有居民认定同一件事并入
order-action-decline = 不予受理
order-action-close = 结案
order-action-result = 办结
order-action-claim = 接单
order-action-order_full = 接满
order-action-release = 放弃
order-action-member_note = 接单人留言
order-action-order_reopen_slot = 重新开放
order-action-reassign = 改派
order-action-done = 完成上报
order-action-send_back = 退回
order-action-verify = 验收
order-action-claim_done = 完成
order-action-cancel = 撤销
order-action-order_cancelled = 工单撤销
order-action-rate_satisfied = 评价满意
order-action-rate_basic = 评价基本满意
order-action-rate_unsatisfied = 评价不满意
order-action-rate_comment = 评价留言
order-action-close_unrated = 未评价结案
order-action-category = 改分类
order-action-move_place = 改地点
order-action-mark_urgent = 标为紧急
order-action-unmark_urgent = 取消紧急
order-action-escalate = 上报
order-action-reoffer = 重新派发
order-action-overdue = 超期

## Urgency reasons (codes from services/triage/urgency.py)

order-urgent-by-resident = 居民标注
order-urgent-staff = 社区标注
order-urgent-fall = 摔倒
order-urgent-unconscious = 昏迷
order-urgent-medical = 急病
order-urgent-poisoning = 中毒
order-urgent-gas = 燃气
order-urgent-fire = 火情
order-urgent-electric = 触电/电线
order-urgent-flooding = 漏水/水淹
order-urgent-alone_unreachable = 独居联系不上
order-urgent-missing = 走失
order-urgent-trapped = 被困
order-urgent-violence = 暴力
order-urgent-self_harm = 轻生
order-urgent-falling_object = 高空坠物
order-urgent-collapse = 坍塌
card-action-which = 要办理哪一件诉求？请先打开它：直接发它的编号（如 00012），或点「{ $queue }」再点「查看」；然后点卡片上的「{ $button }」。
card-action-tap = 请点上面卡片上的「{ $button }」。
order-typed-release-one = 要放弃工单 { $number }（{ $title }）吗？点下面的「{ order-btn-release }」，再写一句原因，社区会另外安排人。不放弃就不用管这条。
order-typed-release-which = 您手上有 { $count } 件工单，要放弃哪一件？点那一件的按钮，再写一句原因。不放弃就不用管这条。
order-btn-release-of = ↩️ 放弃 { $number } { $title }
order-typed-news-one = 这是工单 { $number }（{ $title }）的情况吧？点「💬 告诉社区」，这句话会原样转给社区工作人员，也记进台账。
    如果是您自己家要报的事，点「{ fallback-file-button }」。
order-typed-news-which = 这是哪一件工单的情况？点那一件的「💬 告诉社区」，这句话会原样转给社区工作人员，也记进台账。
    如果是您自己家要报的事，点「{ fallback-file-button }」。
order-typed-handover-one = 工单 { $number }（{ $title }）不能直接转给别人，换人要由社区来安排。
    点「💬 告诉社区」，这句话会原样转给社区工作人员；确定不做了，点「{ order-btn-release }」写一句原因，社区会另外派人。
order-typed-handover-which = 工单不能直接转给别人，换人要由社区来安排。您手上有 { $count } 件工单：
    点那一件的「💬 告诉社区」，这句话会原样转给社区工作人员；确定不做了，点那一件的「↩️ 放弃」写一句原因，社区会另外派人。

# 👤 指派: staff give a free place on an open order to a member they chose
order-btn-assign = 👤 指派给党员/志愿者
order-assign-none = 没有可以指派的党员/志愿者（符合技能和片区、还没接这单的）。
order-assign-choose = 指派给谁？选中的人会收到通知，工单就由他来办。
order-assigned = 工单 { $number } 已指派给 { $name }，已通知本人。

# 表扬: a resident's praise passed on (handlers.praise, services.praise)
praise-ask-member = 谢谢您的表扬！要把这些话转达给 { $name }（为您办理诉求 { $number }）和社区吗？
praise-ask-staff = 谢谢您的表扬！要把这些话转达给社区吗？
praise-btn-send = 🌟 转达表扬
praise-btn-drop = 不用了
praise-gone = 这条表扬已经处理过了。想再表扬，直接再说一遍就行。
praise-sent-member = 已转达给 { $name } 和社区，谢谢您！
praise-sent-staff = 已转达给社区，谢谢您！
fallback-choice-praise = 转达表扬
praise-notice-member = 🌟 居民表扬了您（工单 { $number }：{ $title }）：
    「{ $text }」
    谢谢您的付出！
praise-notice-staff = 🌟 居民表扬了 { $name }（诉求 { $number }）：
    「{ $text }」
praise-notice-staff-general = 🌟 { $resident } 表扬社区：
    「{ $text }」
order-action-praise = 居民表扬
fallback-choice-nopraise = 不用转达

# 投诉: a resident's complaint about who served them, to staff only (handlers.complaint, services.complaint)
complaint-ask-matter = 要把您的意见反映给社区吗？会转给负责诉求 { $number } 的工作人员，不会转给本人。
complaint-ask-staff = 要把您的意见反映给社区吗？会转给您所在网格的工作人员，不会转给本人。
complaint-ask-rating = 诉求 { $number } 还没有评价：如果没办好，也可以点「😞 不满意」，诉求会重新办理。
complaint-btn-send = 📣 反映给社区
complaint-btn-unsatisfied = 😞 不满意，重新办理
complaint-btn-drop = 不用了
complaint-gone = 这条意见已经处理过了。还想反映，直接再说一遍就行。
complaint-sent = 已反映给社区，工作人员会跟进处理，谢谢您告诉我们。
complaint-with-rating-ahead = 这些话也会作为意见转给负责诉求 { $number } 的工作人员，不会转给本人。
complaint-with-rating = 您的意见也已转给负责诉求 { $number } 的工作人员（不会转给本人），他们会跟进。
complaint-rated = 已记下「😞 不满意」，诉求 { $number } 会重新办理，您说的情况已转给工作人员，他们会跟进。
complaint-rated-unsatisfied = 已记下「😞 不满意」：诉求 { $number } 会重新办理。您反映的情况已作为意见转给负责诉求 { $number } 的工作人员（不会转给本人），他们会跟进并尽快联系您。
complaint-notice-staff = 📣 居民 { $resident } 反映对 { $name } 的意见（诉求 { $number }，未转给本人）：
    「{ $text }」
    请跟进处理。
complaint-notice-staff-general = 📣 居民 { $resident } 反映对服务的意见：
    「{ $text }」
    请跟进处理。
order-action-complaint = 居民投诉
fallback-choice-complaint = 反映给社区
fallback-choice-unsatisfied = 不满意，重新办理
fallback-choice-nocomplaint = 不用反映

# 指派 typed by staff: '00001 派给刘师傅' (handlers.assign_typed, services.typed_assign)
assign-typed-confirm = 把工单 { $number }（{ $title }）指派给 { $name } 吗？确认后会通知本人，工单由他来办。
assign-typed-btn-confirm = ✅ 确认指派
assign-typed-btn-drop = 不用了
assign-typed-dropped = 好的，没有指派。
assign-typed-which = 工单 { $number }（{ $title }）可以指派的人里，有几位都像「{ $name }」，请选一位：
assign-typed-unknown = 工单 { $number }（{ $title }）可以指派的党员/志愿者里没有「{ $name }」（或他已经在办这单、技能或片区不符）。可以指派的有：
assign-typed-issue-first = 诉求 { $number } 还没有派单，不能直接指派给「{ $name }」。请先点上面卡片的「📤 派单」发布工单，再在工单卡片上点「👤 指派给党员/志愿者」。
assign-typed-full = 工单 { $number } 现在没有空位可以指派（已接满、已完成或已取消）。要换人，可以在上面的工单卡片上改派。

# 📞 已回电 (handlers.call_back_staff): a call-back matter's call recorded by staff
order-action-call_back = 居民请社区回电
order-action-called_back = 已回电
order-action-call_settled_urgent = 记下的情况听起来紧急，工作人员确认电话里已解决并结案
order-action-call_back_words = 回电后改写诉求内容（备注为原来的内容）
order-btn-called-back = 📞 已回电
order-ask-callback-note = 📞 诉求 { $number }：电话里说了什么？写几句记入台账（比如「已说明怎么办理」），或点「跳过」。
order-ask-callback-outcome = 诉求 { $number } 这件事，电话里说好了，还是有事要办？
order-btn-callback-settled = ✅ 电话里已解决，结案
order-btn-callback-matter = 📋 有事要办，继续受理
order-ask-callback-text = 请写下要办的事，作为诉求 { $number } 的内容。现在的内容是：
    { $text }
    不用改就点「跳过」。
order-ask-callback-category = 诉求 { $number } 属于哪一类？（系统建议：{ $category }）
order-callback-settled = 已记下回电：诉求 { $number } 在电话里已解决，已结案。居民会收到通知。
order-callback-settled-night = 已记下回电：诉求 { $number } 在电话里已解决，已结案。现在是夜间免打扰时段，居民会在 { $at } 收到通知。
order-callback-kept = 已记下回电：诉求 { $number } 的内容和分类已更新，还在待受理里，请接着派单、直接办理或转办。
order-callback-sounds-urgent = ⚠️ 您记下的情况听起来紧急（{ $reasons }）：选「{ order-btn-callback-matter }」会按紧急诉求处理，马上提醒网格的工作人员。
order-callback-confirm-urgent = ⚠️ 您记下的情况听起来紧急（{ $reasons }）。诉求 { $number } 结案后就没有人会再跟进了。
    真的在电话里解决了吗？还没解决的话，请选「{ order-btn-callback-alert }」：按紧急诉求处理，马上提醒网格的工作人员。
order-btn-callback-alert = 🚨 不结案，提醒网格
order-btn-callback-confirm = ✅ 确实已解决，结案
order-callback-kept-open-urgent = 🚨 诉求 { $number } 没有结案，已按紧急诉求处理，网格的工作人员已收到提醒。请接着派单、直接办理或转办。
order-callback-kept-urgent = 🚨 按您记下的情况，这件事已按紧急诉求处理，网格的工作人员已收到提醒。
order-notice-called-back-settled = 社区工作人员已经给您回过电话了。电话里说好的事（编号 { $number }）就算办完了。以后有什么事，随时再找我们。
order-notice-called-back-matter = 社区工作人员已经给您回过电话了。您说的事已经记下（编号 { $number }），我们会尽快安排人来办，有进展会告诉您。
